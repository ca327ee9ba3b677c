package io.github.sqliteconsole.core.job;

import java.time.Instant;

/**
 * The result of a restore drill: the stored backup restored into a temp file, its SHA-256,
 * {@code integrity_check} and per-table row counts compared with its manifest. A drill that found
 * a problem still SUCCEEDS as a job: {@code ok} is false and {@code detail} says what was wrong.
 */
public record DrillReport(String backupId, Instant at, boolean ok, String detail) implements JobResult {

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.drill(this);
    }
}
