package io.github.sqliteconsole.core.job;

import java.time.Duration;
import java.time.Instant;

/**
 * The result of a backup job: a verified snapshot waiting for its one download until
 * {@code expiresAt}. {@code key} names it among the waiting snapshots; it is not a path.
 */
public record PreparedBackup(String key, String fileName, long bytes, String sha256Base64, long pageCount, boolean gzip,
                             Instant expiresAt) implements JobResult {

    /** How long a prepared snapshot waits for its download before it is deleted. */
    public static final Duration KEPT = Duration.ofMinutes(10);

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.preparedBackup(this);
    }
}
