package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.sql.Queries;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The app's DataSource the console will serve, with what the startup message names: its JDBC URL
 * and the database file. Read once from one connection, which goes straight back to the pool.
 */
record SqliteDataSource(DataSource dataSource, String url, String file) {

    static final String URL_PREFIX = "jdbc:sqlite:";

    /**
     * Checks that {@code dataSource} is an SQLite database and names its file.
     *
     * @throws IllegalStateException when it is another database or cannot be reached, saying what to set
     */
    static SqliteDataSource of(DataSource dataSource, String beanName) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (url == null || !url.startsWith(URL_PREFIX)) {
                throw new IllegalStateException("SQLite Console: the DataSource '" + beanName + "' is " + url
                        + ", not SQLite; define a SqliteConsole bean over your SQLite DataSource,"
                        + " or set sqlite.console.enabled=false");
            }
            // PRAGMA database_list: it takes no lock, so a host writer holding the database cannot stall startup.
            String file = Queries.mainFile(connection);
            return new SqliteDataSource(dataSource, url, file.isEmpty() ? "(in memory)" : file);
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite Console: cannot open a connection from the DataSource '" + beanName
                    + "' to find its database file: " + e.getMessage()
                    + "; check spring.datasource.url, or set sqlite.console.enabled=false", e);
        }
    }
}
