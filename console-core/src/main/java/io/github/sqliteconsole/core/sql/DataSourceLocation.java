package io.github.sqliteconsole.core.sql;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The file a DataSource is configured to open, read from its configuration without connecting:
 * when no connection can be had, the person fixing it needs to know which path was tried.
 * {@code PRAGMA database_list} stays the truth once a connection works.
 */
public final class DataSourceLocation {

    private static final String PREFIX = "jdbc:sqlite:";

    private DataSourceLocation() {
    }

    /** The configured database path, when the DataSource (sqlite-jdbc's, or a pool's JDBC URL) reveals one. */
    public static Optional<String> configuredPath(DataSource dataSource) {
        return url(dataSource).filter(url -> url.startsWith(PREFIX)).map(DataSourceLocation::path).filter(p -> !p.isEmpty());
    }

    private static Optional<String> url(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(SQLiteDataSource.class)) {
                return Optional.ofNullable(dataSource.unwrap(SQLiteDataSource.class).getUrl());
            }
        } catch (SQLException e) {
            // Not an sqlite-jdbc DataSource inside: try a pool's own URL below.
        }
        // HikariCP's getJdbcUrl(), Tomcat's and DBCP's getUrl(): public getters of the host's pool.
        for (String getter : new String[] {"getJdbcUrl", "getUrl"}) {
            try {
                Method method = dataSource.getClass().getMethod(getter);
                if (method.getReturnType() == String.class) {
                    return Optional.ofNullable((String) method.invoke(dataSource));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // This pool has no such getter; the next one may.
            }
        }
        return Optional.empty();
    }

    private static String path(String url) {
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring(5);
        }
        return rest.equals(":memory:") ? "" : rest;
    }
}
