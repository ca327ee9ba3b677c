package io.github.sqliteconsole.core.sql;

/** A row-page cursor that this console did not issue for this table (edited, truncated, or from another table). */
public final class InvalidCursor extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCursor(String problem) {
        super(problem + "; start again from the first page");
    }

    public InvalidCursor(String problem, Throwable cause) {
        super(problem + "; start again from the first page", cause);
    }
}
