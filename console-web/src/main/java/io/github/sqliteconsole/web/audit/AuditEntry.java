package io.github.sqliteconsole.web.audit;

import java.time.Instant;

/**
 * One attempted mutation.
 *
 * @param remoteAddress the client address as the container saw it
 * @param principal     the authenticated user name, or "-" when the host has no authentication
 * @param action        what was asked, e.g. {@code POST /api/health/recheck}
 * @param outcome       ALLOWED, DENIED or FAILED
 * @param detail        why it was denied or failed, in plain words
 */
public record AuditEntry(Instant at, String remoteAddress, String principal, String action, Outcome outcome,
                         String detail) {

    public enum Outcome { ALLOWED, DENIED, FAILED }
}
