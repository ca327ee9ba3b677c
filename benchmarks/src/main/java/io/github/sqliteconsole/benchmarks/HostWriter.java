package io.github.sqliteconsole.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteConfig;

/**
 * The host app, reduced to what the console must not disturb: one writer committing small
 * transactions as fast as it can, counting commits and busy errors.
 */
final class HostWriter implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong busyErrors = new AtomicLong();
    private final Thread thread;

    HostWriter(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection connection = config.createConnection("jdbc:sqlite:" + database);
        try (Statement setup = connection.createStatement()) {
            setup.execute("CREATE TABLE IF NOT EXISTS bench_writer (id INTEGER PRIMARY KEY, v TEXT, at TEXT)");
            setup.execute("DELETE FROM bench_writer");
        }
        thread = new Thread(() -> write(connection), "host-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void write(Connection connection) {
        try (connection; PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bench_writer(v, at) VALUES (hex(randomblob(32)), datetime('now'))")) {
            while (running.get()) {
                try {
                    insert.executeUpdate();
                    commits.incrementAndGet();
                } catch (SQLException e) {
                    busyErrors.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the benchmark writer could not run", e);
        }
    }

    /** Milliseconds per commit while {@code operation} runs (or for {@code idleMillis} when it is null). */
    double millisPerCommit(Measurement.Operation operation, long idleMillis) throws Exception {
        long before = commits.get();
        long started = System.nanoTime();
        if (operation == null) {
            Thread.sleep(idleMillis);
        } else {
            operation.run();
        }
        double elapsed = (System.nanoTime() - started) / 1e6;
        return elapsed / Math.max(1, commits.get() - before);
    }

    long busyErrors() {
        return busyErrors.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
