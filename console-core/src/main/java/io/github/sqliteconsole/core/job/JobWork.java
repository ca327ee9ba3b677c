package io.github.sqliteconsole.core.job;

/** The body of a job; returns its result (a report record) or throws with a plain message. */
@FunctionalInterface
public interface JobWork {

    JobResult run(JobContext context) throws Exception;
}
