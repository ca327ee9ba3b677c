package io.github.sqliteconsole.core.backup;

import java.time.Duration;

/**
 * The outcome of a restore into the live database.
 *
 * @param restoredFrom          id of the backup now in the live database
 * @param preRestoreBackup      id of the before-restore backup of what was there
 * @param quickCheck            {@code quick_check} of the live database afterwards ("ok" or the first problem)
 * @param foreignKeyViolations  violations of the declared foreign keys in what was restored (the rows
 *                              {@code PRAGMA foreign_key_check} reports), counted in the backup
 *                              before the copy: the live database then holds the same pages
 * @param copyTime              how long the copy into the live database held its write lock
 */
public record RestoreResult(String restoredFrom, String preRestoreBackup, String quickCheck, long foreignKeyViolations,
                            Duration copyTime) {
}
