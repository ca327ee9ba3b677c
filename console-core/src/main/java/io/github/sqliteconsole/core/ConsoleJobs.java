package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.backup.BackupKind;
import io.github.sqliteconsole.core.backup.BackupRun;
import io.github.sqliteconsole.core.backup.Backups;
import io.github.sqliteconsole.core.backup.DrillResult;
import io.github.sqliteconsole.core.backup.RestoreRefused;
import io.github.sqliteconsole.core.backup.RestoreResult;
import io.github.sqliteconsole.core.backup.ScheduledBackups;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.integrity.ForeignKeyCheck;
import io.github.sqliteconsole.core.integrity.IntegrityCheck;
import io.github.sqliteconsole.core.integrity.OrphanScan;
import io.github.sqliteconsole.core.job.DrillReport;
import io.github.sqliteconsole.core.job.ForeignKeyReport;
import io.github.sqliteconsole.core.job.InvalidJobArgument;
import io.github.sqliteconsole.core.job.JobArguments;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.job.JobFailed;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobResult;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import io.github.sqliteconsole.core.job.OrphanReport;
import io.github.sqliteconsole.core.job.RestoreReport;
import io.github.sqliteconsole.core.job.StoredBackupReport;
import io.github.sqliteconsole.core.maintenance.Maintenance;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.sql.OperationRefused;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place a job kind meets its work: an exhaustive switch over {@link JobKind}, so a new
 * kind without work does not compile. Checks run on a read-only connection of the console's own,
 * maintenance on a read-write one; both are opened per job and closed when it ends.
 */
final class ConsoleJobs {

    private static final int MAX_INTEGRITY_ERRORS = 100;
    /**
     * Jobs that each read or write the whole file for a long time: one of them at a time, so a
     * scheduled backup never runs beside a VACUUM or a restore.
     */
    private static final Set<JobKind> HEAVY = EnumSet.of(JobKind.VACUUM, JobKind.STORED_BACKUP, JobKind.RESTORE_DRILL,
            JobKind.RESTORE);

    private final JobManager jobs;
    private final HostDatabase database;
    private final ConsoleOptions options;
    private final Backups backups;
    private final ScheduledBackups storedBackups;

    ConsoleJobs(JobManager jobs, HostDatabase database, ConsoleOptions options, Backups backups,
                ScheduledBackups storedBackups) {
        this.jobs = jobs;
        this.database = database;
        this.options = options;
        this.backups = backups;
        this.storedBackups = storedBackups;
    }

    /** @throws JobConflict when a job of that kind (or one it conflicts with) is running */
    JobSnapshot start(JobArguments arguments) throws JobConflict {
        return start(arguments, BackupKind.MANUAL);
    }

    /** A job the backup schedule starts: a stored backup made by it is marked scheduled. */
    void startScheduled(JobKind kind) throws JobConflict {
        start(kind.arguments(Map.of()), BackupKind.SCHEDULED);
    }

    private JobSnapshot start(JobArguments arguments, BackupKind trigger) throws JobConflict {
        if (!HEAVY.contains(arguments.kind())) {
            return startNow(arguments, trigger);
        }
        synchronized (this) {
            for (JobKind heavy : HEAVY) {
                Optional<JobSnapshot> running = jobs.latest(heavy.apiName()).filter(job -> job.state() == JobState.RUNNING);
                if (running.isPresent()) {
                    throw new JobConflict(running.get());
                }
            }
            return startNow(arguments, trigger);
        }
    }

    private JobSnapshot startNow(JobArguments arguments, BackupKind trigger) throws JobConflict {
        JobKind kind = arguments.kind();
        return switch (kind) {
            case QUICK_CHECK -> check(kind, (own, context) -> new IntegrityCheck(true, MAX_INTEGRITY_ERRORS).run(own, context));
            case INTEGRITY_CHECK -> check(kind, (own, context) -> new IntegrityCheck(false, MAX_INTEGRITY_ERRORS).run(own, context));
            case FOREIGN_KEY_CHECK -> check(kind, (own, context) -> new ForeignKeyReport(new ForeignKeyCheck().run(own, context)));
            case ORPHAN_SCAN -> check(kind, (own, context) -> new OrphanReport(new OrphanScan(options.relations()).run(own, context)));
            case OPTIMIZE -> maintenance(Maintenance.Operation.OPTIMIZE);
            case ANALYZE -> maintenance(Maintenance.Operation.ANALYZE);
            case CHECKPOINT -> maintenance(arguments.get("mode").equals("TRUNCATE")
                    ? Maintenance.Operation.CHECKPOINT_TRUNCATE : Maintenance.Operation.CHECKPOINT_PASSIVE);
            case REINDEX -> maintenance(Maintenance.Operation.REINDEX);
            case INCREMENTAL_VACUUM -> maintenance(Maintenance.Operation.INCREMENTAL_VACUUM);
            case VACUUM -> maintenance(Maintenance.Operation.VACUUM);
            case BACKUP -> backups.prepare(jobs, options.jobDeadline(), arguments.get("compress").equals("gzip"));
            case STORED_BACKUP -> stored(kind, (stored, context) -> storedBackupReport(stored.backUp(trigger, context)));
            case RESTORE_DRILL -> {
                String id = knownBackup(arguments);
                yield stored(kind, (stored, context) -> drillReport(stored, id, context));
            }
            case RESTORE -> {
                String id = knownBackup(arguments);
                if (id.isEmpty()) {
                    throw new InvalidJobArgument(kind, "backup", id, "name the stored backup to restore, as GET /api/backups lists it");
                }
                yield stored(kind, (stored, context) -> restoreReport(stored.restore(id, context)));
            }
        };
    }

    private interface StoredWork {
        JobResult run(StoredBackups stored, JobContext context) throws IOException, SQLException, RestoreRefused;
    }

    /**
     * A stored-backup kind: on the job's thread, never the caller's; a refusal or a failed file
     * step ends the job FAILED with its plain message (which names the backup and what to do).
     */
    private JobSnapshot stored(JobKind kind, StoredWork work) throws JobConflict {
        return jobs.start(kind.apiName(), options.jobDeadline(), context -> {
            try {
                Optional<StoredBackups> stored = storedBackups.stored();
                if (stored.isEmpty()) {
                    throw new OperationRefused(database.file(), kind.apiName(),
                            "stored backups are off; set backupStore to a directory to turn them on");
                }
                return named(kind, context, () -> work.run(stored.get(), context));
            } catch (RestoreRefused | IOException e) {
                if (context.cancelled()) {
                    throw e;
                }
                throw new JobFailed(e.getMessage(), e);
            }
        });
    }

    /**
     * The {@code backup} argument, refused before any job starts when it names no stored backup:
     * a typo is the caller's mistake (400), not a job that fails. Empty (the newest, for a drill)
     * passes; so does any id while stored backups are off or their store cannot be read, which the
     * job itself then reports.
     */
    private String knownBackup(JobArguments arguments) {
        String id = arguments.get("backup");
        if (id.isEmpty()) {
            return id;
        }
        boolean unknown;
        try {
            Optional<StoredBackups> stored = storedBackups.stored();
            unknown = stored.isPresent() && !stored.get().has(id);
        } catch (IOException | SQLException e) {
            return id;
        }
        if (unknown) {
            throw new InvalidJobArgument(arguments.kind(), "backup", id,
                    "there is no stored backup with that id; pick one as GET /api/backups lists it");
        }
        return id;
    }

    private static StoredBackupReport storedBackupReport(BackupRun run) {
        var manifest = run.backup().manifest();
        return new StoredBackupReport(run.backup().id(), manifest.file(), manifest.createdAt(), manifest.bytes(),
                manifest.sha256(), manifest.compressed(), run.deleted(),
                run.copies().stream().filter(copy -> !copy.ok()).map(copy -> copy.directory() + ": " + copy.problem()).toList());
    }

    private static DrillReport drillReport(StoredBackups stored, String id, JobContext context)
            throws IOException, SQLException, RestoreRefused {
        if (id.isEmpty()) {
            String newest = stored.newestIntactId().orElseThrow(() -> new RestoreRefused("no intact stored backup in "
                    + stored.store().directory() + " to drill yet; take one first (Back up now)"));
            return drillReport(stored, newest, context);
        }
        DrillResult result = stored.drill(id, context);
        return new DrillReport(id, result.at(), result.ok(), result.detail());
    }

    private static RestoreReport restoreReport(RestoreResult result) {
        return new RestoreReport(result.restoredFrom(), result.preRestoreBackup(), result.quickCheck(),
                result.foreignKeyViolations(), result.copyTime().toMillis());
    }

    private JobSnapshot maintenance(Maintenance.Operation operation) throws JobConflict {
        return jobs.start(operation.kind().apiName(), options.jobDeadline(), context -> named(operation.kind(), context, () -> {
            Path file = database.file();
            try (Connection own = database.openReadWrite()) {
                return new Maintenance(file, options.diskReserve()).run(own, operation, context);
            }
        }));
    }

    private interface Check {
        JobResult run(Connection own, JobContext context) throws SQLException;
    }

    private JobSnapshot check(JobKind kind, Check check) throws JobConflict {
        return jobs.start(kind.apiName(), options.jobDeadline(), context -> named(kind, context, () -> {
            try (Connection own = database.openReadOnly()) {
                return check.run(own, context);
            }
        }));
    }

    private interface Work {
        JobResult run() throws SQLException, IOException, RestoreRefused;
    }

    /**
     * Runs {@code work}; an SQL failure becomes a message that names the file and the job
     * ({@code app.db - vacuum failed: ...}). A stop (cancel, deadline) stays as it is, so the job ends CANCELLED.
     */
    private JobResult named(JobKind kind, JobContext context, Work work) throws SQLException, IOException, RestoreRefused,
            JobFailed {
        try {
            return work.run();
        } catch (SQLException e) {
            if (context.cancelled() || SqliteErrors.isInterrupted(e)) {
                throw e;
            }
            String file = database.knownFile().map(DatabaseFiles::nameOf).orElse("the database");
            throw new JobFailed(file + " - " + kind.apiName() + " failed: " + SqliteErrors.describe(e), e);
        }
    }
}
