package io.github.sqliteconsole.core.backup;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link Retention} to one store: plans over the intact scheduled and manual backups,
 * keeps the newest {@value #BEFORE_RESTORE_KEPT} before-restore backups apart, and deletes the rest
 * by their manifests. Damaged backups are never deleted by retention: a person should look at them.
 */
final class StoredRetention {

    static final int BEFORE_RESTORE_KEPT = 5;

    private StoredRetention() {
    }

    /** What retention kept (with tiers) and deleted in a store. */
    record Outcome(Map<String, Set<RetentionTier>> tiers, List<String> deleted) {
    }

    static Outcome apply(BackupStore store, Retention retention) throws IOException {
        List<StoredBackup> backups = store.list();
        RetentionPlan plan = plan(backups, retention);
        List<String> deleted = new ArrayList<>(plan.delete());
        deleted.addAll(RetentionPlan.beyondNewest(candidates(backups, true), BEFORE_RESTORE_KEPT));
        for (StoredBackup backup : backups) {
            if (deleted.contains(backup.id())) {
                store.delete(backup);
            }
        }
        return new Outcome(plan.kept(), List.copyOf(deleted));
    }

    static void pruneBeforeRestore(BackupStore store) throws IOException {
        List<StoredBackup> backups = store.list();
        List<String> deleted = RetentionPlan.beyondNewest(candidates(backups, true), BEFORE_RESTORE_KEPT);
        for (StoredBackup backup : backups) {
            if (deleted.contains(backup.id())) {
                store.delete(backup);
            }
        }
    }

    /** The tiers each intact scheduled or manual backup is in, as the next retention run would keep them. */
    static RetentionPlan plan(List<StoredBackup> backups, Retention retention) {
        return RetentionPlan.of(candidates(backups, false), retention, ZoneOffset.UTC);
    }

    private static List<RetentionPlan.Candidate> candidates(List<StoredBackup> backups, boolean beforeRestore) {
        return backups.stream()
                .filter(backup -> !backup.damaged())
                .filter(backup -> (backup.manifest().kind() == BackupKind.BEFORE_RESTORE) == beforeRestore)
                .map(backup -> new RetentionPlan.Candidate(backup.id(), backup.manifest().createdAt()))
                .toList();
    }
}
