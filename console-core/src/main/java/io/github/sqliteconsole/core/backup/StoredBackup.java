package io.github.sqliteconsole.core.backup;

import java.nio.file.Path;

/**
 * One stored backup as the store lists it.
 *
 * @param id       the file name without {@code .db}/{@code .db.gz}
 * @param file     the backup file (it may be missing when only its manifest is left)
 * @param manifest its manifest, null when missing or unreadable
 * @param damage   why it cannot be restored (no manifest, SHA-256 or size differs, ...), null when intact
 */
public record StoredBackup(String id, Path file, BackupManifest manifest, String damage) {

    /** A backup without a readable manifest, or whose file does not match it: listed, never restored. */
    public boolean damaged() {
        return damage != null;
    }
}
