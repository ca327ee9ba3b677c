package io.github.sqliteconsole.core.health;

/**
 * What the overview shows about the database: settings of the host's connections and facts of the file.
 *
 * @param path              the main database file, or an empty string for an in-memory database
 * @param fileBytes         size of the main file
 * @param walBytes          size of the {@code -wal} file, 0 when there is none
 * @param freeDiskBytes     space usable on the file's volume, -1 when unknown
 * @param readOnly          the host cannot write to the database
 * @param openedReadOnly    the host's own connections open it read-only (open mode or {@code query_only}):
 *                          the host chose not to write, so a read-only file is no fault of the setup
 * @param foreignKeys       {@code PRAGMA foreign_keys} on a host connection
 * @param busyTimeoutMillis {@code PRAGMA busy_timeout} on a host connection
 * @param synchronous       {@code PRAGMA synchronous} on a host connection, by name
 */
public record DatabaseInfo(
        String path,
        long fileBytes,
        long walBytes,
        long freeDiskBytes,
        boolean readOnly,
        boolean openedReadOnly,
        boolean foreignKeys,
        int busyTimeoutMillis,
        String synchronous,
        DatabaseFileFacts file) {

    /** Bytes SQLite keeps on the freelist: reclaimable by VACUUM. */
    public long freelistBytes() {
        return file.freelistPages() * file.pageSize();
    }
}
