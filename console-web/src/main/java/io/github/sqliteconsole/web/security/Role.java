package io.github.sqliteconsole.web.security;

/** What a request may do in the console, from least to most. */
public enum Role {
    /** Nothing: every route answers 403. */
    DENY,
    /** Read pages and the JSON API. */
    VIEWER,
    /** Also run mutations and download backups (a backup is the whole data). */
    OPERATOR;

    public boolean allows(Role required) {
        return ordinal() >= required.ordinal();
    }
}
