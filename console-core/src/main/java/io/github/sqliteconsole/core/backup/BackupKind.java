package io.github.sqliteconsole.core.backup;

import java.util.Locale;

/** Why a stored backup was taken. {@link #BEFORE_RESTORE} backups are kept apart from retention (newest 5). */
public enum BackupKind {
    SCHEDULED, MANUAL, BEFORE_RESTORE;

    /** As in the manifest: "scheduled", "manual", "before-restore". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static BackupKind ofLabel(String label) {
        for (BackupKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown backup kind \"" + label + "\"");
    }
}
