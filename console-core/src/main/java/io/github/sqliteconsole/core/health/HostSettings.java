package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.sql.Queries;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Per-connection settings of the host's own connections, and where their database lives.
 *
 * <p>These pragmas only read connection state, so they take no lock on the file and cannot wait
 * behind a writer; that keeps the time a host connection is borrowed to a few microseconds.
 */
record HostSettings(String path, boolean foreignKeys, int busyTimeoutMillis, String synchronous, boolean readOnly) {

    private static final String[] SYNCHRONOUS_NAMES = {"OFF", "NORMAL", "FULL", "EXTRA"};

    boolean inMemory() {
        return path.isEmpty();
    }

    static HostSettings read(Connection host) throws SQLException {
        int synchronous = (int) Queries.longValue(host, "PRAGMA synchronous");
        return new HostSettings(
                Queries.mainFile(host),
                Queries.longValue(host, "PRAGMA foreign_keys") == 1,
                (int) Queries.longValue(host, "PRAGMA busy_timeout"),
                synchronous >= 0 && synchronous < SYNCHRONOUS_NAMES.length ? SYNCHRONOUS_NAMES[synchronous] : "UNKNOWN",
                host.isReadOnly() || Queries.longValue(host, "PRAGMA query_only") == 1);
    }
}
