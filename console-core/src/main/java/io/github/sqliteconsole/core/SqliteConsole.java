package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.backup.PreparedBackup;
import io.github.sqliteconsole.core.backup.PreparedSnapshots;
import io.github.sqliteconsole.core.backup.Snapshot;
import io.github.sqliteconsole.core.backup.SnapshotBackup;
import io.github.sqliteconsole.core.health.HealthCheck;
import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.health.HealthStatus;
import io.github.sqliteconsole.core.integrity.ForeignKeyCheck;
import io.github.sqliteconsole.core.integrity.IntegrityCheck;
import io.github.sqliteconsole.core.integrity.IntegrityReport;
import io.github.sqliteconsole.core.integrity.OrphanScan;
import io.github.sqliteconsole.core.integrity.Relation;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import io.github.sqliteconsole.core.maintenance.Maintenance;
import io.github.sqliteconsole.core.maintenance.VacuumPreflight;
import io.github.sqliteconsole.core.schema.MigrationHistory;
import io.github.sqliteconsole.core.schema.RowPage;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.schema.TableInspector;
import io.github.sqliteconsole.core.schema.TableRows;
import io.github.sqliteconsole.core.space.RowCounter;
import io.github.sqliteconsole.core.state.AuditTrail;
import io.github.sqliteconsole.core.space.SizeHistory;
import io.github.sqliteconsole.core.space.SpaceCheck;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The console over one host {@link DataSource}: the entry point for every check and operation.
 *
 * <pre>{@code
 * SqliteConsole console = SqliteConsole.builder(dataSource).build();
 * }</pre>
 *
 * <p>Reads of the database run on the console's own read-only connections to the host's file,
 * never on a host pool connection. Thread-safe; create one per database and close it when the
 * host shuts down (that also stops the hourly size snapshot).
 */
public final class SqliteConsole implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(SqliteConsole.class.getName());
    private static final int MAX_INTEGRITY_ERRORS = 100;
    private static final Duration SNAPSHOT_SLOT_WAIT = Duration.ofSeconds(1);
    /** How long a backup job's verified snapshot waits for its download before it is deleted. */
    public static final Duration PREPARED_BACKUP_KEPT = Duration.ofMinutes(10);
    /** The job kind of {@link #prepareSnapshot(boolean)}. */
    public static final String BACKUP_JOB = "backup";

    private final DataSource dataSource;
    private final ConsoleOptions options;
    private final HealthCheck healthCheck;
    private final ConsoleConnections connections;
    private final Clock clock;
    private final JobManager jobs = new JobManager();
    private final Semaphore snapshotSlot = new Semaphore(1);
    /** Runs the hourly size snapshot and deletes prepared backups nobody fetched. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sqlite-console-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final SnapshotBackup snapshotBackup;
    private final PreparedSnapshots prepared;

    private SqliteConsole(DataSource dataSource, ConsoleOptions options, Clock clock) {
        this.dataSource = dataSource;
        this.options = options;
        this.clock = clock;
        this.healthCheck = new HealthCheck(dataSource, options);
        this.connections = new ConsoleConnections(options.busyTimeout());
        this.snapshotBackup = new SnapshotBackup(options.backupDirectory(), options.diskReserve(), connections, clock);
        snapshotBackup.removeLeftovers();
        this.prepared = new PreparedSnapshots(timer, PREPARED_BACKUP_KEPT, clock);
        timer.scheduleWithFixedDelay(this::recordSizesQuietly, 1, SizeHistory.INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Probes the database now; never throws, a failure is a DOWN check with a plain message. A
     * finished integrity or quick check job that found damage keeps health DOWN until a later one passes.
     */
    public HealthReport health() {
        HealthReport probe = healthCheck.run();
        Optional<JobSnapshot> lastCheck = Stream.of(JobKind.INTEGRITY_CHECK, JobKind.QUICK_CHECK)
                .map(kind -> jobs.latest(kind.apiName())).flatMap(Optional::stream)
                .filter(job -> job.state() == JobState.SUCCEEDED)
                .max(java.util.Comparator.comparing(JobSnapshot::endedAt));
        if (lastCheck.isEmpty() || !(lastCheck.get().result() instanceof IntegrityReport report)) {
            return probe;
        }
        List<HealthCheckResult> checks = new ArrayList<>(probe.checks());
        checks.add(report.ok()
                ? new HealthCheckResult("integrity_job", HealthStatus.UP, lastCheck.get().kind() + " at "
                        + lastCheck.get().endedAt() + " found no problems")
                : new HealthCheckResult("integrity_job", HealthStatus.DOWN, lastCheck.get().kind() + " at "
                        + lastCheck.get().endedAt() + " found " + report.errors().size() + (report.truncated() ? "+" : "")
                        + " problems, first: " + report.errors().get(0)));
        return new HealthReport(checks, probe.database(), probe.probeMillis(), probe.checkedAt());
    }

    /** Makes the next {@link #health()} run {@code quick_check} again instead of reusing its verdict. */
    public void recheckIntegrity() {
        healthCheck.forgetQuickCheck();
    }

    /**
     * Starts a background job on the console's own read-only connection; one per kind at a time.
     *
     * @throws JobConflict when a job of that kind is running
     */
    public JobSnapshot startJob(JobKind kind) throws JobConflict {
        return jobs.start(kind.apiName(), options.jobDeadline(), context -> {
            try (Connection own = connections.openReadOnly(healthCheck.databaseFile())) {
                return switch (kind) {
                    case QUICK_CHECK -> new IntegrityCheck(true, MAX_INTEGRITY_ERRORS).run(own, context);
                    case INTEGRITY_CHECK -> new IntegrityCheck(false, MAX_INTEGRITY_ERRORS).run(own, context);
                    case FOREIGN_KEY_CHECK -> new ForeignKeyCheck().run(own, context);
                    case ORPHAN_SCAN -> new OrphanScan(options.relations()).run(own, context);
                };
            }
        });
    }

    /**
     * Starts a maintenance operation as a job on the console's own read-write connection; one per
     * kind at a time. VACUUM is refused before it starts when the disk is short of space.
     */
    public JobSnapshot startMaintenance(Maintenance.Operation operation) throws JobConflict {
        return jobs.start(Maintenance.kindName(operation), options.jobDeadline(), context -> {
            Path file = healthCheck.databaseFile();
            try (Connection own = connections.openReadWrite(file)) {
                return new Maintenance(file, options.diskReserve()).run(own, operation, context);
            }
        });
    }

    /** What VACUUM would cost now, and whether it may run. */
    public VacuumPreflight vacuumPreflight() throws SQLException {
        Path file = healthCheck.databaseFile();
        try (Connection own = connections.openReadOnly(file)) {
            return VacuumPreflight.of(own, file, options.diskReserve());
        }
    }

    /**
     * A verified, consistent snapshot in a temp file; close it to delete the file. One at a time.
     *
     * @throws JobConflict when another snapshot is being taken or sent
     */
    public Snapshot snapshot(boolean gzip) throws JobConflict, SQLException, java.io.IOException {
        if (!awaitSnapshotSlot()) {
            throw snapshotConflict();
        }
        try {
            return snapshotBackup.take(healthCheck.databaseFile(), gzip).onClose(snapshotSlot::release);
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            snapshotSlot.release();
            throw e;
        }
    }

    /**
     * Takes a verified snapshot as a job with progress (kind {@value #BACKUP_JOB}); its result, a
     * {@link PreparedBackup}, waits {@link #PREPARED_BACKUP_KEPT} for one download through
     * {@link #takePreparedSnapshot(String)}. It holds the one snapshot slot until then.
     *
     * @throws JobConflict when another snapshot is being taken, sent or waits for its download
     */
    public JobSnapshot prepareSnapshot(boolean gzip) throws JobConflict {
        if (!snapshotSlot.tryAcquire()) {
            throw snapshotConflict();
        }
        try {
            return jobs.start(BACKUP_JOB, options.jobDeadline(), context -> {
                Snapshot taken;
                try {
                    taken = snapshotBackup.take(healthCheck.databaseFile(), gzip, context);
                } catch (Exception e) {
                    snapshotSlot.release();
                    throw e;
                }
                Snapshot held = taken.onClose(snapshotSlot::release);
                if (context.cancelled()) {
                    held.close();
                    throw new java.io.IOException("the backup was cancelled");
                }
                return prepared.add(held);
            });
        } catch (JobConflict | RuntimeException e) {
            snapshotSlot.release();
            throw e;
        }
    }

    /** The snapshot a backup job prepared, once; close it after the transfer to delete it. */
    public Optional<Snapshot> takePreparedSnapshot(String key) {
        return prepared.take(key);
    }

    private static JobConflict snapshotConflict() {
        return new JobConflict(new JobSnapshot("snapshot", BACKUP_JOB, JobState.RUNNING, 0,
                "a snapshot is being taken, sent or waits for its download", java.time.Instant.now(), null, null, null));
    }

    /**
     * Waits briefly for the snapshot slot: a client sees the last byte of a download a moment
     * before the server has deleted its temp file, and a script that downloads twice in a row
     * should not get a 409 for that moment.
     */
    private boolean awaitSnapshotSlot() {
        try {
            return snapshotSlot.tryAcquire(SNAPSHOT_SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> relationProblems() {
        try (Connection own = connections.openReadOnly(healthCheck.databaseFile())) {
            return new OrphanScan(options.relations()).problems(own);
        } catch (SQLException e) {
            LOGGER.log(Level.WARNING, "SQLite Console could not check its configured relations now ("
                    + e.getMessage() + "); the orphan scan will report any that do not fit the schema");
            return List.of();
        }
    }

    public JobManager jobs() {
        return jobs;
    }

    /**
     * Bytes and rows per table and index from one dbstat scan; virtual tables counted within
     * {@link ConsoleOptions#rowCountBudget()}.
     */
    public SpaceReport space() throws SQLException {
        return space(options.rowCountBudget());
    }

    /** Like {@link #space()} with another count budget; {@link Duration#ZERO} runs no {@code count(*)}. */
    public SpaceReport space(Duration rowCountBudget) throws SQLException {
        Path file = healthCheck.databaseFile();
        try (Connection own = connections.openReadOnly(file)) {
            return new SpaceCheck(rowCountBudget).run(own, DatabaseFiles.sizeOrZero(DatabaseFiles.walOf(file)));
        }
    }

    /** The exact row count of {@code table}, or empty when it did not finish within {@code budget}. */
    public Optional<Long> exactRowCount(String table, Duration budget) throws SQLException {
        Path file = healthCheck.databaseFile();
        try (Connection own = connections.openReadOnly(file)) {
            if (new TableInspector().inspect(own, table).isEmpty()) {
                throw new IllegalArgumentException("no such table");
            }
            return Optional.ofNullable(new RowCounter(own).exactCount(table, budget));
        }
    }

    /** The schema of the table named exactly {@code name}, or empty when there is no such table. */
    public Optional<TableDetails> table(String name) throws SQLException {
        try (Connection own = connections.openReadOnly(healthCheck.databaseFile())) {
            return new TableInspector().inspect(own, name);
        }
    }

    /** A page of {@code table}'s rows after {@code cursor} (null: the first page). */
    public RowPage rows(TableDetails table, String cursor, int limit) throws SQLException {
        try (Connection own = connections.openReadOnly(healthCheck.databaseFile())) {
            return new TableRows().page(own, table, cursor, limit);
        }
    }

    /** The migration tool's history table (Flyway, Liquibase, Alembic, Rails), when there is one. */
    public Optional<MigrationHistory> migrations() throws SQLException {
        try (Connection own = connections.openReadOnly(healthCheck.databaseFile())) {
            return MigrationHistory.read(own);
        }
    }

    /** Where table sizes over time are kept: the console's own state file. */
    public SizeHistory sizeHistory() throws SQLException {
        return new SizeHistory(options.stateFileFor(healthCheck.databaseFile()), clock);
    }

    /**
     * The audit record of mutations, in the console's own state file; empty until the console has
     * learned where the database is. Asking never borrows a host connection, so auditing a request
     * that was denied costs the host nothing.
     */
    public Optional<AuditTrail> auditTrail() {
        return healthCheck.knownDatabaseFile().map(file -> new AuditTrail(options.stateFileFor(file)));
    }

    /** Takes a size snapshot now unless one is younger than an hour. */
    public boolean recordSizesIfDue() throws SQLException {
        return sizeHistory().recordIfDue(space());
    }

    private void recordSizesQuietly() {
        try {
            recordSizesIfDue();
        } catch (SQLException | RuntimeException e) {
            // A background task has nobody to answer to: log it, the page shows history as missing.
            LOGGER.log(Level.WARNING, "SQLite Console could not record table sizes: " + e.getMessage());
        }
    }

    public ConsoleOptions options() {
        return options;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        jobs.close();
        prepared.close();
        healthCheck.close();
    }

    /** Collects options; each setter rejects a bad value at once. */
    public static final class Builder {

        private final DataSource dataSource;
        private ConsoleOptions options = ConsoleOptions.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        public Builder busyTimeout(Duration value) {
            options = options.withBusyTimeout(value);
            return this;
        }

        public Builder hostBorrowTimeout(Duration value) {
            options = options.withHostBorrowTimeout(value);
            return this;
        }

        public Builder quickCheckInterval(Duration value) {
            options = options.withQuickCheckInterval(value);
            return this;
        }

        public Builder quickCheckBudget(Duration value) {
            options = options.withQuickCheckBudget(value);
            return this;
        }

        public Builder freelistThreshold(double share) {
            options = options.withFreelistThreshold(share);
            return this;
        }

        public Builder walSizeThreshold(long bytes) {
            options = options.withWalSizeThreshold(bytes);
            return this;
        }

        public Builder rowCountBudget(Duration value) {
            options = options.withRowCountBudget(value);
            return this;
        }

        public Builder jobDeadline(Duration value) {
            options = options.withJobDeadline(value);
            return this;
        }

        /** Relationships never declared as foreign keys, each {@code child.column -> parent.column}. */
        public Builder relations(String... relations) {
            options = options.withRelations(Arrays.stream(relations).map(Relation::parse).toList());
            return this;
        }

        /** Free disk the console always leaves to the host; VACUUM and snapshots that would eat into it are refused. */
        public Builder diskReserve(long bytes) {
            options = options.withDiskReserve(bytes);
            return this;
        }

        public Builder backupDirectory(Path value) {
            options = options.withBackupDirectory(value);
            return this;
        }

        public Builder stateFile(Path value) {
            options = options.withStateFile(value);
            return this;
        }

        /** The clock size snapshots are stamped with; for tests. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the console. Configured relations are checked against the schema now when the
         * database can be reached: one naming a missing table or column is rejected here, with
         * its name. A database that cannot be reached yet (the host starts first) is no reason
         * to refuse: the orphan scan then reports such a relation instead.
         */
        public SqliteConsole build() {
            SqliteConsole console = new SqliteConsole(dataSource, options, clock);
            if (!options.relations().isEmpty()) {
                List<String> problems = console.relationProblems();
                if (!problems.isEmpty()) {
                    console.close();
                    throw new IllegalArgumentException(String.join("; ", problems)
                            + "; fix the relation or remove it from the console's options");
                }
            }
            return console;
        }
    }
}
