package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.integrity.IntegrityReport;
import io.github.sqliteconsole.core.integrity.QuickCheck;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the latest {@code quick_check} verdict, so that a health probe polled every few seconds
 * reads the whole file at most once per interval. One check runs at a time; a probe that arrives
 * meanwhile gets the previous verdict instead of starting another.
 */
final class QuickCheckCache {

    static final String NAME = "quick_check";
    private static final int MAX_ERRORS = 20;

    private record Entry(Path file, HealthCheckResult result, long checkedAtNanos) {
    }

    private final ConsoleConnections connections;
    private final Duration interval;
    private final Duration budget;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Entry latest;

    QuickCheckCache(ConsoleConnections connections, Duration interval, Duration budget) {
        this.connections = connections;
        this.interval = interval;
        this.budget = budget;
    }

    HealthCheckResult check(Path file) {
        Entry entry = latest;
        if (isFresh(entry, file)) {
            return entry.result();
        }
        if (!running.tryLock()) {
            return entry != null && entry.file().equals(file)
                    ? entry.result()
                    : HealthCheckResult.up(NAME, "running now; the verdict shows on the next refresh");
        }
        try {
            HealthCheckResult result = runNow(file);
            if (result != null) {
                latest = new Entry(file, result, System.nanoTime());
                return result;
            }
            return HealthCheckResult.degraded(NAME, "not run: the database is locked by another connection");
        } finally {
            running.unlock();
        }
    }

    /** Forgets the cached verdict, so that the next probe checks again. */
    void invalidate() {
        latest = null;
    }

    private boolean isFresh(Entry entry, Path file) {
        return entry != null && entry.file().equals(file)
                && System.nanoTime() - entry.checkedAtNanos() < interval.toNanos();
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
