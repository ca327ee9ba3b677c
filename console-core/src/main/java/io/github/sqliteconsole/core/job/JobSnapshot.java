package io.github.sqliteconsole.core.job;

import java.time.Instant;

/**
 * A job as it is at one moment.
 *
 * @param progress 0..1
 * @param result   the work's report when SUCCEEDED, else null
 * @param error    a plain message when FAILED or CANCELLED, else null
 * @param endedAt  null while RUNNING
 */
public record JobSnapshot(String id, String kind, JobState state, double progress, String message,
                          Instant startedAt, Instant endedAt, JobResult result, String error) {
}
