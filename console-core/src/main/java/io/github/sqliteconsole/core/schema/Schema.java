package io.github.sqliteconsole.core.schema;

import io.github.sqliteconsole.core.sql.HostDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Tables, their rows page by page, and the migration history, each read on a connection of the console's own. */
public final class Schema {

    private final HostDatabase database;

    public Schema(HostDatabase database) {
        this.database = database;
    }

    /** The schema of the table named exactly {@code name}, or empty when there is no such table. */
    public Optional<TableDetails> table(String name) throws SQLException {
        try (Connection own = database.openReadOnly()) {
            return new TableInspector().inspect(own, name);
        }
    }

    /** A page of {@code table}'s rows after {@code cursor} (null: the first page). */
    public RowPage rows(TableDetails table, String cursor, int limit) throws SQLException {
        try (Connection own = database.openReadOnly()) {
            return new TableRows().page(own, table, cursor, limit);
        }
    }

    /** The migration tool's history table (Flyway, Liquibase, Alembic, Rails), when there is one. */
    public Optional<MigrationHistory> migrations() throws SQLException {
        try (Connection own = database.openReadOnly()) {
            return MigrationHistory.read(own);
        }
    }
}
