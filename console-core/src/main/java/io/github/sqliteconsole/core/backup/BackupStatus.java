package io.github.sqliteconsole.core.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state of stored backups for {@code GET /api/backups} and the Backup page.
 *
 * @param lastSuccess        the last backup that was stored, null if none since start and none on disk
 * @param lastFailure        the last failed attempt, null if none since start
 * @param lastFailureMessage why it failed, null if none
 * @param copyProblems       what went wrong with the secondary copies of the last backup (empty when fine)
 * @param backups            every backup in the store, newest first, with its tiers
 */
public record BackupStatus(Path store, Duration interval, Instant nextRun, Instant lastSuccess, Instant lastFailure,
                           String lastFailureMessage, List<CopyOutcome> copyProblems, List<ListedBackup> backups) {

    public BackupStatus {
        copyProblems = List.copyOf(copyProblems);
        backups = List.copyOf(backups);
    }
}
