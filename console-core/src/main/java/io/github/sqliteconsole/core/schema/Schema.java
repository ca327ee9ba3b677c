package io.github.sqliteconsole.core.schema;

import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Tables, their rows page by page, and the migration history, each read on a connection of the console's own. */
public final class Schema {

    private final HostDatabase database;

    public Schema(HostDatabase database) {
        this.database = database;
    }

    /** The schema of the table or view named exactly {@code name}, or empty when there is neither. */
    public Optional<TableDetails> table(String name) throws SQLException {
        try (Connection own = database.openReadOnly()) {
            TableInspector inspector = new TableInspector();
            Optional<TableDetails> table = inspector.inspect(own, name);
            return table.isPresent() ? table : inspector.inspectView(own, name);
        }
    }

    /** The names of the views in main, in name order. */
    public List<String> views() throws SQLException {
        try (Connection own = database.openReadOnly()) {
            return Queries.texts(own, "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name");
        }
    }

    /** A window of {@code table}'s rows, sorted and filtered as {@code query} asks, with the matching total. */
    public RowWindow select(TableDetails table, RowQuery query) throws SQLException {
        try (Connection own = database.openReadOnly()) {
            return new RowSelection().select(own, table, query);
        }
    }

    /** Streams the rows {@code query} selects into {@code sink}; returns how many were written. */
    public long export(TableDetails table, RowQuery query, RowSelection.RowSink sink) throws SQLException, IOException {
        try (Connection own = database.openReadOnly()) {
            return new RowSelection().export(own, table, query, sink);
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
