package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.backup.Backups;
import io.github.sqliteconsole.core.integrity.ForeignKeyCheck;
import io.github.sqliteconsole.core.integrity.IntegrityCheck;
import io.github.sqliteconsole.core.integrity.OrphanScan;
import io.github.sqliteconsole.core.job.ForeignKeyReport;
import io.github.sqliteconsole.core.job.JobArguments;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.job.JobFailed;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobResult;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.OrphanReport;
import io.github.sqliteconsole.core.maintenance.Maintenance;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place a job kind meets its work: an exhaustive switch over {@link JobKind}, so a new
 * kind without work does not compile. Checks run on a read-only connection of the console's own,
 * maintenance on a read-write one; both are opened per job and closed when it ends.
 */
final class ConsoleJobs {

    private static final int MAX_INTEGRITY_ERRORS = 100;

    private final JobManager jobs;
    private final HostDatabase database;
    private final ConsoleOptions options;
    private final Backups backups;

    ConsoleJobs(JobManager jobs, HostDatabase database, ConsoleOptions options, Backups backups) {
        this.jobs = jobs;
        this.database = database;
        this.options = options;
        this.backups = backups;
    }

    /** @throws JobConflict when a job of that kind (or one it conflicts with) is running */
    JobSnapshot start(JobArguments arguments) throws JobConflict {
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
        };
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
        JobResult run() throws SQLException;
    }

    /**
     * Runs {@code work}; an SQL failure becomes a message that names the file and the job
     * ({@code app.db - vacuum failed: ...}). A stop (cancel, deadline) stays as it is, so the job ends CANCELLED.
     */
    private JobResult named(JobKind kind, JobContext context, Work work) throws SQLException, JobFailed {
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
