package io.github.sqliteconsole.core.space;

import java.util.List;

/**
 * Where one table's bytes are.
 *
 * @param name         the table's name, exactly as in the schema
 * @param type         {@code table}, {@code virtual} (its bytes are its shadow tables') or
 *                     {@code internal} (SQLite's own, such as {@code sqlite_sequence})
 * @param withoutRowid a WITHOUT ROWID table
 * @param strict       a STRICT table
 * @param rows         row count, exact or estimated; -1 when unknown
 * @param rowsExact    true when {@code rows} is a {@code count(*)}, false when estimated
 * @param tableBytes   bytes of the table's own b-tree (for a virtual table: of its shadow tables)
 * @param unusedBytes  bytes inside those pages that hold no data
 * @param overflowPages pages holding the overflow of rows too big for one page (large TEXT or
 *                     BLOB values): many of them make reads of those rows slow
 * @param indexes      its indexes, largest first
 * @param shadowTables for a virtual table, the tables SQLite keeps its data in
 */
public record TableSpace(String name, String type, boolean withoutRowid, boolean strict, long rows, boolean rowsExact,
                         long tableBytes, long unusedBytes, long overflowPages, List<IndexSpace> indexes, List<String> shadowTables) {

    public TableSpace {
        indexes = List.copyOf(indexes);
        shadowTables = List.copyOf(shadowTables);
    }

    public long indexBytes() {
        return indexes.stream().mapToLong(IndexSpace::bytes).sum();
    }

    public long totalBytes() {
        return tableBytes + indexBytes();
    }

    TableSpace withRows(long count, boolean exact) {
        return new TableSpace(name, type, withoutRowid, strict, count, exact, tableBytes, unusedBytes, overflowPages, indexes,
                shadowTables);
    }
}
