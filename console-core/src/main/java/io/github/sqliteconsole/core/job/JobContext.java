package io.github.sqliteconsole.core.job;

/** What a running job's work sees: where to report progress, and whether to stop. */
public interface JobContext {

    /** Reports {@code fraction} (0..1) done and what is happening now, e.g. "checking orders (3 of 40)". */
    void progress(double fraction, String message);

    /** True once someone cancelled the job or its deadline passed; stop soon after. */
    boolean cancelled();
}
