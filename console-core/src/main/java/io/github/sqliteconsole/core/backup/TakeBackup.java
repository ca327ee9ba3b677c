package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.job.SideTask;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * Takes one stored backup: SQLite's online backup API in one step into a 0600 temp file in the
 * store (one read transaction: in WAL mode writers go on, and the copy is one consistent state),
 * the copy switched to a rollback journal so it stands alone, verified (page count × page size
 * equals its size, {@code quick_check}, rows per table), hashed as stored (the .gz when
 * compressed), fsynced, renamed into place, and only then described by its manifest.
 */
public final class TakeBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackupStore store;
    private final ConsoleConnections connections;
    private final Clock clock;
    private final boolean compression;
    private volatile double bytesPerSecond;

    public TakeBackup(BackupStore store, ConsoleConnections connections, Clock clock, boolean compression) {
        this.store = store;
        this.connections = connections;
        this.clock = clock;
        this.compression = compression;
    }

    /** Whether backups are gzipped. */
    public boolean compresses() {
        return compression;
    }

    /** How fast the last online copy went, bytes per second; 0 before the first. */
    public double measuredCopyRate() {
        return bytesPerSecond;
    }

    /**
     * Takes a backup of {@code databaseFile}; stops between steps once {@code context} is
     * cancelled, leaving nothing behind. Returns the backup as listed, with its manifest.
     */
    public StoredBackup take(Path databaseFile, BackupKind kind, JobContext context) throws SQLException, IOException {
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String name = uniqueName(databaseFile, createdAt);
        Path copy = store.createTemp(name);
        Path gz = null;
        try {
            long size;
            try (Connection source = openSource(databaseFile)) {
                size = Queries.databaseBytes(source);
                requireSpace(databaseFile, size);
                context.progress(0, "copying " + ByteSize.format(size) + " of " + databaseFile.getFileName()
                        + " with the online backup API (one step)");
                long started = System.nanoTime();
                copyOnline(databaseFile, copy);
                bytesPerSecond = size / Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            }
            stopIfCancelled(context, databaseFile);
            context.progress(0.3, "verifying the copy of " + databaseFile.getFileName() + " (quick_check, rows per table)"
                    + (compression ? " and compressing it" : ""));
            Verified verified;
            String sha256;
            if (compression) {
                gz = store.createTemp(name + ".gz");
            }
            // The file kept (the copy, or its gzip) is hashed and fsynced beside the checks.
            try (SideTask<byte[]> digest = BackgroundDigest.start(copy, gz, true, context::cancelled,
                    (done, total) -> context.progress(0.3 + 0.6 * done / Math.max(1, total), "verifying the copy of "
                            + databaseFile.getFileName() + " (quick_check, rows per table) and "
                            + (compression ? "compressing" : "hashing") + " it: " + ByteSize.format(done) + " of "
                            + ByteSize.format(total)))) {
                verified = verify(copy, databaseFile, kind, context);
                sha256 = HexFormat.of().formatHex(digest.await());
            }
            stopIfCancelled(context, databaseFile);
            Path stored;
            String finalName = compression ? name + ".gz" : name;
            store.arriving(finalName);
            if (compression) {
                Files.delete(copy);
                stored = store.moveIntoPlace(gz, finalName);
            } else {
                stored = store.moveIntoPlace(copy, name);
            }
            store.remember(stored, sha256);
            BackupManifest manifest = new BackupManifest(BackupStore.idOf(name).orElseThrow(), createdAt, kind,
                    databaseFile.toAbsolutePath().toString(), stored.getFileName().toString(), Files.size(stored), sha256,
                    compression, verified.pageCount(), verified.pageSize(), verified.sqliteVersion(),
                    verified.userVersion(), verified.tables(), verified.quickCheck(), null);
            context.progress(0.95, "writing the manifest " + manifest.file() + BackupStore.MANIFEST_SUFFIX);
            store.writeManifest(manifest);
            return new StoredBackup(manifest.id(), stored, manifest, null);
        } catch (SQLException | IOException e) {
            // A cancel interrupts SQLite or the hashing; say so instead of "interrupted".
            if (context.cancelled()) {
                throw new IOException(databaseFile.getFileName() + " - stored backup cancelled; nothing was stored", e);
            }
            throw e;
        } finally {
            deleteTemp(copy);
            if (gz != null) {
                deleteTemp(gz);
            }
            store.settled(compression ? name + ".gz" : name);
        }
    }

    private Connection openSource(Path databaseFile) throws SQLException {
        try {
            return connections.openReadOnly(databaseFile);
        } catch (SQLException e) {
            throw new SQLException(databaseFile + " - stored backup failed: cannot open the database ("
                    + SqliteErrors.describe(e) + "); nothing was stored; check that the file exists and is readable",
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private String uniqueName(Path databaseFile, Instant createdAt) {
        String base = safeName(databaseFile) + "-" + STAMP.format(createdAt);
        String name = base + ".db";
        // Two backups in one second (a manual one beside the scheduled one) get -2, -3, ...
        for (int n = 2; taken(name); n++) {
            name = base + "-" + n + ".db";
        }
        return name;
    }

    private boolean taken(String name) {
        Path directory = store.directory();
        return Files.exists(directory.resolve(name)) || Files.exists(directory.resolve(name + ".gz"))
                || Files.exists(directory.resolve(name + BackupStore.MANIFEST_SUFFIX))
                || Files.exists(directory.resolve(name + ".gz" + BackupStore.MANIFEST_SUFFIX));
    }

    private void requireSpace(Path databaseFile, long size) throws IOException {
        long needed = size * (compression ? 2 : 1);
        long free = Files.getFileStore(store.directory()).getUsableSpace();
        if (free < needed) {
            throw new IOException(databaseFile.getFileName() + " - stored backup refused: " + ByteSize.format(free)
                    + " free in " + store.directory() + ", about " + ByteSize.format(needed)
                    + " needed; free space there (retention deletes old backups after each new one)");
        }
    }

    /** The same online copy as a download's; the file kept is fsynced beside the checks (see OnlineCopy). */
    private void copyOnline(Path databaseFile, Path copy) throws SQLException, IOException {
        try {
            OnlineCopy.copy(connections, databaseFile, copy);
        } catch (SQLException e) {
            throw new SQLException(databaseFile.getFileName() + " - stored backup: " + e.getMessage()
                    + "; the next run retries", e.getSQLState(), e.getErrorCode(), e);
        }
    }

    record Verified(long pageCount, long pageSize, String sqliteVersion, long userVersion, Map<String, Long> tables,
                    String quickCheck) {
    }

    /**
     * Checks the copy: {@code quick_check} split by table over two connections (as a download's
     * snapshot), then rows per table. The copy is in rollback-journal mode already and nobody else
     * has it, so read-only connections see exactly the bytes being hashed beside them. A damaged copy
     * is refused, except before a restore: restoring is how a damaged database is repaired, so what
     * was there is kept as found, its verdict in the manifest (a restore of it is then refused).
     */
    private Verified verify(Path copy, Path databaseFile, BackupKind kind, JobContext context)
            throws SQLException, IOException {
        try (Connection check = connections.openReadOnly(copy)) {
            long pageCount = Queries.longValue(check, "PRAGMA page_count");
            long pageSize = Queries.longValue(check, "PRAGMA page_size");
            if (pageCount * pageSize != Files.size(copy)) {
                throw new SQLException(databaseFile.getFileName() + " - stored backup: the copy holds " + pageCount
                        + " pages of " + pageSize + " bytes but is " + Files.size(copy) + " bytes long; nothing was stored");
            }
            String verdict = SplitQuickCheck.run(connections, copy, context);
            boolean damaged = !"ok".equals(verdict);
            if (damaged && kind != BackupKind.BEFORE_RESTORE) {
                throw new SQLException(databaseFile.getFileName() + " - stored backup: the copy failed quick_check ("
                        + verdict + "); nothing was stored; run the integrity check on the live database");
            }
            return new Verified(pageCount, pageSize, Queries.text(check, "SELECT sqlite_version()"),
                    Queries.longValue(check, "PRAGMA user_version"), BackupFacts.rowCounts(check, context, damaged),
                    verdict);
        }
    }

    private static void stopIfCancelled(JobContext context, Path databaseFile) throws IOException {
        if (context.cancelled()) {
            throw new IOException(databaseFile.getFileName() + " - stored backup cancelled; nothing was stored");
        }
    }

    /** Deletes a temp file and the journal, WAL and shared memory SQLite may have left beside it. */
    private static void deleteTemp(Path temp) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
        }
    }

    /** The database's file name without extension, reduced to characters safe in a file name. */
    static String safeName(Path databaseFile) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceFirst("^\\.+", "");
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "database" : safe;
    }
}
