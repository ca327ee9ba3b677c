package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.BackupKind;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobSnapshot;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The console's latest health report and the time of its newest stored backup, for meters and the
 * health contributor. A scrape reads what is here and never probes the database nor the backup
 * store: a background thread probes once a {@link #REFRESH} and lists the store once a
 * {@link #BACKUP_REFRESH} and right after a stored backup finished (started by the first read, so
 * an app that reads no facts never pays for probes), and every Actuator health request stores the
 * report it made.
 */
public final class ConsoleFacts implements AutoCloseable {

    static final Duration REFRESH = Duration.ofMinutes(1);
    static final Duration BACKUP_REFRESH = Duration.ofSeconds(30);
    private static final Log LOG = LogFactory.getLog(ConsoleFacts.class);

    private final SqliteConsole console;
    private final AtomicReference<HealthReport> latest = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sqlite-console-facts");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean backupRefreshQueued = new AtomicBoolean();
    /** When the store was last listed; a stored-backup job that ended after it makes the list stale. */
    private volatile Instant backupsListedAt = Instant.MIN;
    /** The newest intact stored backup's time, null when none (or stored backups are off). */
    private volatile Instant newestBackup;

    ConsoleFacts(SqliteConsole console) {
        this.console = console;
    }

    /** Probes now (the console reuses its cached {@code quick_check}) and keeps the report. */
    public HealthReport refresh() {
        HealthReport report = console.health();
        latest.set(report);
        return report;
    }

    /** The latest report; empty until the first probe finished. */
    public Optional<HealthReport> latest() {
        start();
        return Optional.ofNullable(latest.get());
    }

    /**
     * When the newest stored backup (not a before-restore one, not damaged) was taken, as of the
     * last listing of the store; empty when stored backups are off or there is none yet. Costs an
     * in-memory look at the console's jobs; the listing itself runs on the background thread.
     */
    public Optional<Instant> newestStoredBackup() {
        start();
        if (storedBackupsOn()) {
            boolean backupEndedSinceListing = console.jobs().latest(JobKind.STORED_BACKUP.apiName())
                    .map(JobSnapshot::endedAt).filter(ended -> ended.isAfter(backupsListedAt)).isPresent();
            if (backupEndedSinceListing && backupRefreshQueued.compareAndSet(false, true)) {
                timer.execute(this::listBackupsQuietly);
            }
        }
        return Optional.ofNullable(newestBackup);
    }

    private void start() {
        if (started.compareAndSet(false, true)) {
            timer.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH.toSeconds(), TimeUnit.SECONDS);
            if (storedBackupsOn()) {
                timer.scheduleWithFixedDelay(this::listBackupsQuietly, 0, BACKUP_REFRESH.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private boolean storedBackupsOn() {
        return console.options().storedBackups() != null;
    }

    /** Lists the store (directory and manifests: no hashing, no SQL once the store is open). */
    void listBackups() throws IOException, SQLException {
        Instant listedAt = Instant.now();
        Optional<StoredBackups> stored = console.backups().stored();
        if (stored.isEmpty()) {
            return;
        }
        newestBackup = stored.get().status().backups().stream()
                .map(ListedBackup::backup)
                .filter(backup -> !backup.damaged() && backup.manifest().kind() != BackupKind.BEFORE_RESTORE)
                .map(backup -> backup.manifest().createdAt())
                .findFirst().orElse(null);
        backupsListedAt = listedAt;
    }

    private void listBackupsQuietly() {
        backupRefreshQueued.set(false);
        try {
            listBackups();
        } catch (IOException | SQLException | RuntimeException e) {
            // The backups health check says what is wrong with the store; the gauge keeps its last value.
            LOG.warn("SQLite Console: could not list the stored backups for the backup.age gauge: " + e.getMessage());
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // health() reports failures as DOWN checks; anything thrown is a bug worth a log line,
            // and the next run must still happen, so it is logged, not rethrown.
            LOG.warn("SQLite Console: the background health probe failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
