package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.web.SqliteConsoleServlet;
import io.github.sqliteconsole.web.audit.AuditEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sqlite.console.denied}: refused mutation attempts, counted from the servlet's audit log,
 * which keeps the latest {@value io.github.sqliteconsole.web.audit.AuditLog#KEPT_IN_MEMORY} entries;
 * each entry is counted once, by identity. More refusals than that between two scrapes are
 * undercounted (the audit log and its logger line still have every one).
 */
final class DeniedRequests {

    private final SqliteConsoleServlet servlet;
    private Set<AuditEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    DeniedRequests(SqliteConsoleServlet servlet) {
        this.servlet = servlet;
    }

    synchronized void countNew(MeterRegistry registry) {
        if (servlet.auditLog() == null) {
            return; // not initialised yet: nothing was refused
        }
        List<AuditEntry> recent = servlet.auditLog().recent();
        Set<AuditEntry> now = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AuditEntry entry : recent) {
            now.add(entry);
            if (entry.outcome() == AuditEntry.Outcome.DENIED && !seen.contains(entry)) {
                Counter.builder("sqlite.console.denied").description("mutations the console refused, by reason")
                        .tag("reason", reason(entry.detail())).register(registry).increment();
            }
        }
        seen = now;
    }

    /** A short, bounded tag value from the refusal's sentence. */
    static String reason(String detail) {
        String text = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        if (text.contains("csrf")) {
            return "csrf";
        }
        if (text.contains("another site")) {
            return "cross_site";
        }
        if (text.contains("read-only")) {
            return "read_only";
        }
        if (text.contains("role")) {
            return "role";
        }
        if (text.contains("not allowed")) {
            return "client";
        }
        return text.startsWith("http 409") ? "conflict" : "other";
    }
}
