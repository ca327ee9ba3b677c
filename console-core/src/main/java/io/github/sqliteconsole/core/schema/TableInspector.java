package io.github.sqliteconsole.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one table's schema, or every table's at once. The table name is only ever a bound value
 * here: the pragmas are used as table-valued functions ({@code pragma_table_xinfo(?)}), so no name
 * is spliced into SQL.
 */
public final class TableInspector {

    /** The tables {@link #inspect} describes: what {@code pragma_table_list} lists in main, but views. */
    private static final String TABLE_TYPES = "l.schema = 'main' AND l.type IN ('table', 'virtual', 'shadow')";

    /** The table named exactly {@code name}, or empty when there is none (views are not tables). */
    public Optional<TableDetails> inspect(Connection connection, String name) throws SQLException {
        String sql = "SELECT l.type, l.wr, l.strict, s.sql FROM pragma_table_list l "
                + "LEFT JOIN sqlite_schema s ON s.name = l.name AND s.type = 'table' "
                + "WHERE l.name = ? AND " + TABLE_TYPES;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String type = name.startsWith("sqlite_") ? "internal" : rows.getString(1);
                List<ColumnInfo> columns;
                try {
                    columns = columns(connection, name);
                } catch (SQLException e) {
                    // A virtual table whose module this SQLite lacks (SpatiaLite's, an extension's):
                    // its DDL is still known, its columns and rows are not.
                    String module = missingModule(e);
                    if (module == null) {
                        throw e;
                    }
                    return Optional.of(new TableDetails(name, type, false, false, rows.getString(4), List.of(), List.of(),
                            List.of(), List.of(), triggers(connection, name), module));
                }
                return Optional.of(new TableDetails(name, type, rows.getInt(2) == 1, rows.getInt(3) == 1,
                        rows.getString(4), columns, indexes(connection, name),
                        foreignKeysOut(connection, name), foreignKeysIn(connection, name), triggers(connection, name)));
            }
        }
    }

    /**
     * The view named exactly {@code name}, described as a table without keys (and, by its type, without a rowid): its
     * columns and DDL, so its rows can be browsed like a table's.
     */
    public Optional<TableDetails> inspectView(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TableDetails(name, "view", false, false, rows.getString(1), columns(connection, name),
                        List.of(), List.of(), List.of(), triggers(connection, name)));
            }
        }
    }

    /**
     * Every ordinary table of main (type {@code table} in {@code pragma_table_list}, the internal
     * {@code sqlite_*} ones included; no virtual or shadow table), in name order, each exactly as
     * {@link #inspect} describes it. Inspecting table by table costs each table a walk over every
     * table (the foreign keys that point in, the table list, the schema rows), so doing it for all
     * of them grows with the square of their number: minutes at 5,000 tables. This reads the whole
     * schema in eight queries instead.
     */
    public Map<String, TableDetails> inspectAll(Connection connection) throws SQLException {
        String tables = "pragma_table_list l WHERE l.schema = 'main' AND l.type = 'table'";
        Map<String, String> tableSql = pairs(connection, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'");
        Map<String, String> indexSql = pairs(connection, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'");

        Map<String, List<ColumnInfo>> columns = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT l.name, x.name, x.type, x.\"notnull\", "
                + "x.dflt_value, x.pk, x.hidden FROM pragma_table_list l JOIN pragma_table_xinfo(l.name) x "
                + "WHERE l.schema = 'main' AND l.type = 'table' ORDER BY l.name, x.cid");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(column(rows, 2));
            }
        }

        Map<String, List<String>> indexColumns = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.name, x.cid, x.name, x.\"desc\" "
                + "FROM pragma_table_list l JOIN pragma_index_list(l.name) i JOIN pragma_index_xinfo(i.name) x "
                + "WHERE l.schema = 'main' AND l.type = 'table' AND x.key = 1 ORDER BY i.name, x.seqno");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                indexColumns.computeIfAbsent(rows.getString(1), index -> new ArrayList<>()).add(indexColumn(rows, 2));
            }
        }
        Map<String, List<IndexInfo>> indexes = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT l.name, i.name, i.\"unique\", i.origin, "
                + "i.partial FROM pragma_table_list l JOIN pragma_index_list(l.name) i "
                + "WHERE l.schema = 'main' AND l.type = 'table' ORDER BY l.name, i.name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String index = rows.getString(2);
                indexes.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(new IndexInfo(index,
                        rows.getInt(3) == 1, origin(rows.getString(4)), rows.getInt(5) == 1,
                        indexColumns.getOrDefault(index, List.of()), indexSql.get(index)));
            }
        }

        Map<String, List<ForeignKeyInfo>> keysOut = new HashMap<>();
        Map<String, List<ForeignKeyInfo>> keysIn = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT m.name, f.id, f.\"table\", f.\"from\", "
                + "f.\"to\", f.on_update, f.on_delete FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
                + "WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq")) {
            for (ForeignKeyInfo key : foreignKeys(statement)) {
                keysOut.computeIfAbsent(key.childTable(), table -> new ArrayList<>()).add(key);
                // As in foreignKeysIn: the parent's name matches the way SQLite's NOCASE does, ASCII only.
                keysIn.computeIfAbsent(asciiLower(key.parentTable()), table -> new ArrayList<>()).add(key);
            }
        }

        Map<String, List<TriggerInfo>> triggers = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tbl_name, name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                triggers.computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
                        .add(new TriggerInfo(rows.getString(2), rows.getString(3)));
            }
        }

        Map<String, TableDetails> all = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT l.name, l.type, l.wr, l.strict FROM " + tables + " ORDER BY l.name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                String type = name.startsWith("sqlite_") ? "internal" : rows.getString(2);
                all.put(name, new TableDetails(name, type, rows.getInt(3) == 1, rows.getInt(4) == 1, tableSql.get(name),
                        columns.getOrDefault(name, List.of()), indexes.getOrDefault(name, List.of()),
                        keysOut.getOrDefault(name, List.of()), keysIn.getOrDefault(asciiLower(name), List.of()),
                        triggers.getOrDefault(name, List.of())));
            }
        }
        return all;
    }

    private static final Pattern NO_SUCH_MODULE = Pattern.compile("no such module: ([^)\\s]+)");

    /** The module named by SQLite's "no such module: NAME", else null. */
    static String missingModule(SQLException e) {
        Matcher matcher = NO_SUCH_MODULE.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Map<String, String> pairs(Connection connection, String sql) throws SQLException {
        Map<String, String> pairs = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }

    /** SQLite's NOCASE: only A-Z fold. */
    private static String asciiLower(String name) {
        StringBuilder lowered = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            lowered.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lowered.toString();
    }

    /** name, type, notnull, dflt_value, pk, hidden of {@code pragma_table_xinfo}, from column {@code first} on. */
    private static ColumnInfo column(ResultSet rows, int first) throws SQLException {
        String declared = rows.getString(first + 1) == null ? "" : rows.getString(first + 1);
        return new ColumnInfo(rows.getString(first), declared, ColumnInfo.affinityOf(declared), rows.getInt(first + 2) == 1,
                rows.getString(first + 3), rows.getInt(first + 4), ColumnInfo.hiddenKind(rows.getInt(first + 5)));
    }

    private static String origin(String code) {
        return switch (code) {
            case "u" -> "unique constraint";
            case "pk" -> "primary key";
            default -> "created";
        };
    }

    /** cid, name, desc of {@code pragma_index_xinfo}, from column {@code first} on. */
    private static String indexColumn(ResultSet rows, int first) throws SQLException {
        int cid = rows.getInt(first);
        String column = cid == -2 ? "<expression>" : cid == -1 ? "rowid" : rows.getString(first + 1);
        return rows.getInt(first + 2) == 1 ? column + " DESC" : column;
    }

    private static List<ColumnInfo> columns(Connection connection, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        String sql = "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(column(rows, 1));
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
                    indexes.add(new IndexInfo(rows.getString(1), rows.getInt(2) == 1, origin(rows.getString(3)),
                            rows.getInt(4) == 1, indexColumns(connection, rows.getString(1)), rows.getString(5)));
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
                    columns.add(indexColumn(rows, 1));
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
                Object[] row = foreignKeyRow(rows);
                keys.computeIfAbsent(row[0] + "\u0000" + row[1], key -> new ArrayList<>()).add(row);
            }
        }
        return fold(keys);
    }

    /** child, id, parent table, from, to, on update, on delete: columns 1 to 7 of the pragma queries here. */
    private static Object[] foreignKeyRow(ResultSet rows) throws SQLException {
        return new Object[] {rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7)};
    }

    private static List<ForeignKeyInfo> fold(Map<String, List<Object[]>> keys) {
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
