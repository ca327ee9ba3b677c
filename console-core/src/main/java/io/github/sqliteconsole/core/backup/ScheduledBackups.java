package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthStatus;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.sql.HostDatabase;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stored backups of the host's database, opened once the console knows where that file is (the
 * host may start before its database can be reached), and their schedule: {@link #run()} is the
 * console timer's tick, which starts a {@code stored-backup} or {@code restore-drill} job through
 * the job manager when one is due, so scheduled work is one job at a time like any other and
 * never runs on a host thread. A run missed while the app was down is due once, at the first tick.
 */
public final class ScheduledBackups implements Runnable {

    /** Starts a scheduled job of {@code kind} the way a request would, but marked as scheduled. */
    @FunctionalInterface
    public interface Starter {
        void startScheduled(JobKind kind) throws JobConflict;
    }

    /** A drill that found nothing to drill, or failed, is not retried sooner than this. */
    private static final Duration DRILL_RETRY = Duration.ofMinutes(5);
    private static final System.Logger LOGGER = System.getLogger(ScheduledBackups.class.getName());

    private final StoredBackupOptions options;
    private final HostDatabase database;
    private final Clock clock;
    private volatile Starter starter;
    private StoredBackups stored;
    private Instant lastDrillStart;

    /** @param options null when stored backups are off */
    public ScheduledBackups(StoredBackupOptions options, HostDatabase database, Clock clock) {
        this.options = options;
        this.database = database;
        this.clock = clock;
    }

    /** Who starts the due jobs; set once by the console after its job wiring exists. */
    public void startWith(Starter value) {
        starter = value;
    }

    /**
     * The stored backups, empty when they are off.
     *
     * @throws IOException  when the store cannot be used (a directory others can write, say), with what to do
     * @throws SQLException when the database's file cannot be found yet
     */
    public synchronized Optional<StoredBackups> stored() throws IOException, SQLException {
        if (options == null) {
            return Optional.empty();
        }
        if (stored == null) {
            stored = StoredBackups.open(options, database.file(), database.connections(), clock);
        }
        return Optional.of(stored);
    }

    /** The scheduler's tick: starts the backup or the drill that is due, if any. */
    @Override
    public void run() {
        Starter jobs = starter;
        if (options == null || jobs == null) {
            return;
        }
        try {
            StoredBackups backups = stored().orElseThrow();
            Instant nextBackup = backups.nextBackup();
            Instant nextDrill = backups.nextDrill();
            // Asked after the schedule, which answers "now" for a run that is due.
            Instant now = clock.instant();
            if (!nextBackup.isAfter(now)) {
                jobs.startScheduled(JobKind.STORED_BACKUP);
            } else if (!nextDrill.isAfter(now) && drillMayStart(now) && backups.hasIntactBackup()) {
                lastDrillStart = now;
                jobs.startScheduled(JobKind.RESTORE_DRILL);
            }
        } catch (JobConflict e) {
            // Another heavy job (or a manual backup) runs now; the next tick tries again.
            LOGGER.log(Level.DEBUG, "SQLite Console: scheduled backup work waits: " + e.getMessage());
        } catch (IOException | SQLException | RuntimeException e) {
            // A timer task has nobody to answer to: the health check shows the store's problem.
            LOGGER.log(Level.WARNING, "SQLite Console could not run its backup schedule: " + e.getMessage());
        }
    }

    private boolean drillMayStart(Instant now) {
        return lastDrillStart == null || !now.isBefore(lastDrillStart.plus(DRILL_RETRY));
    }

    /** The {@code backups} health check; never throws (a store that cannot be opened is DEGRADED). */
    public HealthCheckResult healthCheck() {
        BackupHealth verdict;
        try {
            Optional<StoredBackups> backups = stored();
            verdict = backups.isPresent() ? backups.get().health() : BackupHealth.OFF;
        } catch (IOException | SQLException | RuntimeException e) {
            verdict = new BackupHealth(false, "stored backups cannot be used: " + e.getMessage());
        }
        return new HealthCheckResult("backups", verdict.up() ? HealthStatus.UP : HealthStatus.DEGRADED, verdict.detail());
    }
}
