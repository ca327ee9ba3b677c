package io.github.sqliteconsole.core.schema;

import io.github.sqliteconsole.core.sql.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migration tool's own history table, when the app has one: Flyway, Liquibase, Alembic or
 * Rails. Only fixed, known table names are read.
 *
 * @param tool    Flyway, Liquibase, Alembic or Rails
 * @param total   how many migrations the table records
 * @param latest  the most recent ones, newest first (at most {@link #SHOWN})
 */
public record MigrationHistory(String tool, String table, long total, List<Migration> latest) {

    public static final int SHOWN = 5;

    /** One applied migration; fields a tool does not record are empty. */
    public record Migration(String version, String description, String appliedAt) {
    }

    private record Source(String tool, String table, String latestSql) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("Flyway", "flyway_schema_history", "SELECT coalesce(version, ''), description, installed_on "
                    + "FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT " + SHOWN),
            new Source("Liquibase", "DATABASECHANGELOG", "SELECT ID, coalesce(DESCRIPTION, FILENAME), DATEEXECUTED "
                    + "FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED DESC LIMIT " + SHOWN),
            new Source("Alembic", "alembic_version", "SELECT version_num, '', '' FROM alembic_version LIMIT " + SHOWN),
            new Source("Rails", "schema_migrations", "SELECT version, '', '' FROM schema_migrations "
                    + "ORDER BY version DESC LIMIT " + SHOWN));

    /** The first history table found, or empty when the app uses none of these tools. */
    public static Optional<MigrationHistory> read(Connection connection) throws SQLException {
        for (Source source : SOURCES) {
            boolean exists = Queries.longValue(connection,
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE", source.table()) > 0;
            if (exists) {
                // source.table() is one of the fixed names above, never text from a request.
                return Optional.of(new MigrationHistory(source.tool(), source.table(),
                        Queries.longValue(connection, "SELECT count(*) FROM " + source.table()),
                        latest(connection, source.latestSql())));
            }
        }
        return Optional.empty();
    }

    private static List<Migration> latest(Connection connection, String sql) throws SQLException {
        List<Migration> migrations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                migrations.add(new Migration(text(rows, 1), text(rows, 2), text(rows, 3)));
            }
        }
        return migrations;
    }

    private static String text(ResultSet rows, int column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? "" : value;
    }
}
