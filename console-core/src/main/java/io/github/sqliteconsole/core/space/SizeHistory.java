package io.github.sqliteconsole.core.space;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import org.sqlite.SQLiteConfig;

/**
 * Table sizes over time, kept in the console's own state file (an SQLite file of its own, never
 * the host database): at most one snapshot an hour, pruned after {@link #KEPT}.
 */
public final class SizeHistory {

    /** One table's size at one moment. */
    public record Point(Instant at, long totalBytes, long rows) {
    }

    public static final Duration INTERVAL = Duration.ofHours(1);
    public static final Duration KEPT = Duration.ofDays(31);
    /** Bound names per query, well under SQLite's limit on variables. */
    private static final int NAMES_PER_QUERY = 500;

    private final Path stateFile;
    private final Clock clock;

    public SizeHistory(Path stateFile, Clock clock) {
        this.stateFile = stateFile;
        this.clock = clock;
    }

    public Path stateFile() {
        return stateFile;
    }

    /** Stores {@code report} unless the latest snapshot is younger than an hour; true when it stored. */
    public synchronized boolean recordIfDue(SpaceReport report) throws SQLException {
        Instant now = clock.instant();
        try (Connection state = open()) {
            try (PreparedStatement latest = state.prepareStatement("SELECT max(taken_at) FROM size_snapshot");
                 ResultSet rows = latest.executeQuery()) {
                if (rows.next() && rows.getObject(1) != null
                        && now.toEpochMilli() - rows.getLong(1) < INTERVAL.toMillis()) {
                    return false;
                }
            }
            state.setAutoCommit(false);
            try (PreparedStatement insert = state.prepareStatement(
                    "INSERT INTO size_snapshot(taken_at, table_name, total_bytes, row_count) VALUES (?, ?, ?, ?)");
                 PreparedStatement prune = state.prepareStatement("DELETE FROM size_snapshot WHERE taken_at < ?")) {
                for (TableSpace table : report.tables()) {
                    insert.setLong(1, now.toEpochMilli());
                    insert.setString(2, table.name());
                    insert.setLong(3, table.totalBytes());
                    insert.setLong(4, table.rows());
                    insert.addBatch();
                }
                insert.executeBatch();
                prune.setLong(1, now.minus(KEPT).toEpochMilli());
                prune.executeUpdate();
            }
            state.commit();
            return true;
        }
    }

    /** Every table's points since {@code days} ago, oldest first, in one query. */
    public Map<String, List<Point>> lastDays(int days) throws SQLException {
        Map<String, List<Point>> history = new HashMap<>();
        String sql = "SELECT table_name, taken_at, total_bytes, row_count FROM size_snapshot "
                + "WHERE taken_at >= ? ORDER BY table_name, taken_at";
        try (Connection state = open(); PreparedStatement query = state.prepareStatement(sql)) {
            query.setLong(1, clock.instant().minus(Duration.ofDays(days)).toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    history.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                            .add(new Point(Instant.ofEpochMilli(rows.getLong(2)), rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return history;
    }

    /**
     * Like {@link #lastDays(int)}, for the named tables only: a page of 500 tables reads its own
     * points (through the index on table and time), not 30 days of hourly points for every table.
     */
    public Map<String, List<Point>> lastDays(int days, Collection<String> tables) throws SQLException {
        Map<String, List<Point>> history = new HashMap<>();
        List<String> names = List.copyOf(tables);
        try (Connection state = open()) {
            for (int start = 0; start < names.size(); start += NAMES_PER_QUERY) {
                List<String> chunk = names.subList(start, Math.min(names.size(), start + NAMES_PER_QUERY));
                String sql = "SELECT table_name, taken_at, total_bytes, row_count FROM size_snapshot WHERE table_name IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") AND taken_at >= ? "
                        + "ORDER BY table_name, taken_at";
                try (PreparedStatement query = state.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 1, chunk.get(i));
                    }
                    query.setLong(chunk.size() + 1, clock.instant().minus(Duration.ofDays(days)).toEpochMilli());
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            history.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                                    .add(new Point(Instant.ofEpochMilli(rows.getLong(2)), rows.getLong(3), rows.getLong(4)));
                        }
                    }
                }
            }
        }
        return history;
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(2000);
        Connection state = null;
        try {
            state = config.createConnection(ConsoleConnections.url(stateFile));
            try (Statement schema = state.createStatement()) {
                schema.execute("CREATE TABLE IF NOT EXISTS size_snapshot (taken_at INTEGER NOT NULL, "
                        + "table_name TEXT NOT NULL, total_bytes INTEGER NOT NULL, row_count INTEGER NOT NULL)");
                schema.execute("CREATE INDEX IF NOT EXISTS size_snapshot_time ON size_snapshot(taken_at)");
                schema.execute("CREATE INDEX IF NOT EXISTS size_snapshot_table ON size_snapshot(table_name, taken_at)");
            }
            return state;
        } catch (SQLException e) {
            if (state != null) {
                state.close();
            }
            throw new SQLException("cannot use the console's state file " + stateFile + ": " + e.getMessage()
                    + "; set stateFile to a path the app user can write", e);
        }
    }
}
