package io.github.sqliteconsole.core.sql;

import java.nio.file.Path;

/**
 * The console declined to run an operation because it would hurt the host (disk too short, a
 * state that makes it fail halfway). Nothing was changed. The message names the database file,
 * the action, why, and what to do: {@code app.db - VACUUM refused: only 1.0 GiB free ...; free disk space first}.
 */
public final class OperationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String action;

    /** @param reasonAndFix why it was refused and what to do, e.g. "only 1 GiB free ...; free disk space first" */
    public OperationRefused(Path databaseFile, String action, String reasonAndFix) {
        super(DatabaseFiles.nameOf(databaseFile) + " - " + action + " refused: " + reasonAndFix);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
