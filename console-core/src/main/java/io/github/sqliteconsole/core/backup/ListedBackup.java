package io.github.sqliteconsole.core.backup;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A stored backup as the page and {@code /api/backups} show it: the backup (damaged or not) and
 * the retention tiers that keep it, in order hourly to yearly (empty for before-restore and damaged backups).
 */
public record ListedBackup(StoredBackup backup, Set<RetentionTier> tiers) {

    public ListedBackup {
        EnumSet<RetentionTier> ordered = EnumSet.noneOf(RetentionTier.class);
        ordered.addAll(tiers);
        tiers = Collections.unmodifiableSet(ordered);
    }
}
