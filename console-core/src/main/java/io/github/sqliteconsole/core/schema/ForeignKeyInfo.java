package io.github.sqliteconsole.core.schema;

import java.util.List;

/**
 * One declared foreign key.
 *
 * @param childTable    the table holding the reference
 * @param parentTable   the referenced table, as written in the declaration
 * @param parentColumns referenced columns; empty when the declaration names only the table (its primary key)
 */
public record ForeignKeyInfo(int id, String childTable, List<String> childColumns, String parentTable,
                             List<String> parentColumns, String onUpdate, String onDelete) {

    public ForeignKeyInfo {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
    }
}
