package io.github.sqliteconsole.core.job;

/** Where a job is in its life. */
public enum JobState {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this != RUNNING;
    }
}
