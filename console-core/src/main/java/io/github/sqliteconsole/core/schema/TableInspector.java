package io.github.sqliteconsole.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one table's schema. The table name is only ever a bound value here: the pragmas are used
 * as table-valued functions ({@code pragma_table_xinfo(?)}), so no name is spliced into SQL.
 */
public final class TableInspector {

    /** The table named exactly {@code name}, or empty when there is none (views are not tables). */
    public Optional<TableDetails> inspect(Connection connection, String name) throws SQLException {
        String sql = "SELECT l.type, l.wr, l.strict, s.sql FROM pragma_table_list l "
                + "LEFT JOIN sqlite_schema s ON s.name = l.name AND s.type = 'table' "
                + "WHERE l.schema = 'main' AND l.name = ? AND l.type IN ('table', 'virtual', 'shadow')";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String type = name.startsWith("sqlite_") ? "internal" : rows.getString(1);
                return Optional.of(new TableDetails(name, type, rows.getInt(2) == 1, rows.getInt(3) == 1,
                        rows.getString(4), columns(connection, name), indexes(connection, name),
                        foreignKeysOut(connection, name), foreignKeysIn(connection, name), triggers(connection, name)));
            }
        }
    }

    private static List<ColumnInfo> columns(Connection connection, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        String sql = "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String declared = rows.getString(2) == null ? "" : rows.getString(2);
                    columns.add(new ColumnInfo(rows.getString(1), declared, ColumnInfo.affinityOf(declared),
                            rows.getInt(3) == 1, rows.getString(4), rows.getInt(5), ColumnInfo.hiddenKind(rows.getInt(6))));
                }
            }
        }
        return columns;
    }

    private static List<IndexInfo> indexes(Connection connection, String table) throws SQLException {
        List<IndexInfo> indexes = new ArrayList<>();
        String sql = "SELECT l.name, l.\"unique\", l.origin, l.partial, s.sql FROM pragma_index_list(?) l "
                + "LEFT JOIN sqlite_schema s ON s.name = l.name AND s.type = 'index' ORDER BY l.name";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String origin = switch (rows.getString(3)) {
                        case "u" -> "unique constraint";
                        case "pk" -> "primary key";
                        default -> "created";
                    };
                    indexes.add(new IndexInfo(rows.getString(1), rows.getInt(2) == 1, origin, rows.getInt(4) == 1,
                            indexColumns(connection, rows.getString(1)), rows.getString(5)));
                }
            }
        }
        return indexes;
    }

    private static List<String> indexColumns(Connection connection, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        String sql = "SELECT cid, name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, index);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getInt(1) == -2 ? "<expression>" : rows.getInt(1) == -1 ? "rowid" : rows.getString(2);
                    columns.add(rows.getInt(3) == 1 ? column + " DESC" : column);
                }
            }
        }
        return columns;
    }

    private static List<ForeignKeyInfo> foreignKeysOut(Connection connection, String table) throws SQLException {
        String sql = "SELECT ? AS child, id, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?) ORDER BY id, seq";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            statement.setString(2, table);
            return foreignKeys(statement);
        }
    }

    private static List<ForeignKeyInfo> foreignKeysIn(Connection connection, String table) throws SQLException {
        // Parent names in declarations match case-insensitively, as SQLite resolves them.
        String sql = "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
                + "FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
                + "WHERE m.type = 'table' AND f.\"table\" = ? COLLATE NOCASE ORDER BY m.name, f.id, f.seq";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            return foreignKeys(statement);
        }
    }

    /** Folds the one-row-per-column pragma output into one record per key. */
    private static List<ForeignKeyInfo> foreignKeys(PreparedStatement statement) throws SQLException {
        Map<String, List<Object[]>> keys = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Object[] row = {rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7)};
                keys.computeIfAbsent(row[0] + "\u0000" + row[1], key -> new ArrayList<>()).add(row);
            }
        }
        List<ForeignKeyInfo> result = new ArrayList<>();
        for (List<Object[]> parts : keys.values()) {
            Object[] first = parts.get(0);
            List<String> from = parts.stream().map(part -> (String) part[3]).toList();
            List<String> to = parts.stream().map(part -> (String) part[4]).filter(java.util.Objects::nonNull).toList();
            result.add(new ForeignKeyInfo((Integer) first[1], (String) first[0], from, (String) first[2], to,
                    (String) first[5], (String) first[6]));
        }
        return result;
    }

    private static List<TriggerInfo> triggers(Connection connection, String table) throws SQLException {
        List<TriggerInfo> triggers = new ArrayList<>();
        String sql = "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? ORDER BY name";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    triggers.add(new TriggerInfo(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return triggers;
    }
}
