package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.integrity.ForeignKeyCheck;
import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.job.SideTask;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.sqlite.SQLiteConnection;

/**
 * Restores a stored backup into the live database while the host runs: the backup API copies it,
 * on a console-owned read-write connection, into the same file (same inode; no file swap), so
 * host pool connections see the restored data at their next transaction and none breaks.
 *
 * <p>Everything that can refuse runs first and changes nothing: the backup's SHA-256 (and its
 * {@code quick_check} when its manifest does not say it passed), the page size when the live
 * database is in WAL mode (SQLite cannot change it there), free disk for the before-restore
 * backup. Then a {@code before-restore} backup of the live database is stored, and the copy runs in
 * one step: one write transaction, so writers wait for it, and a crash or kill during it rolls it
 * back as any transaction. The live database gets a {@code quick_check} afterwards.
 *
 * <p>Cancelling: honoured up to the start of the copy. Once the copy started it runs to its end
 * (SQLite's backup step cannot be interrupted half-way, and stopping it would only throw away a
 * finished transaction); the checks after it are short and run too.
 */
public final class RestoreIntoLive {

    /** Copy rate assumed before any stored backup measured one: a slow disk's. */
    static final double ASSUMED_BYTES_PER_SECOND = 50e6;
    private static final int BUSY_RETRY_MILLIS = 100;
    private static final int BUSY_RETRIES = 100;

    private final BackupStore store;
    private final TakeBackup takeBackup;
    private final ConsoleConnections connections;
    private final boolean allowed;
    /** How fast the last restore's copy went, bytes per second; 0 before the first. */
    private volatile double restoreBytesPerSecond;

    public RestoreIntoLive(BackupStore store, TakeBackup takeBackup, ConsoleConnections connections, boolean allowed) {
        this.store = store;
        this.takeBackup = takeBackup;
        this.connections = connections;
        this.allowed = allowed;
    }

    /** The checks that need no hashing, and what the restore would do; refuses with the reason. */
    public RestorePreflight preflight(String backupId, Path liveFile) throws IOException, SQLException, RestoreRefused {
        String live = liveFile.getFileName().toString();
        if (!allowed) {
            throw new RestoreRefused(live + " - restore is not allowed; set allowRestore(true) in the console's options "
                    + "to restore stored backups into the live database");
        }
        StoredBackup backup = store.find(backupId).orElseThrow(() -> new RestoreRefused(live + " - restore refused: no "
                + "stored backup " + backupId + "; pick one from the list"));
        if (backup.damaged()) {
            throw new RestoreRefused(live + " - restore refused: backup " + backupId + " is damaged: " + backup.damage());
        }
        BackupManifest manifest = backup.manifest();
        if (manifest.kind() == BackupKind.BEFORE_RESTORE && !"ok".equals(manifest.quickCheck())) {
            // Only a before-restore backup is kept damaged: the database it saved was damaged already.
            throw new RestoreRefused(live + " - restore refused: backup " + backupId + " was taken of a damaged "
                    + "database (" + manifest.quickCheck() + "); nothing was changed; restore another backup");
        }
        long backupBytes = manifest.pageCount() * manifest.pageSize();
        try (Connection connection = connections.openReadOnly(liveFile)) {
            String journalMode = Queries.text(connection, "PRAGMA journal_mode").toLowerCase(Locale.ROOT);
            long pageSize = Queries.longValue(connection, "PRAGMA page_size");
            long liveBytes = Queries.databaseBytes(connection);
            if ("wal".equals(journalMode) && pageSize != manifest.pageSize()) {
                throw new RestoreRefused(live + " - restore refused: the live database is in WAL mode with pages of "
                        + pageSize + " bytes, backup " + backupId + " has pages of " + manifest.pageSize()
                        + " bytes, and SQLite cannot change the page size of a WAL database; nothing was changed. "
                        + "Restore it offline (sqlite3 " + live + " \".restore backup.db\" with the application stopped)");
            }
            long needed = liveBytes * (takeBackupCompresses() ? 2 : 1) + backupBytes;
            long free = Files.getFileStore(store.directory()).getUsableSpace();
            if (free < needed) {
                throw new RestoreRefused(live + " - restore refused: " + ByteSize.format(free) + " free in "
                        + store.directory() + ", about " + ByteSize.format(needed) + " needed for the before-restore "
                        + "backup and the unpacked backup; nothing was changed; free space there");
            }
            double rate;
            double factor;
            if (restoreBytesPerSecond > 0) {
                rate = restoreBytesPerSecond; // the last restore's own copy
                factor = 1;
            } else {
                rate = takeBackup.measuredCopyRate() > 0 ? takeBackup.measuredCopyRate() : ASSUMED_BYTES_PER_SECOND;
                // A backup's copy is written without journal or syncs. Into the live database every page
                // goes to its journal or WAL first, with syncs: measured about four times as long into
                // a WAL database (4.4 s against 1.1 s on 818 MB), assumed twice otherwise.
                factor = "wal".equals(journalMode) ? 4 : 2;
            }
            Duration wait = Duration.ofMillis((long) (factor * Math.max(backupBytes, liveBytes) / rate * 1000));
            return new RestorePreflight(backupId, manifest.createdAt(), backupBytes, manifest.bytes(),
                    manifest.compressed(), liveFile, liveBytes, journalMode, wait);
        }
    }

    /**
     * Restores backup {@code backupId} into {@code liveFile}. Throws {@link RestoreRefused} when it
     * cannot succeed, before the live database changed.
     */
    public RestoreResult restore(String backupId, Path liveFile, JobContext context)
            throws IOException, SQLException, RestoreRefused {
        String live = liveFile.getFileName().toString();
        preflight(backupId, liveFile);
        StoredBackup backup = store.find(backupId).orElseThrow();
        context.progress(0, "checking the SHA-256 of " + backupId);
        Path unpacked = UnpackBackup.unpack(store, backup, context, 0, 0.3);
        try {
            checkUnlessProven(backup, unpacked, context, live);
            context.progress(0.3, "taking the before-restore backup of " + live + " and counting the foreign key "
                    + "violations in " + backupId);
            StoredBackup before;
            long violations;
            // The restored database will hold the backup's pages, so its foreign keys are counted in
            // the unpacked backup, beside the before-restore backup: nothing runs beside the copy,
            // which holds the live database's write lock (a check on the other core made it, and
            // the writers' wait, more than twice as long on a busy machine).
            try (SideTask<Long> counting = SideTask.start("sqlite-console-restore-foreign-keys",
                    stopped -> foreignKeyViolations(unpacked, () -> stopped.getAsBoolean() || context.cancelled()))) {
                before = takeBackup.take(liveFile, BackupKind.BEFORE_RESTORE, context);
                StoredRetention.pruneBeforeRestore(store);
                violations = counting.await();
            } catch (SQLException e) {
                stopIfCancelled(context, live);
                throw e;
            }
            stopIfCancelled(context, live);
            context.progress(0.7, "copying " + backupId + " into " + live + " (writers wait until it is done)");
            Duration copyTime = copyInto(liveFile, unpacked, backupId);
            restoreBytesPerSecond = backup.manifest().pageCount() * backup.manifest().pageSize()
                    / Math.max(1e-3, copyTime.toNanos() / 1e9);
            context.progress(0.9, "quick_check of " + live);
            try (Connection check = connections.openReadOnly(liveFile)) {
                String quickCheck = BackupFacts.check(check, "quick_check", JobContext.NONE);
                return new RestoreResult(backupId, before.id(), quickCheck, violations, copyTime);
            }
        } finally {
            Files.deleteIfExists(unpacked);
            Files.deleteIfExists(unpacked.resolveSibling(unpacked.getFileName() + "-journal"));
        }
    }

    /**
     * {@code quick_check} of the unpacked backup, unless its manifest says the check passed when it
     * was taken: the SHA-256 just matched, and a backup is hashed after its check, from the checked
     * file (or from the gzip of it), so these are the bytes that passed; checking them again proves
     * nothing new and took as long as the copy. The live database is still checked after the copy.
     */
    private void checkUnlessProven(StoredBackup backup, Path unpacked, JobContext context, String live)
            throws SQLException, IOException, RestoreRefused {
        if ("ok".equals(backup.manifest().quickCheck())) {
            return;
        }
        context.progress(0.3, "quick_check of " + backup.id());
        try (Connection check = connections.openReadOnly(unpacked)) {
            String verdict = checkUnlessCancelled(check, context, live);
            if (!"ok".equals(verdict)) {
                throw new RestoreRefused(live + " - restore refused: backup " + backup.id() + " fails quick_check ("
                        + verdict + "); nothing was changed; restore another backup");
            }
        }
    }

    /**
     * The rows {@code PRAGMA foreign_key_check} would report, counted with the console's key-by-key
     * check: a seventh of the pragma's time on the benchmark database, and a key the pragma stops at
     * ("foreign key mismatch") no longer fails the restore after its copy.
     */
    private long foreignKeyViolations(Path database, BooleanSupplier stopped) throws SQLException {
        JobContext stopWhenClosed = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean cancelled() {
                return stopped.getAsBoolean();
            }
        };
        try (Connection check = connections.openReadOnly(database)) {
            return new ForeignKeyCheck().run(check, stopWhenClosed).stream().mapToLong(ForeignKeyResult::violations).sum();
        }
    }

    private boolean takeBackupCompresses() {
        return takeBackup.compresses();
    }

    /**
     * The copy: SQLite's backup API from the unpacked file into the live database, in one step
     * (one write transaction), on the console's own connection. While a host writer holds the
     * write lock the step is retried; the live database is never half-copied.
     */
    private Duration copyInto(Path liveFile, Path unpacked, String backupId) throws SQLException {
        long started = System.nanoTime();
        try (Connection target = connections.openReadWrite(liveFile)) {
            // The source is the console's own temp file, never text from a request.
            int result = target.unwrap(SQLiteConnection.class).getDatabase()
                    .restore("main", unpacked.toString(), null, BUSY_RETRY_MILLIS, BUSY_RETRIES, -1);
            if (result != 0) {
                throw new SQLException(liveFile.getFileName() + " - restore of " + backupId + " did not run: SQLite result "
                        + "code " + result + " (the database stayed busy for "
                        + BUSY_RETRY_MILLIS * BUSY_RETRIES / 1000 + " s); the live database is unchanged; retry when it "
                        + "is less busy");
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String checkUnlessCancelled(Connection check, JobContext context, String live)
            throws SQLException, IOException {
        try {
            String verdict = BackupFacts.check(check, "quick_check", context);
            stopIfCancelled(context, live);
            return verdict;
        } catch (SQLException e) {
            if (context.cancelled()) {
                throw new IOException(live + " - restore cancelled before the copy started; the live database is unchanged", e);
            }
            throw e;
        }
    }

    private static void stopIfCancelled(JobContext context, String live) throws IOException {
        if (context.cancelled()) {
            throw new IOException(live + " - restore cancelled before the copy started; the live database is unchanged");
        }
    }
}
