package io.github.sqliteconsole.core.state;

import io.github.sqliteconsole.core.sql.ConsoleConnections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Every attempted mutation, kept in the console's own state file so the record survives restarts
 * (never in the host database). Entries older than {@link #KEPT_ENTRIES} are pruned.
 *
 * <p>Requests denied to clients without any role are not entries: they are counted per minute,
 * client and reason in a table of their own ({@link #addDenials}), so that no volume of them can
 * push the operators' allowed and failed entries out, and a flood costs one row a minute, not one
 * write a request.
 */
public final class AuditTrail {

    /** One attempted mutation: who, from where, what, and how it ended. */
    public record Entry(Instant at, String remoteAddress, String principal, String action, String outcome, String detail) {
    }

    /** Denied requests of one client for one reason within one minute. */
    public record DenialCount(Instant minute, String remoteAddress, String reason, long count) {
    }

    public static final int KEPT_ENTRIES = 10_000;
    /** Minute-client-reason rows kept; apart from {@link #KEPT_ENTRIES}, so denials never displace entries. */
    public static final int KEPT_DENIAL_ROWS = 10_000;

    private final Path stateFile;

    public AuditTrail(Path stateFile) {
        this.stateFile = stateFile;
    }

    public synchronized void append(Entry entry) throws SQLException {
        try (Connection state = open();
             PreparedStatement insert = state.prepareStatement("INSERT INTO audit_log(at, remote_address, principal, "
                     + "action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement prune = state.prepareStatement(
                     "DELETE FROM audit_log WHERE id <= (SELECT max(id) FROM audit_log) - " + KEPT_ENTRIES)) {
            insert.setLong(1, entry.at().toEpochMilli());
            insert.setString(2, entry.remoteAddress());
            insert.setString(3, entry.principal());
            insert.setString(4, entry.action());
            insert.setString(5, entry.outcome());
            insert.setString(6, entry.detail());
            insert.executeUpdate();
            prune.executeUpdate();
        }
    }

    /**
     * Sets the number of requests denied to {@code remoteAddress} for {@code reason} in the minute
     * starting at {@code minute} (counts only grow, so a later, higher count replaces an earlier one).
     */
    public synchronized void addDenials(DenialCount denials) throws SQLException {
        try (Connection state = open();
             PreparedStatement upsert = state.prepareStatement("INSERT INTO denied_requests(minute, remote_address, "
                     + "reason, count) VALUES (?, ?, ?, ?) ON CONFLICT(minute, remote_address, reason) "
                     + "DO UPDATE SET count = max(count, excluded.count)");
             PreparedStatement prune = state.prepareStatement("DELETE FROM denied_requests WHERE rowid NOT IN "
                     + "(SELECT rowid FROM denied_requests ORDER BY minute DESC LIMIT " + KEPT_DENIAL_ROWS + ")")) {
            upsert.setLong(1, denials.minute().toEpochMilli());
            upsert.setString(2, denials.remoteAddress());
            upsert.setString(3, denials.reason());
            upsert.setLong(4, denials.count());
            upsert.executeUpdate();
            prune.executeUpdate();
        }
    }

    /** The latest {@code limit} denial counts, newest minute first. */
    public List<DenialCount> recentDenials(int limit) throws SQLException {
        List<DenialCount> counts = new ArrayList<>();
        try (Connection state = open();
             PreparedStatement query = state.prepareStatement("SELECT minute, remote_address, reason, count "
                     + "FROM denied_requests ORDER BY minute DESC, count DESC, remote_address, reason LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(new DenialCount(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                            rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return counts;
    }

    /** The latest {@code limit} entries, newest first. */
    public List<Entry> recent(int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection state = open();
             PreparedStatement query = state.prepareStatement("SELECT at, remote_address, principal, action, outcome, detail "
                     + "FROM audit_log ORDER BY id DESC LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
        }
        return entries;
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(2000);
        Connection state = config.createConnection(ConsoleConnections.url(stateFile));
        try (Statement schema = state.createStatement()) {
            schema.execute("CREATE TABLE IF NOT EXISTS audit_log (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
                    + "remote_address TEXT, principal TEXT, action TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT)");
            schema.execute("CREATE TABLE IF NOT EXISTS denied_requests (minute INTEGER NOT NULL, remote_address TEXT NOT NULL, "
                    + "reason TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (minute, remote_address, reason))");
        } catch (SQLException e) {
            state.close();
            throw e;
        }
        return state;
    }
}
