package io.github.sqliteconsole.core.maintenance;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.MaintenanceResult;
import io.github.sqliteconsole.core.sql.OperationRefused;
import io.github.sqliteconsole.core.sql.Queries;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import io.github.sqliteconsole.core.sql.Deadline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The maintenance operations, each one fixed statement on the console's own read-write connection
 * (never text from a request). With the console's short busy timeout, an operation that meets
 * another writer fails in about a second with "locked by another connection", instead of hanging.
 */
public final class Maintenance {

    /** Rows ANALYZE samples per index under PRAGMA optimize: bounded work on any size of table. */
    static final int ANALYSIS_LIMIT = 1000;

    /** The statements the console may run; both checkpoint modes are the one job kind {@code checkpoint}. */
    public enum Operation {
        VACUUM(JobKind.VACUUM),
        INCREMENTAL_VACUUM(JobKind.INCREMENTAL_VACUUM),
        ANALYZE(JobKind.ANALYZE),
        OPTIMIZE(JobKind.OPTIMIZE),
        CHECKPOINT_PASSIVE(JobKind.CHECKPOINT),
        CHECKPOINT_TRUNCATE(JobKind.CHECKPOINT),
        REINDEX(JobKind.REINDEX);

        private final JobKind kind;

        Operation(JobKind kind) {
            this.kind = kind;
        }

        /** The job kind this operation runs as. */
        public JobKind kind() {
            return kind;
        }
    }

    private final Path databaseFile;
    private final long diskReserve;

    /** @param diskReserve free bytes VACUUM must leave to the host */
    public Maintenance(Path databaseFile, long diskReserve) {
        this.databaseFile = databaseFile;
        this.diskReserve = diskReserve;
    }

    public MaintenanceResult run(Connection own, Operation operation, JobContext context) throws SQLException {
        if (operation == Operation.VACUUM) {
            VacuumPreflight preflight = VacuumPreflight.of(own, databaseFile, diskReserve);
            if (!preflight.allowed()) {
                throw new OperationRefused(databaseFile, "VACUUM", preflight.refusal());
            }
        }
        long before = bytes(operation);
        long started = System.nanoTime();
        String detail = "";
        context.progress(0, operation.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " running");
        try (Deadline stop = Deadline.install(own, Duration.ofDays(365), context::cancelled)) {
            switch (operation) {
                case VACUUM -> {
                    execute(own, "VACUUM");
                    // In WAL mode the compacted pages sit in the WAL until a checkpoint: copy them
                    // back now, so the file actually shrinks (best effort: a reader may hold some back).
                    detail = checkpoint(own, "TRUNCATE");
                }
                case INCREMENTAL_VACUUM -> incrementalVacuum(own, context);
                case ANALYZE -> execute(own, "ANALYZE");
                case OPTIMIZE -> {
                    execute(own, "PRAGMA analysis_limit = " + ANALYSIS_LIMIT);
                    execute(own, "PRAGMA optimize");
                }
                case CHECKPOINT_PASSIVE -> detail = checkpoint(own, "PASSIVE");
                case CHECKPOINT_TRUNCATE -> detail = checkpoint(own, "TRUNCATE");
                case REINDEX -> execute(own, "REINDEX");
            }
        }
        return new MaintenanceResult(operation.kind().apiName(), before, bytes(operation), (System.nanoTime() - started) / 1_000_000, detail);
    }

    private long bytes(Operation operation) {
        long main = DatabaseFiles.sizeOrZero(databaseFile);
        boolean checkpoint = operation == Operation.CHECKPOINT_PASSIVE || operation == Operation.CHECKPOINT_TRUNCATE;
        return checkpoint ? main + DatabaseFiles.sizeOrZero(DatabaseFiles.walOf(databaseFile)) : main;
    }

    /** Returns "busy B, log L, checkpointed C": B=1 means another connection kept it from finishing. */
    private static String checkpoint(Connection own, String mode) throws SQLException {
        try (PreparedStatement statement = own.prepareStatement("PRAGMA wal_checkpoint(" + mode + ")");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return "busy " + rows.getInt(1) + ", log " + rows.getInt(2) + " frames, checkpointed " + rows.getInt(3) + " frames";
        }
    }

    /**
     * Frees every page on the freelist, in one transaction. {@code incremental_vacuum} frees one
     * page per step of its statement, and the driver's {@code execute()} steps once: run as a plain
     * statement it would free a single page. So it runs once per free page, stopping when cancelled
     * (what was freed by then is kept: a partial incremental vacuum is a consistent file).
     */
    private static void incrementalVacuum(Connection own, JobContext context) throws SQLException {
        long free = Queries.longValue(own, "PRAGMA freelist_count");
        own.setAutoCommit(false);
        try {
            for (long done = 0; done < free && !context.cancelled(); done++) {
                // A statement of its own each time: closing it ends the step, else the commit finds it in progress.
                execute(own, "PRAGMA incremental_vacuum(1)");
                if (done % 256 == 0) {
                    context.progress((double) done / free, "incremental vacuum: " + done + " of " + free + " free pages");
                }
            }
            own.commit();
        } catch (SQLException e) {
            own.rollback();
            throw e;
        } finally {
            own.setAutoCommit(true);
        }
    }

    private static void execute(Connection own, String fixedSql) throws SQLException {
        try (PreparedStatement statement = own.prepareStatement(fixedSql)) {
            statement.execute();
        }
    }
}
