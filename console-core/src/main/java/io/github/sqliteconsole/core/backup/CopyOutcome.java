package io.github.sqliteconsole.core.backup;

import java.nio.file.Path;

/**
 * One secondary copy of a stored backup.
 *
 * @param problem null when the copy is in place and its SHA-256 matched; otherwise what failed and what to do
 */
public record CopyOutcome(Path directory, String backupId, String problem) {

    public boolean ok() {
        return problem == null;
    }
}
