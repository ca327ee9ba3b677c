package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Child rows whose parent row is missing. The child rows are grouped by key (with an index on the
 * child columns this is an ordered scan of that index, smaller than the table), and the parent's
 * key index is sought once per distinct key, in key order. It answers exactly what SQLite's
 * foreign key check answers:
 * <ul>
 *   <li>a child row with NULL in any key column references nothing, so it is never a violation;</li>
 *   <li>{@code p.x = +c.a}: the unary plus strips the child value's affinity, so the comparison
 *       applies the parent column's affinity to it (TEXT '5' finds INTEGER 5, as SQLite's check
 *       does), and the parent column, on the left, decides the collation (NOCASE parents).</li>
 * </ul>
 * Every name was read from the schema before it reaches here, and is quoted.
 */
final class MissingParents {

    private final String child;
    private final List<String> childColumns;
    private final String parent;
    private final List<String> parentColumns;

    MissingParents(String child, List<String> childColumns, String parent, List<String> parentColumns) {
        this.child = child;
        this.childColumns = List.copyOf(childColumns);
        this.parent = parent;
        this.parentColumns = List.copyOf(parentColumns);
    }

    long count(Connection connection) throws SQLException {
        String sql = "SELECT coalesce(sum(g.rows_with_key), 0) FROM (SELECT " + childKey("c") + ", count(*) AS rows_with_key FROM "
                + Identifiers.quote(child) + " AS c WHERE " + notNull() + " GROUP BY " + childKey("c") + ") AS g WHERE "
                + parentMissing("g");
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** A missing key value and how many child rows hold it. */
    record KeyCount(Object value, long rows) {
    }

    /** The single-column key value held by the most orphaned rows, if there are any. */
    Optional<KeyCount> mostFrequentMissingKey(Connection connection) throws SQLException {
        String sql = "SELECT " + childKey("g") + ", g.rows_with_key FROM (SELECT " + childKey("c")
                + ", count(*) AS rows_with_key FROM " + Identifiers.quote(child) + " AS c WHERE " + notNull() + " GROUP BY "
                + childKey("c") + ") AS g WHERE " + parentMissing("g") + " ORDER BY g.rows_with_key DESC LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(new KeyCount(rows.getObject(1), rows.getLong(2))) : Optional.empty();
        }
    }

    /** Rowids of up to {@code limit} orphaned rows, in rowid order; only for tables with a rowid. */
    List<Long> sampleRowids(Connection connection, int limit) throws SQLException {
        // First a few missing keys from the grouped scan, then their rows through the child index:
        // never a second full scan of the child table.
        String keys = "SELECT " + childKey("g") + " FROM (SELECT " + childKey("c") + " FROM " + Identifiers.quote(child)
                + " AS c WHERE " + notNull() + " GROUP BY " + childKey("c") + ") AS g WHERE " + parentMissing("g")
                + " LIMIT " + limit;
        String sql = "SELECT c.rowid FROM " + Identifiers.quote(child) + " AS c WHERE (" + childKey("c") + ") IN ("
                + keys + ") ORDER BY c.rowid LIMIT " + limit;
        List<Long> rowids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rowids.add(rows.getLong(1));
            }
        }
        return rowids;
    }

    /** SQL a person can review and run to delete the orphans. Shown, never executed by the console. */
    String deleteSql() {
        return "DELETE FROM " + Identifiers.quote(child) + " AS c WHERE " + condition() + ";";
    }

    /** SQL that keeps the orphaned rows but clears their reference. Shown, never executed. */
    String setNullSql() {
        String assignments = childColumns.stream().map(column -> Identifiers.quote(column) + " = NULL")
                .collect(Collectors.joining(", "));
        return "UPDATE " + Identifiers.quote(child) + " AS c SET " + assignments + " WHERE " + condition() + ";";
    }

    /** Rows with a missing parent, for the fix statements: one row at a time, as a person would run it. */
    private String condition() {
        return notNull() + " AND " + parentMissing("c");
    }

    private String notNull() {
        return childColumns.stream().map(column -> "c." + Identifiers.quote(column) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
    }

    private String childKey(String alias) {
        return childColumns.stream().map(column -> alias + "." + Identifiers.quote(column)).collect(Collectors.joining(", "));
    }

    private String parentMissing(String alias) {
        String join = IntStream.range(0, childColumns.size())
                .mapToObj(i -> "p." + Identifiers.quote(parentColumns.get(i)) + " = +" + alias + "." + Identifiers.quote(childColumns.get(i)))
                .collect(Collectors.joining(" AND "));
        return "NOT EXISTS (SELECT 1 FROM " + Identifiers.quote(parent) + " AS p WHERE " + join + ")";
    }
}
