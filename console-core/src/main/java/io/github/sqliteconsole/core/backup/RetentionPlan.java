package io.github.sqliteconsole.core.backup;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backups a {@link Retention} keeps and which it deletes. Walks the backups newest first;
 * in each tier a backup is kept when its bucket differs from the last bucket kept there and the
 * tier still has room (restic's {@code --keep-hourly} and friends). The newest backup is always
 * kept, even with every count at 0.
 *
 * @param kept   id to the tiers that keep it (empty only for the newest when no tier holds it)
 * @param delete ids to delete, newest first
 */
public record RetentionPlan(Map<String, Set<RetentionTier>> kept, List<String> delete) {

    /** A backup as retention sees it. */
    public record Candidate(String id, Instant createdAt) {
    }

    public RetentionPlan {
        kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
        delete = List.copyOf(delete);
    }

    /** Plans retention for {@code backups} with calendar buckets in {@code zone} (the console uses UTC). */
    public static RetentionPlan of(List<Candidate> backups, Retention retention, ZoneId zone) {
        List<Candidate> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Candidate::createdAt).reversed().thenComparing(Candidate::id));
        Map<RetentionTier, Integer> room = new EnumMap<>(RetentionTier.class);
        Map<RetentionTier, String> lastBucket = new EnumMap<>(RetentionTier.class);
        for (RetentionTier tier : RetentionTier.values()) {
            room.put(tier, retention.count(tier));
        }
        Map<String, Set<RetentionTier>> kept = new LinkedHashMap<>();
        List<String> delete = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Candidate backup = newestFirst.get(i);
            Set<RetentionTier> tiers = EnumSet.noneOf(RetentionTier.class);
            for (RetentionTier tier : RetentionTier.values()) {
                String bucket = tier.bucket(backup.createdAt(), zone);
                if (room.get(tier) > 0 && !bucket.equals(lastBucket.get(tier))) {
                    tiers.add(tier);
                    lastBucket.put(tier, bucket);
                    room.put(tier, room.get(tier) - 1);
                }
            }
            if (!tiers.isEmpty() || i == 0) {
                kept.put(backup.id(), Collections.unmodifiableSet(tiers));
            } else {
                delete.add(backup.id());
            }
        }
        return new RetentionPlan(kept, delete);
    }

    /** Keeps the newest {@code count} of {@code backups} (the before-restore backups) and deletes the rest. */
    public static List<String> beyondNewest(List<Candidate> backups, int count) {
        List<Candidate> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Candidate::createdAt).reversed().thenComparing(Candidate::id));
        return newestFirst.stream().skip(count).map(Candidate::id).toList();
    }
}
