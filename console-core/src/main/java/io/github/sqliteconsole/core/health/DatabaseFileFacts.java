package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.sql.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Facts stored in the database file itself, read with pragmas that change nothing. The object
 * counts are of the app's own schema: SQLite's internal tables and automatic indexes are left out.
 */
public record DatabaseFileFacts(
        String sqliteVersion,
        long pageSize,
        long pageCount,
        long freelistPages,
        String journalMode,
        String autoVacuum,
        int userVersion,
        int tables,
        int indexes,
        int views,
        int triggers) {

    private static final String[] AUTO_VACUUM_NAMES = {"NONE", "FULL", "INCREMENTAL"};

    /** The database's size as its readers see it (WAL included): page count × page size. */
    public long databaseBytes() {
        return pageCount * pageSize;
    }

    /** Reads the facts through {@code connection}; every statement here is read-only. */
    static DatabaseFileFacts read(Connection connection) throws SQLException {
        int[] counts = countSchemaObjects(connection);
        int autoVacuum = (int) Queries.longValue(connection, "PRAGMA auto_vacuum");
        return new DatabaseFileFacts(
                Queries.text(connection, "SELECT sqlite_version()"),
                Queries.longValue(connection, "PRAGMA page_size"),
                Queries.longValue(connection, "PRAGMA page_count"),
                Queries.longValue(connection, "PRAGMA freelist_count"),
                Queries.text(connection, "PRAGMA journal_mode").toUpperCase(java.util.Locale.ROOT),
                autoVacuum >= 0 && autoVacuum < AUTO_VACUUM_NAMES.length ? AUTO_VACUUM_NAMES[autoVacuum] : "UNKNOWN",
                (int) Queries.longValue(connection, "PRAGMA user_version"),
                counts[0], counts[1], counts[2], counts[3]);
    }

    private static int[] countSchemaObjects(Connection connection) throws SQLException {
        int[] counts = new int[4];
        // SQLite's own objects (sqlite_sequence, sqlite_stat1, sqlite_autoindex_*) are not the app's schema.
        String sql = "SELECT type, count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' GROUP BY type";
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                switch (rows.getString(1)) {
                    case "index" -> counts[1] = rows.getInt(2);
                    case "view" -> counts[2] = rows.getInt(2);
                    case "trigger" -> counts[3] = rows.getInt(2);
                    default -> { /* no other types exist today */ }
                }
            }
        }
        // Tables as the Tables page lists them: a virtual table's shadow tables are part of it, not tables of their own.
        String tables = "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        counts[0] = (int) Queries.longValue(connection, tables);
        return counts;
    }
}
