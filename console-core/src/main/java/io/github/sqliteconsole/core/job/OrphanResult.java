package io.github.sqliteconsole.core.job;

import java.util.List;

/**
 * One relationship and its orphans: child rows whose parent row does not exist.
 *
 * @param origin       {@code declared} (a foreign key), {@code inferred} (a {@code *_id} column) or {@code configured}
 * @param parent       the parent table, or null when none was found for an inferred column
 * @param orphans      how many child rows have no parent
 * @param sampleRowids up to {@link ForeignKeyCheck#SAMPLES} of them
 * @param deleteSql    SQL that would delete the orphans, for review: the console never runs it
 * @param setNullSql   SQL that would clear their reference instead, for review; null when a column is NOT NULL
 * @param error        why the relationship could not be checked (a missing table or column), else null
 * @param note         what the orphans probably are (most hold one "none" value such as 0), else null
 */
public record OrphanResult(String child, List<String> childColumns, String parent, List<String> parentColumns,
                           String origin, long orphans, List<Long> sampleRowids, String deleteSql, String setNullSql,
                           String error, String note) {

    public OrphanResult {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
        sampleRowids = List.copyOf(sampleRowids);
    }

    public boolean declared() {
        return origin.equals("declared");
    }
}
