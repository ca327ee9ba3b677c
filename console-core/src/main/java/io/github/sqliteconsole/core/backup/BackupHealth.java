package io.github.sqliteconsole.core.backup;

/**
 * The {@code backups} health verdict as plain values (the health types map it): UP when the
 * newest stored backup is younger than 2 × interval and the last attempt succeeded (and every
 * secondary copy of it too), DEGRADED otherwise, UP "stored backups off" when not configured.
 *
 * @param up     true for UP, false for DEGRADED
 * @param detail the reason, for the health page and JSON
 */
public record BackupHealth(boolean up, String detail) {

    /** The verdict when no {@code backupStore} is set. */
    public static final BackupHealth OFF = new BackupHealth(true, "stored backups off");
}
