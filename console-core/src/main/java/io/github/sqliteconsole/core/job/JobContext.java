package io.github.sqliteconsole.core.job;

/** What a running job's work sees: where to report progress, and whether to stop. */
public interface JobContext {

    /** For work run outside the job manager (a plain download): reports nowhere, never cancelled. */
    JobContext NONE = new JobContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Reports {@code fraction} (0..1) done and what is happening now, e.g. "checking orders (3 of 40)". */
    void progress(double fraction, String message);

    /** True once someone cancelled the job or its deadline passed; stop soon after. */
    boolean cancelled();
}
