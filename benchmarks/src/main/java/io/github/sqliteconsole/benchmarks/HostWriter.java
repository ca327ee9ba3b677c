package io.github.sqliteconsole.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.SQLiteConfig;

/**
 * The host app, reduced to what the console must not disturb: one writer committing small
 * transactions at a steady {@value #COMMITS_PER_SECOND} a second (a very busy web app), counting
 * the commits it achieves and its busy errors.
 *
 * <p>Paced, not flat out: unpaced it made 50,000 commits a second here, and while a console read
 * held its snapshot for half a minute the WAL (which cannot restart under a reader) grew by tens of
 * gigabytes and filled the disk. It updates a fixed set of rows, so the database under test keeps
 * its size from run to run, and the WAL is truncated after each measured operation.
 */
final class HostWriter implements AutoCloseable {

    static final int COMMITS_PER_SECOND = 10_000;
    private static final long NANOS_PER_COMMIT = 1_000_000_000L / COMMITS_PER_SECOND;
    private static final int ROWS = 1000;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong busyErrors = new AtomicLong();

    private final Path database;
    private final Thread thread;

    HostWriter(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection connection = config.createConnection("jdbc:sqlite:" + database);
        try (Statement setup = connection.createStatement()) {
            setup.execute("CREATE TABLE IF NOT EXISTS bench_writer (id INTEGER PRIMARY KEY, v TEXT, at TEXT)");
            setup.execute("DELETE FROM bench_writer");
            setup.execute("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < " + ROWS + ") "
                    + "INSERT INTO bench_writer(id) SELECT v FROM n");
        }
        this.database = database;
        truncateWal();
        thread = new Thread(() -> write(connection), "host-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void write(Connection connection) {
        try (connection; PreparedStatement update = connection.prepareStatement(
                "UPDATE bench_writer SET v = hex(randomblob(32)), at = datetime('now') WHERE id = ?")) {
            long next = System.nanoTime();
            while (running.get()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                // A writer held up does not burst to catch up: a slowed host shows as fewer commits.
                next = Math.max(next + NANOS_PER_COMMIT, System.nanoTime());
                try {
                    update.setLong(1, 1 + commits.get() % ROWS);
                    update.executeUpdate();
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
        double millisPerCommit = elapsed / Math.max(1, commits.get() - before);
        truncateWalAndResume();
        return millisPerCommit;
    }

    /**
     * Empties the WAL between measurements, from a connection of its own (the writer's is its
     * thread's), then waits until the writer commits again: the TRUNCATE checkpoint holds it up,
     * and its busy handler's back-off would otherwise spill into the next measurement.
     */
    private void truncateWalAndResume() throws SQLException, InterruptedException {
        truncateWal();
        long after = commits.get();
        for (int i = 0; i < 500 && commits.get() < after + 100; i++) {
            Thread.sleep(10);
        }
    }

    private void truncateWal() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
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
