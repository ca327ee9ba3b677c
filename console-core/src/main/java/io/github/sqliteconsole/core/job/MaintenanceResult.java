package io.github.sqliteconsole.core.job;

/**
 * What a maintenance operation did.
 *
 * @param operation    {@code vacuum}, {@code analyze}, {@code optimize}, {@code checkpoint}, {@code reindex}
 *                     or {@code incremental-vacuum}
 * @param bytesBefore  main file size before (plus WAL for a checkpoint)
 * @param bytesAfter   the same after
 * @param millis       how long it took
 * @param detail       operation specific: a checkpoint's {@code busy, log, checkpointed} frames, else empty
 */
public record MaintenanceResult(String operation, long bytesBefore, long bytesAfter, long millis, String detail) implements JobResult {

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.maintenance(this);
    }
}
