package io.github.sqliteconsole.core.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading one value or one column from a fixed, read-only statement: the pragmas and schema
 * queries every check needs. Values go in as binds; the SQL text is always the caller's constant.
 */
public final class Queries {

    private Queries() {
    }

    /**
     * The database's size as its readers see it, WAL included: page count × page size. This, not
     * file + WAL, is what a copy or a VACUUM writes: a WAL holds many versions of the same pages,
     * and under a busy writer it can be many times the database.
     */
    public static long databaseBytes(Connection connection) throws SQLException {
        return longValue(connection, "PRAGMA page_count") * longValue(connection, "PRAGMA page_size");
    }

    /** The first column of the first row as a long, 0 when there is no row. */
    public static long longValue(Connection connection, String sql, Object... binds) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, binds);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The first column of the first row as text, empty when there is no row or it is NULL. */
    public static String text(Connection connection, String sql, Object... binds) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, binds);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getString(1) != null ? rows.getString(1) : "";
        }
    }

    /** The first column of every row, as text. */
    public static List<String> texts(Connection connection, String sql, Object... binds) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, binds);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /**
     * The main database's file as {@code PRAGMA database_list} names it, empty for an in-memory or
     * temporary database. The pragma, not {@code SELECT ... FROM pragma_database_list}: a SELECT
     * must read the schema and so waits behind a writer.
     */
    public static String mainFile(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("PRAGMA database_list");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if ("main".equals(rows.getString("name"))) {
                    String file = rows.getString("file");
                    return file == null ? "" : file;
                }
            }
            return "";
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... binds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
