package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stored backups of one database: the service the console's facade, jobs, pages and health check
 * call. It composes the store, taking a backup, retention, the secondary copies, the drill and the
 * restore, and remembers the last success and failure. It runs no thread: the job manager runs
 * its work, and its scheduler asks {@link #nextBackup()} and {@link #nextDrill()}.
 */
public final class StoredBackups {

    private final StoredBackupOptions options;
    private final Path databaseFile;
    private final BackupStore store;
    private final BackupCopies copies;
    private final TakeBackup takeBackup;
    private final RestoreDrill drill;
    private final RestoreIntoLive restore;
    private final Clock clock;

    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastFailureMessage;
    private volatile Instant lastDrill;
    private volatile List<CopyOutcome> copyProblems = List.of();

    private StoredBackups(StoredBackupOptions options, Path databaseFile, BackupStore store, BackupCopies copies,
                          ConsoleConnections connections, Clock clock) throws IOException {
        this.options = options;
        this.databaseFile = databaseFile;
        this.store = store;
        this.copies = copies;
        this.clock = clock;
        this.takeBackup = new TakeBackup(store, connections, clock, options.compression());
        this.drill = new RestoreDrill(store, connections, clock);
        this.restore = new RestoreIntoLive(store, takeBackup, connections, options.allowRestore());
        // After a restart the schedule goes on from the newest backup on disk, and so do the drills.
        this.lastSuccess = newestIntact(store.list()).map(b -> b.manifest().createdAt()).orElse(null);
        this.lastDrill = store.list().stream().filter(b -> b.manifest() != null && b.manifest().drill() != null)
                .map(b -> b.manifest().drill().at()).max(Instant::compareTo).orElse(null);
    }

    /**
     * Opens the store and the secondary directories (creating them 0700, refusing directories
     * other users can write) and removes the console's temp leftovers of a crash in each.
     */
    public static StoredBackups open(StoredBackupOptions options, Path databaseFile, ConsoleConnections connections,
                                     Clock clock) throws IOException {
        BackupStore store = BackupStore.open(options.store(), "backupStore");
        List<BackupStore> secondaries = new ArrayList<>();
        for (Path copy : options.copies()) {
            secondaries.add(BackupStore.open(copy, "backupCopies"));
        }
        return new StoredBackups(options, databaseFile, store, new BackupCopies(secondaries), connections, clock);
    }

    public StoredBackupOptions options() {
        return options;
    }

    public BackupStore store() {
        return store;
    }

    /**
     * The {@code stored-backup} job: takes a verified backup, applies retention, copies it to the
     * secondary directories (retention there too). A failure is remembered for the health check
     * and rethrown; a failed copy is remembered as a DEGRADED reason, the primary stays.
     */
    public BackupRun backUp(BackupKind kind, JobContext context) throws IOException, SQLException {
        StoredBackup backup;
        try {
            backup = takeBackup.take(databaseFile, kind, context);
        } catch (IOException | SQLException | RuntimeException e) {
            lastFailure = clock.instant();
            lastFailureMessage = e.getMessage();
            throw e;
        }
        lastSuccess = backup.manifest().createdAt();
        context.progress(0.97, "applying retention in " + store.directory());
        List<String> deleted = StoredRetention.apply(store, options.retention()).deleted();
        List<CopyOutcome> copied = copies.copy(backup, options.retention(), context);
        copyProblems = copied.stream().filter(outcome -> !outcome.ok()).toList();
        context.progress(1, "stored " + backup.manifest().file());
        return new BackupRun(backup, deleted, copied);
    }

    /** The {@code restore-drill} job on backup {@code id}. */
    public DrillResult drill(String id, JobContext context) throws IOException, SQLException, RestoreRefused {
        StoredBackup backup = store.find(id).orElseThrow(() -> unknown(id));
        DrillResult result = drill.drill(backup, context);
        lastDrill = result.at();
        return result;
    }

    /** Whether {@code id} names a stored backup, damaged or not: what a job is refused for before it starts. */
    public boolean has(String id) throws IOException {
        return store.find(id).isPresent();
    }

    /** The store's directory stays out: the message reaches whoever typed the id, over HTTP. */
    private static RestoreRefused unknown(String id) {
        return new RestoreRefused("no stored backup " + id + "; pick one from the list");
    }

    /** The scheduled drill: the newest intact backup; empty when there is none yet. */
    public Optional<DrillResult> drillNewest(JobContext context) throws IOException, SQLException, RestoreRefused {
        Optional<StoredBackup> newest = newestIntact(store.list());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(drill(newest.get().id(), context));
    }

    /** Whether there is an intact backup a drill could restore. */
    public boolean hasIntactBackup() throws IOException {
        return newestIntactId().isPresent();
    }

    /** The id of the newest backup that is not damaged, the one a drill picks by default. */
    public Optional<String> newestIntactId() throws IOException {
        return newestIntact(store.list()).map(StoredBackup::id);
    }

    /** What restoring {@code id} would do, for the confirmation; refuses with the reason. */
    public RestorePreflight preflight(String id) throws IOException, SQLException, RestoreRefused {
        return restore.preflight(id, databaseFile);
    }

    /** The {@code restore} job: restores backup {@code id} into the live database. */
    public RestoreResult restore(String id, JobContext context) throws IOException, SQLException, RestoreRefused {
        return restore.restore(id, databaseFile, context);
    }

    /** Every backup with its tiers, newest first. */
    public List<ListedBackup> list() throws IOException {
        List<StoredBackup> backups = store.list();
        Map<String, Set<RetentionTier>> tiers = StoredRetention.plan(backups, options.retention()).kept();
        return backups.stream().map(b -> new ListedBackup(b, tiers.getOrDefault(b.id(), Set.of()))).toList();
    }

    /** The backup file to download: only an intact backup, verified against its SHA-256 first. */
    public Path downloadable(String id) throws IOException, RestoreRefused {
        StoredBackup backup = store.find(id).orElseThrow(() -> unknown(id));
        StoredBackup verified = store.verify(backup, () -> false);
        if (verified.damaged()) {
            throw new RestoreRefused("backup " + id + " is damaged and not handed out: " + verified.damage());
        }
        return verified.file();
    }

    /** Hashes backup {@code id} now and returns it as listed afterwards (the "verify" button). */
    public StoredBackup verify(String id, JobContext context) throws IOException, RestoreRefused {
        StoredBackup backup = store.find(id).orElseThrow(() -> unknown(id));
        return store.verify(backup, context::cancelled);
    }

    /** When the next scheduled backup is due. */
    public Instant nextBackup() {
        return BackupSchedule.nextRun(lastSuccess, lastFailure, options.interval(), clock.instant());
    }

    /** When the next scheduled drill is due. */
    public Instant nextDrill() {
        return BackupSchedule.nextRun(lastDrill, null, options.drillInterval(), clock.instant());
    }

    public BackupStatus status() throws IOException {
        return new BackupStatus(store.directory(), options.interval(), nextBackup(), lastSuccess, lastFailure,
                lastFailureMessage, copyProblems, list());
    }

    /** The {@code backups} health verdict from the store's state (no hashing, no SQL). */
    public BackupHealth health() throws IOException {
        Instant now = clock.instant();
        if (lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess))) {
            return new BackupHealth(false, "the last stored backup failed at " + lastFailure + ": " + lastFailureMessage);
        }
        Optional<StoredBackup> newest = newestIntact(store.list());
        if (newest.isEmpty()) {
            return new BackupHealth(false, "no stored backup in " + store.directory() + " yet");
        }
        Duration age = Duration.between(newest.get().manifest().createdAt(), now);
        if (age.compareTo(options.interval().multipliedBy(2)) >= 0) {
            return new BackupHealth(false, "the newest stored backup is " + age.toMinutes() + " min old, more than twice "
                    + "the interval of " + options.interval().toMinutes() + " min");
        }
        if (!copyProblems.isEmpty()) {
            return new BackupHealth(false, copyProblems.get(0).problem());
        }
        return new BackupHealth(true, "newest stored backup " + newest.get().id() + ", " + age.toMinutes() + " min old");
    }

    private static Optional<StoredBackup> newestIntact(List<StoredBackup> backups) {
        return backups.stream().filter(b -> !b.damaged() && b.manifest().kind() != BackupKind.BEFORE_RESTORE).findFirst();
    }
}
