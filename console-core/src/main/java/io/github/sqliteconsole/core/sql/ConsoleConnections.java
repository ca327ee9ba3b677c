package io.github.sqliteconsole.core.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens the console's own connections to the host's database file.
 *
 * <p>Long or cancellable work never runs on a host pool connection: a progress handler or an
 * interrupt left on it would hurt the host. These connections have a short busy timeout so that
 * under contention the console gives up, not the host.
 */
public final class ConsoleConnections {

    private final Duration busyTimeout;

    public ConsoleConnections(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
    }

    /** A read-only connection: it can neither create the file nor change it. */
    public Connection openReadOnly(Path databaseFile) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.resetOpenMode(SQLiteOpenMode.READWRITE);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        return config.createConnection(url(databaseFile));
    }

    /** A read-write connection to an existing file; it never creates one. */
    public Connection openReadWrite(Path databaseFile) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        return config.createConnection(url(databaseFile));
    }

    /**
     * A {@code file:} URI, so that characters such as {@code ?} or {@code #} in the path are taken
     * as part of the file name and never as connection parameters.
     */
    public static String url(Path databaseFile) {
        String path = databaseFile.toAbsolutePath().toString();
        StringBuilder uri = new StringBuilder("jdbc:sqlite:file:");
        for (char ch : path.toCharArray()) {
            if (ch == '%' || ch == '?' || ch == '#' || ch < 0x20) {
                uri.append('%').append(String.format("%02X", (int) ch));
            } else {
                uri.append(ch);
            }
        }
        return uri.toString();
    }
}
