package io.github.sqliteconsole.core.job;

/** A job of this kind is already running: there is one at a time per kind. */
public final class JobConflict extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient JobSnapshot running;

    public JobConflict(JobSnapshot running) {
        super("a " + running.kind() + " job is already running (" + running.id() + ")");
        this.running = running;
    }

    public JobSnapshot running() {
        return running;
    }
}
