package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.Identifiers;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code quick_check} of a copy the console has just made and nobody else writes, table by table
 * ({@code PRAGMA quick_check(table)} checks the table and its indexes) over two read-only
 * connections, so that one large table and the rest are checked side by side: one
 * {@code quick_check} runs on one core and was the largest part of a verified backup. The schema
 * table is checked too, so every b-tree of the file is walked once.
 *
 * <p>Tables are handed out largest first (by their largest rowid, a lookup of one b-tree path):
 * the connection that gets the largest table is the critical path, the other takes the rest. The
 * check of the schema table (root page 1) also walks the freelist, as the whole-file check does.
 * What per-table checks cannot see is a page used by two tables checked on different connections,
 * or a page in no b-tree and not free (a leak: readers never visit it, VACUUM reclaims it); the
 * whole-file check reports both. The caller still checks that page count × page size is the size.
 */
final class SplitQuickCheck {

    static final int CONNECTIONS = 2;

    private SplitQuickCheck() {
    }

    /**
     * "ok", or the first problem SQLite reported, prefixed with the table it was found in. Stops
     * at the first problem and once {@code context} is cancelled.
     */
    static String run(ConsoleConnections connections, Path copy, JobContext context) throws SQLException, IOException {
        ConcurrentLinkedQueue<String> queue;
        try (Connection list = connections.openReadOnly(copy)) {
            queue = new ConcurrentLinkedQueue<>(largestFirst(list));
        }
        AtomicReference<String> problem = new AtomicReference<>();
        FutureTask<Void> second = new FutureTask<>(() -> {
            drain(connections, copy, queue, problem, context);
            return null;
        });
        Thread helper = new Thread(second, "sqlite-console-quick-check");
        helper.setDaemon(true);
        helper.start();
        try {
            drain(connections, copy, queue, problem, context);
            second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the snapshot", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("checking the snapshot failed", e.getCause());
        } finally {
            // A failure on this thread must not leave the helper reading a file about to be deleted.
            queue.clear();
            joinQuietly(helper);
        }
        String found = problem.get();
        return found == null ? "ok" : found;
    }

    private static void drain(ConsoleConnections connections, Path copy, ConcurrentLinkedQueue<String> queue,
                              AtomicReference<String> problem, JobContext context) throws SQLException {
        try (Connection check = connections.openReadOnly(copy);
             Deadline stop = Deadline.install(check, Duration.ofDays(365), context::cancelled)) {
            for (String table = queue.poll(); table != null && problem.get() == null; table = queue.poll()) {
                String verdict = Queries.text(check, "PRAGMA quick_check(" + Identifiers.quote(table) + ")");
                if (!"ok".equals(verdict)) {
                    problem.compareAndSet(null, table + ": " + verdict);
                }
            }
        }
    }

    /** Every table with pages of its own, the schema table included, the largest first. */
    static List<String> largestFirst(Connection connection) throws SQLException {
        List<Map.Entry<String, Long>> weighted = new ArrayList<>();
        weighted.add(Map.entry("sqlite_schema", 0L));
        for (String table : Queries.texts(connection, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                + " AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%'")) {
            weighted.add(Map.entry(table, largestRowid(connection, table)));
        }
        weighted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        return weighted.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * The largest rowid, a guess at the table's size that costs one b-tree descent; a table
     * without rowid (or with a column named rowid that holds text) counts as large, so it starts early.
     */
    private static long largestRowid(Connection connection, String table) throws SQLException {
        String withoutRowid = Queries.text(connection, "SELECT count(*) FROM pragma_table_list WHERE schema = 'main'"
                + " AND name = ? AND wr = 1", table);
        if (!"0".equals(withoutRowid)) {
            return Long.MAX_VALUE;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT max(rowid) FROM " + Identifiers.quote(table))) {
            Object largest = rows.next() ? rows.getObject(1) : null;
            if (largest == null) {
                return 0;
            }
            return largest instanceof Number number ? number.longValue() : Long.MAX_VALUE;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
