package io.github.sqliteconsole.core.space;

import io.github.sqliteconsole.core.sql.Queries;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.Identifiers;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts that never stall a page: exact {@code count(*)}s, smallest tables first, until the
 * budget is spent, then estimates ({@code sqlite_stat1}, else {@code max(rowid)}). A count that
 * would overrun the budget is stopped by a progress handler, so a huge table costs at most the
 * remaining budget.
 */
public final class RowCounter {

    private final Connection own;

    public RowCounter(Connection own) {
        this.own = own;
    }

    /** The tables with rows filled in, in their original order. */
    List<TableSpace> count(List<TableSpace> tables, Duration budget) throws SQLException {
        Map<String, Long> analyzed = analyzedRowCounts();
        long stopAt = System.nanoTime() + budget.toNanos();
        Map<String, TableSpace> counted = new HashMap<>();
        List<TableSpace> cheapestFirst = new ArrayList<>(tables);
        cheapestFirst.sort(Comparator.comparingLong(TableSpace::tableBytes));
        for (TableSpace table : cheapestFirst) {
            long remaining = stopAt - System.nanoTime();
            Long exact = remaining > 0 ? exactCount(table.name(), Duration.ofNanos(remaining)) : null;
            counted.put(table.name(), exact != null ? table.withRows(exact, true)
                    : table.withRows(estimate(table, analyzed), false));
        }
        return tables.stream().map(table -> counted.get(table.name())).toList();
    }

    /** {@code count(*)} within {@code budget}, or null when stopped or when the table cannot be read. */
    public Long exactCount(String table, Duration budget) throws SQLException {
        try (Deadline deadline = Deadline.install(own, budget, () -> false);
             PreparedStatement statement = own.prepareStatement("SELECT count(*) FROM " + Identifiers.quote(table));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            if (SqliteErrors.isInterrupted(e) || isUnreadable(e)) {
                return null;
            }
            throw e;
        }
    }

    /** A virtual table whose module this SQLite lacks cannot be counted; that is no reason to fail the page. */
    private static boolean isUnreadable(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("no such module");
    }

    private long estimate(TableSpace table, Map<String, Long> analyzed) throws SQLException {
        Long fromStatistics = analyzed.get(table.name());
        if (fromStatistics != null) {
            return fromStatistics;
        }
        if (table.withoutRowid() || !table.type().equals("table")) {
            return -1;
        }
        // The largest rowid is read from the b-tree's rightmost leaf: instant, and exact for
        // tables that never deleted rows.
        try (PreparedStatement statement = own.prepareStatement("SELECT max(rowid) FROM " + Identifiers.quote(table.name()));
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : -1;
        }
    }

    /** Row counts ANALYZE stored: the first number of a table's {@code sqlite_stat1} rows. */
    private Map<String, Long> analyzedRowCounts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        if (Queries.longValue(own, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") == 0) {
            return counts;
        }
        String sql = "SELECT tbl, max(CAST(substr(stat, 1, instr(stat || ' ', ' ') - 1) AS INTEGER)) "
                + "FROM sqlite_stat1 GROUP BY tbl";
        try (PreparedStatement statement = own.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
