package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.schema.ColumnInfo;
import io.github.sqliteconsole.core.schema.IndexInfo;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether SQLite accepts the parent columns of a foreign key as its parent key, decided the way
 * SQLite does before it checks a single row: the parent's INTEGER PRIMARY KEY, or a UNIQUE index
 * that is not partial, covers exactly those columns, and compares each with the column's own
 * collation. Anything else is a "foreign key mismatch".
 */
final class ParentKey {

    private ParentKey() {
    }

    /** Null when {@code columns} of {@code parent} are a parent key SQLite accepts; else why not. */
    static String problem(Connection own, TableDetails parent, List<String> columns) throws SQLException {
        if (isRowidAlias(parent, columns)) {
            return null;
        }
        List<IndexInfo> candidates = parent.indexes().stream()
                .filter(index -> index.unique() && !index.partial() && sameColumns(index.columns(), columns)).toList();
        String problem = parent.name() + "(" + String.join(", ", columns) + ") is not a primary key or unique index";
        for (IndexInfo index : candidates) {
            problem = collationProblem(own, parent.name(), index);
            if (problem == null) {
                return null;
            }
        }
        return problem;
    }

    private static boolean isRowidAlias(TableDetails parent, List<String> columns) {
        List<String> primaryKey = parent.primaryKey();
        if (!parent.hasRowid() || columns.size() != 1 || primaryKey.size() != 1
                || !primaryKey.get(0).equalsIgnoreCase(columns.get(0))) {
            return false;
        }
        return parent.columns().stream().filter(column -> column.name().equalsIgnoreCase(columns.get(0)))
                .map(ColumnInfo::declaredType).anyMatch(type -> "INTEGER".equalsIgnoreCase(type));
    }

    private static boolean sameColumns(List<String> indexColumns, List<String> wanted) {
        return indexColumns.size() == wanted.size() && lower(indexColumns).equals(lower(wanted));
    }

    /** Null when every key column of {@code index} uses its column's own collation; else which does not. */
    private static String collationProblem(Connection own, String table, IndexInfo index) throws SQLException {
        try (PreparedStatement statement = own.prepareStatement(
                "SELECT name, coll FROM pragma_index_xinfo(?) WHERE key = 1 AND cid >= 0 ORDER BY seqno")) {
            statement.setString(1, index.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    String indexCollation = rows.getString(2);
                    String columnCollation = columnCollation(own, table, column);
                    if (columnCollation != null && !columnCollation.equalsIgnoreCase(indexCollation)) {
                        return "unique index " + index.name() + " compares " + column + " with collation " + indexCollation
                                + ", but the column's own collation is " + columnCollation;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The collation a column compares with, as SQLite's compiler sees it: no pragma reports it, so
     * this reads the plan of a comparison on the column (unary {@code +} keeps the collation but
     * keeps indexes out) and takes the collating sequence of its {@code Ne} opcode. Compiles, never
     * runs: no row is read. Null when the plan shows none (then nothing is claimed).
     */
    static String columnCollation(Connection own, String table, String column) throws SQLException {
        // Both names come from the schema and are quoted; nothing from a request reaches this text.
        String plan = "EXPLAIN SELECT 1 FROM " + Identifiers.quote(table) + " WHERE +" + Identifiers.quote(column) + " = ''";
        try (PreparedStatement statement = own.prepareStatement(plan); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String p4 = rows.getString("p4");
                if ("Ne".equals(rows.getString("opcode")) && p4 != null) {
                    int encoding = p4.lastIndexOf('-');
                    return encoding > 0 ? p4.substring(0, encoding) : p4;
                }
            }
        }
        return null;
    }

    /** Column names as sets to compare: case-insensitive, sort order ignored. */
    static Set<String> lower(List<String> names) {
        Set<String> lowered = new HashSet<>();
        for (String name : names) {
            lowered.add(name.replace(" DESC", "").toLowerCase(Locale.ROOT));
        }
        return lowered;
    }
}
