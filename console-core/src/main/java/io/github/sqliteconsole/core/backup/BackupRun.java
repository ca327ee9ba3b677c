package io.github.sqliteconsole.core.backup;

import java.util.List;

/**
 * The outcome of one stored-backup job: the new backup, what retention deleted in the store, and
 * each secondary copy.
 */
public record BackupRun(StoredBackup backup, List<String> deleted, List<CopyOutcome> copies) {

    public BackupRun {
        deleted = List.copyOf(deleted);
        copies = List.copyOf(copies);
    }
}
