package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.integrity.QuickCheck;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the latest {@code quick_check} verdict, so that a health probe polled every few seconds
 * reads the whole file at most once per interval. One check runs at a time. Once a verdict is
 * known, probes never wait for a check: an expired verdict is served while a new one is taken in
 * the background (on a big file the check takes seconds, and a load balancer's probe would time
 * out). Only the first probe, and the first after {@link #invalidate()}, wait for the verdict.
 */
final class QuickCheckCache {

    static final String NAME = "quick_check";
    private static final int MAX_ERRORS = 20;
    private static final System.Logger LOGGER = System.getLogger(QuickCheckCache.class.getName());

    private record Entry(Path file, HealthCheckResult result, long checkedAtNanos) {
    }

    private final ConsoleConnections connections;
    private final Duration interval;
    private final Duration budget;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Entry latest;

    QuickCheckCache(ConsoleConnections connections, Duration interval, Duration budget) {
        this.connections = connections;
        this.interval = interval;
        this.budget = budget;
    }

    HealthCheckResult check(Path file) {
        Entry entry = latest;
        boolean known = entry != null && entry.file().equals(file);
        if (known && isFresh(entry)) {
            return entry.result();
        }
        if (!running.compareAndSet(false, true)) {
            return known ? entry.result() : HealthCheckResult.up(NAME, "running now; the verdict shows on the next refresh");
        }
        if (known) {
            refreshInBackground(file);
            return entry.result();
        }
        try {
            HealthCheckResult result = refresh(file);
            return result != null ? result : HealthCheckResult.degraded(NAME, "not run: the database is locked by another connection");
        } finally {
            running.set(false);
        }
    }

    /** Runs the check on a daemon thread; the caller holds {@link #running}, which this releases. */
    private void refreshInBackground(Path file) {
        Thread thread = new Thread(() -> {
            try {
                refresh(file);
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "SQLite Console could not re-run quick_check", e);
            } finally {
                running.set(false);
            }
        }, "sqlite-console-quick-check");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the check and keeps its verdict; null (nothing kept) when the file was locked. */
    private HealthCheckResult refresh(Path file) {
        HealthCheckResult result = runNow(file);
        if (result != null) {
            latest = new Entry(file, result, System.nanoTime());
        }
        return result;
    }

    /** Forgets the cached verdict, so that the next probe checks again. */
    void invalidate() {
        latest = null;
    }

    private boolean isFresh(Entry entry) {
        return System.nanoTime() - entry.checkedAtNanos() < interval.toNanos();
    }

    /** The verdict, or null when the file was locked: that is worth retrying on the next probe. */
    private HealthCheckResult runNow(Path file) {
        try (Connection own = connections.openReadOnly(file);
             Deadline deadline = Deadline.install(own, budget, () -> false)) {
            IntegrityReport report = new QuickCheck(MAX_ERRORS).run(own);
            if (report.ok()) {
                return HealthCheckResult.up(NAME, "ok");
            }
            String more = report.errors().size() > 1
                    ? " (and " + (report.errors().size() - 1) + (report.truncated() ? "+" : "") + " more)"
                    : "";
            return HealthCheckResult.down(NAME, "the database file is damaged: " + report.errors().get(0) + more);
        } catch (SQLException e) {
            if (SqliteErrors.isInterrupted(e)) {
                return HealthCheckResult.up(NAME, "not verified: quick_check needs more than "
                        + budget.toSeconds() + " s on this database; run it from the Integrity page");
            }
            if (SqliteErrors.isBusy(e)) {
                return null;
            }
            return HealthCheckResult.down(NAME, SqliteErrors.describe(e));
        }
    }
}
