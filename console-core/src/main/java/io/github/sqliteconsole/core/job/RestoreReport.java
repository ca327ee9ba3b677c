package io.github.sqliteconsole.core.job;

/**
 * The result of a restore into the live database.
 *
 * @param restoredFrom         id of the stored backup now in the live database
 * @param preRestoreBackup     id of the before-restore backup of what was there before
 * @param quickCheck           {@code quick_check} of the live database afterwards: "ok" or the first problem
 * @param foreignKeyViolations rows {@code PRAGMA foreign_key_check} reports afterwards, table by table (a
 *                             table whose key SQLite cannot check, "foreign key mismatch", is left out)
 * @param lockMillis           how long writers waited for the copy into the live database
 */
public record RestoreReport(String restoredFrom, String preRestoreBackup, String quickCheck, long foreignKeyViolations,
                            long lockMillis) implements JobResult {

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.restore(this);
    }
}
