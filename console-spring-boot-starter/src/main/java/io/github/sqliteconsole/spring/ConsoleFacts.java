package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.HealthReport;
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
 * The console's latest health report, for meters and the health contributor. A scrape reads what
 * is here and never probes the database: a background thread probes once a {@link #REFRESH}
 * (started by the first read, so an app that reads no facts never pays for probes), and every
 * Actuator health request stores the report it made.
 */
public final class ConsoleFacts implements AutoCloseable {

    static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Log LOG = LogFactory.getLog(ConsoleFacts.class);

    private final SqliteConsole console;
    private final AtomicReference<HealthReport> latest = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sqlite-console-facts");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean started = new AtomicBoolean();

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
        if (started.compareAndSet(false, true)) {
            timer.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH.toSeconds(), TimeUnit.SECONDS);
        }
        return Optional.ofNullable(latest.get());
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
