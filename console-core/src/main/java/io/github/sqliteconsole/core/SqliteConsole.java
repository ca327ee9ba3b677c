package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.backup.Backups;
import io.github.sqliteconsole.core.backup.ScheduledBackups;
import io.github.sqliteconsole.core.health.Health;
import io.github.sqliteconsole.core.health.HealthCheck;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.integrity.ConfiguredRelations;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.maintenance.VacuumPreflight;
import io.github.sqliteconsole.core.schema.Schema;
import io.github.sqliteconsole.core.space.Space;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.state.AuditTrail;
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
        this.options = options;
        ConsoleConnections connections = new ConsoleConnections(options.busyTimeout());
        HealthCheck probe = new HealthCheck(dataSource, options.healthSettings(), connections);
        this.database = new HostDatabase(dataSource, probe, connections);
        this.jobs = new JobManager(executor);
        this.storedBackups = new ScheduledBackups(options.storedBackups(), database, clock);
        this.health = new Health(probe, jobs, List.of(storedBackups::healthCheck));
        this.backups = new Backups(database, options.snapshotDirectory(), options.diskReserve(), storedBackups, timer, clock);
        this.consoleJobs = new ConsoleJobs(jobs, database, options, backups, storedBackups);
        storedBackups.startWith(consoleJobs::startScheduled);
        if (options.storedBackups() != null) {
            timer.scheduleWithFixedDelay(storedBackups, 2, SCHEDULE_TICK.toSeconds(), TimeUnit.SECONDS);
        }
        this.space = new Space(database, options.rowCountBudget(), options::stateFileFor, clock);
        this.schema = new Schema(database);
        space.recordHourlyOn(timer);
    }

    /** Starts building a console over the host's {@code dataSource}. */
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

    /** Starts a job of a kind that takes no arguments; {@code JobConflict} when one of its kind runs. */
    public JobSnapshot startJob(JobKind kind) throws JobConflict {
        return start(kind, Map.of());
    }

    /** Snapshots to download now or after a {@code backup} job, and the stored backups when {@code backupStore} is set. */
    public Backups backups() {
        return backups;
    }

    /** What VACUUM would cost now, and whether it may run. */
    public VacuumPreflight vacuumPreflight() throws SQLException {
        return VacuumPreflight.of(database, options.diskReserve());
    }

    /** Every job, running or finished: one by id, the latest of a kind, the recent ones; cancelling one. */
    public JobManager jobs() {
        return jobs;
    }

    /** Sizes of tables and indexes, exact row counts and their hourly history. */
    public Space space() {
        return space;
    }

    /** Tables and views, their rows page by page or filtered and sorted, and the migration history. */
    public Schema schema() {
        return schema;
    }

    /** The host's database: its DataSource, its file, and the console's own connections to it. */
    public HostDatabase database() {
        return database;
    }

    /** The audit record of mutations; empty until the database's location is known (asking never borrows). */
    public Optional<AuditTrail> auditTrail() {
        return database.knownFile().map(file -> new AuditTrail(options.stateFileFor(file)));
    }

    /** The options this console was built with. */
    public ConsoleOptions options() {
        return options;
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
