package io.github.sqliteconsole.core.job;

import java.util.List;

/**
 * One declared foreign key and the child rows whose parent is missing.
 *
 * @param violations   rows breaking it, as {@code PRAGMA foreign_key_check} counts them
 * @param sampleRowids up to {@link ForeignKeyCheck#SAMPLES} of those rows' rowids (empty for WITHOUT ROWID)
 * @param error        why this key could not be checked (missing parent, key not unique), else null
 * @param missingIndex a CREATE INDEX for the child columns when no index starts with them, else null
 */
public record ForeignKeyResult(String table, String parent, List<String> columns, List<String> parentColumns,
                               long violations, List<Long> sampleRowids, String error, String missingIndex) {

    public ForeignKeyResult {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
        sampleRowids = List.copyOf(sampleRowids);
    }
}
