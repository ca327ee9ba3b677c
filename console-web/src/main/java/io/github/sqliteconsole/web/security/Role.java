package io.github.sqliteconsole.web.security;

/** What a request may do in the console, from least to most. */
public enum Role {
    /** Nothing: every route answers 403. */
    DENY,
    /**
     * Only {@code GET /api/health}, as a summary: the status and each check's status, no details,
     * paths or findings. For a load balancer let in without logging in.
     */
    HEALTH,
    /** Read pages and the JSON API. */
    VIEWER,
    /** Also run mutations and download backups (a backup is the whole data). */
    OPERATOR;

    public boolean allows(Role required) {
        return ordinal() >= required.ordinal();
    }
}
