package io.github.sqliteconsole.core.schema;

import java.util.List;

/**
 * Everything the schema says about one table.
 *
 * @param type           {@code table}, {@code virtual}, {@code shadow} or {@code internal}
 * @param sql            the CREATE statement as stored in {@code sqlite_schema}
 * @param foreignKeysOut the foreign keys this table declares
 * @param foreignKeysIn  foreign keys of other tables that reference this one
 * @param missingModule  the virtual table module this SQLite lacks (its columns and rows cannot be
 *                       read here), else null
 */
public record TableDetails(String name, String type, boolean withoutRowid, boolean strict, String sql,
                           List<ColumnInfo> columns, List<IndexInfo> indexes, List<ForeignKeyInfo> foreignKeysOut,
                           List<ForeignKeyInfo> foreignKeysIn, List<TriggerInfo> triggers, String missingModule) {

    public TableDetails {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeysOut = List.copyOf(foreignKeysOut);
        foreignKeysIn = List.copyOf(foreignKeysIn);
        triggers = List.copyOf(triggers);
    }

    public TableDetails(String name, String type, boolean withoutRowid, boolean strict, String sql,
                        List<ColumnInfo> columns, List<IndexInfo> indexes, List<ForeignKeyInfo> foreignKeysOut,
                        List<ForeignKeyInfo> foreignKeysIn, List<TriggerInfo> triggers) {
        this(name, type, withoutRowid, strict, sql, columns, indexes, foreignKeysOut, foreignKeysIn, triggers, null);
    }

    /** Its columns and rows can be read: not a virtual table whose module this SQLite lacks. */
    public boolean readable() {
        return missingModule == null;
    }

    /**
     * Rows can be paged by rowid: every table except WITHOUT ROWID ones. A view has no rowid
     * either, yet is not WITHOUT ROWID ({@code pragma_table_list} says wr=0 for it).
     */
    public boolean hasRowid() {
        return !withoutRowid && !"view".equals(type);
    }

    /**
     * The column that is the rowid under another name, or null: a rowid table's single-column
     * primary key declared exactly {@code INTEGER}. Paging by it shows the key once instead of twice.
     */
    public String rowidAlias() {
        List<String> key = primaryKey();
        if (!hasRowid() || key.size() != 1) {
            return null;
        }
        return columns.stream()
                .filter(column -> column.name().equals(key.get(0)) && column.declaredType().equalsIgnoreCase("INTEGER"))
                .findFirst().map(ColumnInfo::name).orElse(null);
    }

    /** Primary key columns in key order; empty for a rowid table without a declared key. */
    public List<String> primaryKey() {
        return columns.stream().filter(column -> column.pkPosition() > 0)
                .sorted(java.util.Comparator.comparingInt(ColumnInfo::pkPosition)).map(ColumnInfo::name).toList();
    }
}
