package io.github.sqliteconsole.core.schema;

import io.github.sqliteconsole.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pages through a table by its key (keyset paging): each page is an index seek, so page 10,000
 * costs what page 1 costs, unlike OFFSET. Rowid tables page by rowid (or its INTEGER PRIMARY KEY
 * alias), WITHOUT ROWID tables by their primary key (a row-value comparison, so composite keys work).
 */
public final class TableRows {

    public static final int MAX_PAGE_SIZE = 200;

    /** The page after {@code cursor} (null for the first page) of at most {@code limit} rows. */
    public RowPage page(Connection connection, TableDetails table, String cursor, int limit) throws SQLException {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        String alias = table.rowidAlias();
        boolean selectRowid = table.hasRowid() && alias == null;
        List<String> key = alias != null ? List.of(alias) : selectRowid ? List.of("rowid") : table.primaryKey();
        List<Object> after = cursor == null ? null : RowCursor.decode(cursor, key.size());
        String keyList = key.stream().map(column -> selectRowid ? "rowid" : Identifiers.quote(column))
                .collect(Collectors.joining(", "));
        String selectKey = selectRowid ? "rowid, " : "";
        StringBuilder sql = new StringBuilder("SELECT ").append(selectKey).append("* FROM ")
                .append(Identifiers.quote(table.name()));
        if (after != null) {
            String placeholders = key.stream().map(column -> "?").collect(Collectors.joining(", "));
            sql.append(" WHERE (").append(keyList).append(") > (").append(placeholders).append(')');
        }
        sql.append(" ORDER BY ").append(keyList).append(" LIMIT ?");

        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            if (after != null) {
                for (Object value : after) {
                    statement.setObject(parameter++, value);
                }
            }
            statement.setInt(parameter, limit + 1);
            return read(statement, selectRowid, key, limit);
        }
    }

    private static RowPage read(PreparedStatement statement, boolean selectRowid, List<String> key, int limit)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(selectRowid && i == 1 ? "rowid" : meta.getColumnName(i));
            }
            List<Integer> keyColumns = key.stream().map(column -> columns.indexOf(column) + 1).toList();
            List<List<CellValue>> page = new ArrayList<>();
            List<Object> lastKey = null;
            boolean more = false;
            while (rows.next()) {
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                List<CellValue> cells = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    cells.add(CellValue.of(rows.getObject(i)));
                }
                page.add(cells);
                lastKey = new ArrayList<>();
                for (int column : keyColumns) {
                    lastKey.add(rows.getObject(column));
                }
            }
            return new RowPage(columns, page, more ? RowCursor.encode(lastKey) : null);
        }
    }
}
