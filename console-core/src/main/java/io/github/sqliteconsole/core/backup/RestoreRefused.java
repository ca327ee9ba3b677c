package io.github.sqliteconsole.core.backup;

/**
 * A restore (or a drill's restore into a temp file) that was refused before anything changed:
 * the message names the database or backup, what is wrong and what to do.
 */
public final class RestoreRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public RestoreRefused(String message) {
        super(message);
    }

    public RestoreRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
