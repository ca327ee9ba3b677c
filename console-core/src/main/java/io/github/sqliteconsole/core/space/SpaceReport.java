package io.github.sqliteconsole.core.space;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of the database file are, table by table.
 *
 * @param tables        every table, largest first
 * @param pagesBytes    page count times page size: every page of the main file, as SQLite counts them
 * @param fileBytes     the main file's size on disk, as the file system tells it; more than
 *                      {@code pagesBytes} when the file was extended past its pages (preallocated,
 *                      {@code SQLITE_FCNTL_CHUNK_SIZE} as Firefox sets it), 0 when unknown
 * @param freelistBytes free pages: what VACUUM would give back
 * @param walBytes      the {@code -wal} file
 * @param sizesKnown    false when this SQLite lacks the {@code dbstat} table: byte columns are then 0
 */
public record SpaceReport(List<TableSpace> tables, long pagesBytes, long fileBytes, long freelistBytes, long walBytes,
                          boolean sizesKnown) {

    public SpaceReport {
        tables = tables.stream().sorted(Comparator.comparingLong(TableSpace::totalBytes).reversed()
                .thenComparing(TableSpace::name)).toList();
    }

    public Optional<TableSpace> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** Share of the database's pages a table takes, 0..1. */
    public double shareOf(TableSpace table) {
        return pagesBytes == 0 ? 0 : (double) table.totalBytes() / pagesBytes;
    }

    /**
     * Pages that belong to no table, index or freelist: auto_vacuum's pointer-map pages and the
     * lock-byte page of files over 1 GiB. Tables + free + these = the pages; 0 when sizes are unknown.
     */
    public long otherPagesBytes() {
        if (!sizesKnown) {
            return 0;
        }
        return Math.max(0, pagesBytes - freelistBytes - tables.stream().mapToLong(TableSpace::totalBytes).sum());
    }

    /** True when every row count is a {@code count(*)}. */
    public boolean allRowsExact() {
        return tables.stream().allMatch(TableSpace::rowsExact);
    }
}
