package io.github.sqliteconsole.core.job;

import java.time.Instant;
import java.util.List;

/**
 * The result of a stored-backup job: the verified backup now in the store, what retention deleted,
 * and the secondary copies that failed (empty when every copy landed and matched its SHA-256).
 *
 * @param sha256       hex, as {@code sha256sum} prints it
 * @param deleted      ids of the backups retention removed after this one was kept
 * @param copyProblems one plain sentence per secondary copy that failed; the primary is kept regardless
 */
public record StoredBackupReport(String id, String file, Instant createdAt, long bytes, String sha256, boolean compressed,
                                 List<String> deleted, List<String> copyProblems) implements JobResult {

    public StoredBackupReport {
        deleted = List.copyOf(deleted);
        copyProblems = List.copyOf(copyProblems);
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.storedBackup(this);
    }
}
