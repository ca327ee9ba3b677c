package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Borrows one host connection, reads its settings and gives it back at once.
 *
 * <p>A host pool that is exhausted can make {@code getConnection()} wait for its own timeout
 * (30 s in HikariCP by default). The console waits at most {@code borrowTimeout}; the borrow goes
 * on in the background and the connection is returned as soon as it arrives. While one borrow is
 * still waiting, no second one is started: later callers wait for the same one, so the console
 * never queues up on the host's pool.
 */
final class HostConnectionProbe implements AutoCloseable {

    private final DataSource dataSource;
    private final Duration borrowTimeout;
    private final ExecutorService borrower = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sqlite-console-host-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Future<HostReading>> waiting = new AtomicReference<>();
    /** Why the latest borrow that finished failed, or null after a success: a pool may retry for longer than we wait. */
    private final AtomicReference<SQLException> lastFailure = new AtomicReference<>();

    /**
     * @param settings      the host connection's settings
     * @param inMemoryFacts for an in-memory database, which no other connection can open, its file
     *                      facts read on the host connection itself; null otherwise
     */
    record HostReading(HostSettings settings, DatabaseFileFacts inMemoryFacts) {
    }

    HostConnectionProbe(DataSource dataSource, Duration borrowTimeout) {
        this.dataSource = dataSource;
        this.borrowTimeout = borrowTimeout;
    }

    /** Reads through the borrow in flight if there is one (callers share it), else through a new one. */
    HostReading read() throws SQLException {
        Future<HostReading> borrow;
        synchronized (this) {
            borrow = waiting.get();
            if (borrow == null || borrow.isDone()) {
                borrow = borrower.submit(this::borrowAndRead);
                waiting.set(borrow);
            }
        }
        try {
            return borrow.get(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw stillWaiting("no connection from the host's DataSource within " + borrowTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a host connection", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                // Plain words for the page; the pool's own (total=…, active=…) stay in the cause, for the log.
                throw new SQLException(SqliteErrors.plainSummary(sql), sql.getSQLState(), sql.getErrorCode(), sql);
            }
            throw new SQLException("the host's DataSource failed: " + e.getCause(), e.getCause());
        }
    }

    private SQLException stillWaiting(String what, Throwable cause) {
        SQLException last = lastFailure.get();
        if (last != null) {
            // The previous borrow has failed since: its reason is the useful one.
            return new SQLException(what + "; its last attempt failed: " + SqliteErrors.plainSummary(last), last);
        }
        return new SQLException(what + "; the pool may be exhausted, or a new connection is waiting for a lock", cause);
    }

    private HostReading borrowAndRead() throws SQLException {
        try (Connection host = dataSource.getConnection()) {
            HostSettings settings = HostSettings.read(host);
            HostReading reading = new HostReading(settings, settings.inMemory() ? DatabaseFileFacts.read(host) : null);
            lastFailure.set(null);
            return reading;
        } catch (SQLException e) {
            lastFailure.set(e);
            throw e;
        }
    }

    @Override
    public void close() {
        borrower.shutdownNow();
    }
}
