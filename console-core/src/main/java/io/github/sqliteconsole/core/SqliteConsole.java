package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.backup.Backups;
import io.github.sqliteconsole.core.backup.ScheduledBackups;
import io.github.sqliteconsole.core.backup.Snapshot;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.health.Health;
import io.github.sqliteconsole.core.health.HealthCheck;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.integrity.ConfiguredRelations;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.maintenance.VacuumPreflight;
import io.github.sqliteconsole.core.schema.MigrationHistory;
import io.github.sqliteconsole.core.schema.RowPage;
import io.github.sqliteconsole.core.schema.RowQuery;
import io.github.sqliteconsole.core.schema.RowSelection;
import io.github.sqliteconsole.core.schema.RowWindow;
import io.github.sqliteconsole.core.schema.Schema;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.space.SizeHistory;
import io.github.sqliteconsole.core.space.Space;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.state.AuditTrail;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The console over one host {@link DataSource}: {@code SqliteConsole.builder(dataSource).build()}. A composition
 * root: it wires the feature services and delegates to them. Thread-safe; one per database, closed with the host.
 */
public final class SqliteConsole implements AutoCloseable {

    /** How often the backup schedule looks whether a stored backup or a drill is due. */
    private static final Duration SCHEDULE_TICK = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final ConsoleOptions options;
    /** Runs the hourly size snapshot and deletes prepared backups nobody fetched. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(JobManager.daemon("sqlite-console-timer"));
    private final HostDatabase database;
    private final JobManager jobs;
    private final Health health;
    private final Backups backups;
    private final ScheduledBackups storedBackups;
    private final ConsoleJobs consoleJobs;
    private final Space space;
    private final Schema schema;

    private SqliteConsole(DataSource dataSource, ConsoleOptions options, Clock clock, Executor executor) {
        this.dataSource = dataSource;
        this.options = options;
        ConsoleConnections connections = new ConsoleConnections(options.busyTimeout());
        HealthCheck probe = new HealthCheck(dataSource, options.healthSettings(), connections);
        this.database = new HostDatabase(probe, connections);
        this.jobs = new JobManager(executor);
        this.storedBackups = new ScheduledBackups(options.storedBackups(), database, clock);
        this.health = new Health(probe, jobs, List.of(storedBackups::healthCheck));
        this.backups = new Backups(database, options.snapshotDirectory(), options.diskReserve(), timer, clock);
        this.consoleJobs = new ConsoleJobs(jobs, database, options, backups, storedBackups);
        storedBackups.startWith(consoleJobs::startScheduled);
        if (options.storedBackups() != null) {
            timer.scheduleWithFixedDelay(storedBackups, 2, SCHEDULE_TICK.toSeconds(), TimeUnit.SECONDS);
        }
        this.space = new Space(database, options.rowCountBudget(), options::stateFileFor, clock);
        this.schema = new Schema(database);
        space.recordHourlyOn(timer);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** Probes the database now; never throws. A finished check job that found damage keeps it DOWN. */
    public HealthReport health() {
        return health.report();
    }

    /** Makes the next {@link #health()} run {@code quick_check} again instead of reusing its verdict. */
    public void recheckIntegrity() {
        health.recheck();
    }

    /** Starts a job with {@code arguments} ({@link JobKind#parameters()}): one per kind; {@code InvalidJobArgument} if bad. */
    public JobSnapshot start(JobKind kind, Map<String, String> arguments) throws JobConflict {
        return consoleJobs.start(kind.arguments(arguments));
    }

    public JobSnapshot startJob(JobKind kind) throws JobConflict {
        return start(kind, Map.of());
    }

    /** Stored backups, empty when {@code backupStore} is not set; throws when the store cannot be used. */
    public Optional<StoredBackups> storedBackups() throws IOException, SQLException {
        return storedBackups.stored();
    }

    /** A verified, consistent snapshot in a temp file; close it to delete the file. One at a time. */
    public Snapshot snapshot(boolean gzip) throws JobConflict, SQLException, IOException {
        return backups.take(gzip);
    }

    /** The snapshot a backup job prepared, once; close it after the transfer to delete it. */
    public Optional<Snapshot> takePreparedSnapshot(String key) {
        return backups.takePrepared(key);
    }

    /** What VACUUM would cost now, and whether it may run. */
    public VacuumPreflight vacuumPreflight() throws SQLException {
        return VacuumPreflight.of(database, options.diskReserve());
    }

    public JobManager jobs() {
        return jobs;
    }

    /** Sizes from one dbstat scan; {@code space(Duration.ZERO)} runs no {@code count(*)} for virtual tables. */
    public SpaceReport space() throws SQLException {
        return space.report();
    }

    public SpaceReport space(Duration rowCountBudget) throws SQLException {
        return space.report(rowCountBudget);
    }

    /** The exact row count, or empty past {@code budget}; {@code NoSuchTable} when there is no such table. */
    public Optional<Long> exactRowCount(String table, Duration budget) throws SQLException {
        return space.exactRowCount(table, budget);
    }

    public Optional<TableDetails> table(String name) throws SQLException {
        return schema.table(name);
    }

    public RowPage rows(TableDetails table, String cursor, int limit) throws SQLException {
        return schema.rows(table, cursor, limit);
    }

    public List<String> views() throws SQLException {
        return schema.views();
    }

    public RowWindow rows(TableDetails table, RowQuery query) throws SQLException {
        return schema.select(table, query);
    }

    public long exportRows(TableDetails table, RowQuery query, RowSelection.RowSink sink) throws SQLException, IOException {
        return schema.export(table, query, sink);
    }

    public Optional<MigrationHistory> migrations() throws SQLException {
        return schema.migrations();
    }

    public SizeHistory sizeHistory() throws SQLException {
        return space.history();
    }

    /** The audit record of mutations; empty until the database's location is known (asking never borrows). */
    public Optional<AuditTrail> auditTrail() {
        return database.knownFile().map(file -> new AuditTrail(options.stateFileFor(file)));
    }

    public boolean recordSizesIfDue() throws SQLException {
        return space.recordIfDue();
    }

    public ConsoleOptions options() {
        return options;
    }

    /** The host's DataSource this console serves. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Stops every thread the console started; a host-supplied executor is left to the host. */
    @Override
    public void close() {
        timer.shutdownNow();
        jobs.close();
        backups.close();
        health.close();
    }

    /** Collects options ({@link ConsoleOptions.Settings}: each setter rejects a bad value at once), a clock and an executor. */
    public static final class Builder extends ConsoleOptions.Settings<Builder> {

        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private Executor executor;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The clock size snapshots are stamped with; for tests. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Runs jobs on the host's executor (one free thread per kind that may run at once); close() leaves it running. */
        public Builder executor(Executor value) {
            executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** Builds the console; a configured relation naming a missing table or column is rejected here. */
        public SqliteConsole build() {
            ConsoleOptions options = options();
            SqliteConsole console = new SqliteConsole(dataSource, options, clock, executor);
            try {
                ConfiguredRelations.requireFit(options.relations(), console.database);
                return console;
            } catch (IllegalArgumentException e) {
                console.close();
                throw e;
            }
        }
    }
}
