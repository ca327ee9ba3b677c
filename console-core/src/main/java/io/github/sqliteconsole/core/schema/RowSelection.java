package io.github.sqliteconsole.core.schema;

import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.Identifiers;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rows of a table or view sorted by any column and filtered by {@code column = value}, a window
 * at a time with OFFSET (what a person browsing wants: First, Previous, Next, Last and "51–100 of
 * 24,025"), and streamed for export. Column names come from the schema, never from the request;
 * the filter value is bound. Ties in the sort are broken by the table's key, so a row never moves
 * between two windows of one query.
 */
public final class RowSelection {

    /** A count(*) of a large table can take seconds; the page shows "of many" instead of waiting. */
    static final Duration COUNT_BUDGET = Duration.ofSeconds(3);

    /** Receives exported rows one by one, raw values in column order. */
    public interface RowSink {
        void columns(List<String> names) throws IOException;

        void row(List<Object> values) throws IOException;
    }

    public RowWindow select(Connection connection, TableDetails table, RowQuery query) throws SQLException {
        Selected selected = sql(table, query);
        long total;
        try (Deadline stop = Deadline.install(connection, COUNT_BUDGET, () -> false)) {
            total = count(connection, table, selected, query);
        } catch (SQLException e) {
            if (!SqliteErrors.isInterrupted(e)) {
                throw e;
            }
            total = -1;
        }
        try (PreparedStatement statement = window(connection, selected, query);
             ResultSet rows = statement.executeQuery()) {
            List<String> columns = names(rows.getMetaData(), selected.selectRowid());
            List<List<CellValue>> window = new ArrayList<>();
            while (rows.next()) {
                List<CellValue> cells = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    cells.add(CellValue.of(rows.getObject(i)));
                }
                window.add(cells);
            }
            return new RowWindow(columns, window, query.offset(), total);
        }
    }

    /** Streams up to {@code query.limit()} rows from {@code query.offset()} into {@code sink}; returns how many. */
    public long export(Connection connection, TableDetails table, RowQuery query, RowSink sink)
            throws SQLException, IOException {
        Selected selected = sql(table, query);
        try (PreparedStatement statement = window(connection, selected, query);
             ResultSet rows = statement.executeQuery()) {
            List<String> columns = names(rows.getMetaData(), selected.selectRowid());
            sink.columns(columns);
            long written = 0;
            while (rows.next()) {
                List<Object> values = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    values.add(rows.getObject(i));
                }
                sink.row(values);
                written++;
            }
            return written;
        }
    }

    /** The selection's statement for the window {@code query} asks for, every value bound. */
    private static PreparedStatement window(Connection connection, Selected selected, RowQuery query)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(selected.sql() + " LIMIT ? OFFSET ?");
        try {
            int next = bindFilter(statement, query);
            statement.setInt(next, query.limit());
            statement.setLong(next + 1, query.offset());
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private record Selected(String sql, String from, String where, boolean selectRowid) {
    }

    private static Selected sql(TableDetails table, RowQuery query) {
        String rowidAlias = table.rowidAlias();
        boolean selectRowid = table.hasRowid() && rowidAlias == null;
        String from = " FROM " + Identifiers.quote(table.name());
        String where = query.filtered() ? " WHERE " + column(table, query.filterColumn(), "filter") + " = ?" : "";
        List<String> order = new ArrayList<>();
        if (query.sortColumn() != null) {
            order.add(column(table, query.sortColumn(), "sort") + (query.descending() ? " DESC" : ""));
        }
        // The key breaks ties so OFFSET windows never repeat or skip a row.
        if (table.hasRowid()) {
            order.add("rowid" + (query.sortColumn() == null && query.descending() ? " DESC" : ""));
        } else {
            table.primaryKey().forEach(key -> order.add(Identifiers.quote(key)));
        }
        String orderBy = order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order);
        String sql = "SELECT " + (selectRowid ? "rowid, " : "") + "*" + from + where + orderBy;
        return new Selected(sql, from, where, selectRowid);
    }

    private static long count(Connection connection, TableDetails table, Selected selected, RowQuery query)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*)" + selected.from() + selected.where())) {
            bindFilter(statement, query);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static int bindFilter(PreparedStatement statement, RowQuery query) throws SQLException {
        if (!query.filtered()) {
            return 1;
        }
        statement.setString(1, query.filterValue());
        return 2;
    }

    /** The quoted column as the schema names it; {@code rowid} for a rowid table; else {@link UnknownColumn}. */
    private static String column(TableDetails table, String requested, String purpose) {
        Optional<String> known = table.columns().stream().map(ColumnInfo::name).filter(name -> name.equals(requested)).findFirst();
        if (known.isPresent()) {
            return Identifiers.quote(known.get());
        }
        if (requested.equalsIgnoreCase("rowid") && table.hasRowid() && !table.type().equals("view")) {
            return "rowid";
        }
        // The requested name is not repeated: it came from a URL and may be anything.
        throw new UnknownColumn("cannot " + purpose + " by that column, " + table.name() + " has no column of that name");
    }

    private static List<String> names(ResultSetMetaData meta, boolean selectRowid) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(selectRowid && i == 1 ? "rowid" : meta.getColumnName(i));
        }
        return columns;
    }
}
