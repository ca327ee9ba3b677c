package io.github.sqliteconsole.core.job;

/**
 * A job's work failed for a reason its message already tells in full: the database file, the
 * job, what went wrong and what to do ({@code app.db - vacuum failed: the database is locked by
 * another connection; retry later, or raise the busy timeout (...)}). Logged as one line, no stack trace.
 */
public final class JobFailed extends Exception {

    private static final long serialVersionUID = 1L;

    public JobFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
