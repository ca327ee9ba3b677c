package io.github.sqliteconsole.web.audit;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.state.AuditTrail;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Requests denied to clients with no role at all are counted apart ({@link #countDenial}): per
 * minute, client and reason, with one log line per client and reason a minute, so that a flood of
 * them neither fills the log nor pushes the operators' entries out of the state file.
 *
 * <p>Every attempted mutation, allowed, denied or failed: written to the logger
 * {@code io.github.sqliteconsole.audit} (System.Logger, so it reaches whatever logging the host
 * has), to the console's state file (kept across restarts), and kept in memory, newest first.
 */
public final class AuditLog {

    public static final int KEPT_IN_MEMORY = 200;
    private static final System.Logger LOGGER = System.getLogger("io.github.sqliteconsole.audit");

    private final SqliteConsole console;
    private final Deque<AuditEntry> recent = new ArrayDeque<>();
    /** Entries recorded before the console knew where its state file is; written with the next one. */
    private final List<AuditEntry> unwritten = new ArrayList<>();
    private final DeniedRequests denied = new DeniedRequests();

    public AuditLog(SqliteConsole console) {
        this.console = console;
    }

    public void record(AuditEntry entry) {
        LOGGER.log(entry.outcome() == AuditEntry.Outcome.ALLOWED ? Level.INFO : Level.WARNING,
                "{0} {1} by {2} from {3}: {4}", entry.outcome(), entry.action(), entry.principal(),
                entry.remoteAddress(), entry.detail());
        synchronized (recent) {
            recent.addFirst(entry);
            while (recent.size() > KEPT_IN_MEMORY) {
                recent.removeLast();
            }
        }
        write(entry);
    }

    private synchronized void write(AuditEntry entry) {
        unwritten.add(entry);
        Optional<AuditTrail> trail = console.auditTrail();
        if (trail.isEmpty()) {
            return;
        }
        try {
            for (AuditEntry pending : unwritten) {
                trail.get().append(new AuditTrail.Entry(pending.at(), pending.remoteAddress(), pending.principal(),
                        pending.action(), pending.outcome().name(), pending.detail()));
            }
            unwritten.clear();
        } catch (SQLException e) {
            // The logger line is the record of last resort; say why the file has none.
            LOGGER.log(Level.WARNING, "audit entries not written to the console's state file: " + e.getMessage());
            if (unwritten.size() > KEPT_IN_MEMORY) {
                unwritten.subList(0, unwritten.size() - KEPT_IN_MEMORY).clear();
            }
        }
    }

    /**
     * Counts a request refused before any role was granted (an unknown client, a foreign
     * {@code Host}). The first of each client and reason in a minute is logged and written; the
     * minute's final counts are written when the next minute starts, or when they are read.
     */
    public void countDenial(String remoteAddress, String reason) {
        DeniedRequests.Counted counted = denied.count(Instant.now(), remoteAddress, reason);
        for (AuditTrail.DenialCount finished : counted.finished()) {
            if (finished.count() > 1) {
                LOGGER.log(Level.WARNING, "DENIED {0} requests from {1} in the minute from {2}: {3}", finished.count(),
                        finished.remoteAddress(), finished.minute(), finished.reason());
            }
        }
        List<AuditTrail.DenialCount> toWrite = new ArrayList<>(counted.finished());
        if (counted.first()) {
            LOGGER.log(Level.WARNING, "DENIED request from {0}: {1} (more from this client for this reason are "
                    + "counted, not logged, until the next minute)", counted.current().remoteAddress(), reason);
            toWrite.add(counted.current());
        }
        writeDenials(toWrite);
    }

    /** Counts of denied requests, newest minute first, including this minute's so far. */
    public List<AuditTrail.DenialCount> deniedCounts(int limit) {
        List<AuditTrail.DenialCount> current = denied.snapshot();
        writeDenials(current);
        try {
            Optional<AuditTrail> trail = console.auditTrail();
            if (trail.isPresent()) {
                return trail.get().recentDenials(limit);
            }
        } catch (SQLException e) {
            LOGGER.log(Level.WARNING, "denial counts unreadable in the state file, showing this minute's: " + e.getMessage());
        }
        return current.stream().limit(limit).toList();
    }

    private void writeDenials(List<AuditTrail.DenialCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        Optional<AuditTrail> trail = console.auditTrail();
        if (trail.isEmpty()) {
            return;
        }
        try {
            for (AuditTrail.DenialCount count : counts) {
                trail.get().addDenials(count);
            }
        } catch (SQLException e) {
            LOGGER.log(Level.WARNING, "denial counts not written to the console's state file: " + e.getMessage());
        }
    }

    /** This process's latest entries, newest first. */
    public List<AuditEntry> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** The latest entries from the state file, including earlier runs; this process's when the file is unreadable. */
    public List<AuditEntry> persisted(int limit) {
        try {
            Optional<AuditTrail> trail = console.auditTrail();
            if (trail.isEmpty()) {
                return recent().stream().limit(limit).toList();
            }
            return trail.get().recent(limit).stream().map(entry -> new AuditEntry(entry.at(), entry.remoteAddress(),
                    entry.principal(), entry.action(), AuditEntry.Outcome.valueOf(entry.outcome()), entry.detail())).toList();
        } catch (SQLException | IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "audit trail unreadable, showing this process's entries: " + e.getMessage());
            return recent().stream().limit(limit).toList();
        }
    }
}
