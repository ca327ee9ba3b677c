package io.github.sqliteconsole.core.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the host's database is, and the console's own connections to it. Every feature asks
 * here instead of finding the file itself.
 */
public final class HostDatabase {

    /** Finds the host's database file (the health probe does, from one short host borrow). */
    public interface Locator {

        /** The main file, learned once and remembered; may borrow a host connection the first time. */
        Path databaseFile() throws SQLException;

        /** The file if it is already known; never borrows a host connection. */
        Optional<Path> knownDatabaseFile();
    }

    private final DataSource dataSource;
    private final Locator locator;
    private final ConsoleConnections connections;

    /** @param dataSource the host's, as the console was built over it */
    public HostDatabase(DataSource dataSource, Locator locator, ConsoleConnections connections) {
        this.dataSource = dataSource;
        this.locator = locator;
        this.connections = connections;
    }

    /** The host's DataSource the console serves. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The host database's main file.
     *
     * @throws SQLException when the host cannot be asked, or uses an in-memory database
     */
    public Path file() throws SQLException {
        return locator.databaseFile();
    }

    /** The file if a probe already learned it; never borrows a host connection. */
    public Optional<Path> knownFile() {
        return locator.knownDatabaseFile();
    }

    /** A new read-only connection of the console's own to the database; the caller closes it. */
    public Connection openReadOnly() throws SQLException {
        return connections.openReadOnly(file());
    }

    /** A new read-write connection of the console's own (maintenance only); the caller closes it. */
    public Connection openReadWrite() throws SQLException {
        return connections.openReadWrite(file());
    }

    /** Opens the console's own connections, with its busy timeout; for features that open them by file. */
    public ConsoleConnections connections() {
        return connections;
    }
}
