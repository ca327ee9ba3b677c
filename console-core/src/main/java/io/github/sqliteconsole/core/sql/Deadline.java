package io.github.sqliteconsole.core.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.sqlite.ProgressHandler;

/**
 * Stops statements on one of the console's own connections when time runs out or when cancelled.
 *
 * <p>sqlite-jdbc's {@code setQueryTimeout} does not stop a CPU-bound statement, and
 * {@code Statement.cancel()} interrupts the whole connection, so the console uses SQLite's progress
 * handler instead. Never install one on a host connection: closing this guard clears it, but a
 * handler left behind would stop the host's own queries.
 */
public final class Deadline implements AutoCloseable {

    /** SQLite virtual machine steps between two calls of the handler: about a millisecond of work. */
    private static final int STEPS_BETWEEN_CHECKS = 10_000;

    private final Connection connection;

    private Deadline(Connection connection) {
        this.connection = connection;
    }

    /** Stops any statement on {@code connection} after {@code budget}, or earlier once {@code cancelled} says so. */
    public static Deadline install(Connection connection, Duration budget, BooleanSupplier cancelled)
            throws SQLException {
        return install(connection, budget, cancelled, () -> { });
    }

    /**
     * As above, and calls {@code tick} each time SQLite checks in (about every millisecond of work),
     * on the thread running the statement: a long statement can report progress from inside.
     */
    public static Deadline install(Connection connection, Duration budget, BooleanSupplier cancelled, Runnable tick)
            throws SQLException {
        long stopAt = System.nanoTime() + budget.toNanos();
        ProgressHandler.setHandler(connection, STEPS_BETWEEN_CHECKS, new ProgressHandler() {
            @Override
            protected int progress() {
                tick.run();
                return System.nanoTime() - stopAt > 0 || cancelled.getAsBoolean() ? 1 : 0;
            }
        });
        return new Deadline(connection);
    }

    @Override
    public void close() throws SQLException {
        if (!connection.isClosed()) {
            ProgressHandler.clearHandler(connection);
        }
    }
}
