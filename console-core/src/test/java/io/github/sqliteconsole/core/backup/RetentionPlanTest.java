package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPlanTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** Hourly backups from 2025-01-01T00:00Z to 2025-12-31T23:00Z. */
    private static List<RetentionPlan.Candidate> aYearOfHourlyBackups() {
        List<RetentionPlan.Candidate> backups = new ArrayList<>();
        for (int hour = 0; hour < 365 * 24; hour++) {
            Instant at = START.plus(Duration.ofHours(hour));
            backups.add(new RetentionPlan.Candidate("b" + hour, at));
        }
        return backups;
    }

    @Test
    void aYearOfHourlyBackupsLeavesExactlyTheGrandfatherFatherSonSet() {
        RetentionPlan plan = RetentionPlan.of(aYearOfHourlyBackups(), Retention.DEFAULT, ZoneOffset.UTC);

        Map<RetentionTier, Integer> perTier = new EnumMap<>(RetentionTier.class);
        plan.kept().values().forEach(tiers -> tiers.forEach(tier -> perTier.merge(tier, 1, Integer::sum)));
        // 24 hours, 30 days, 12 ISO weeks; only 12 months and 1 year exist in the span.
        assertThat(perTier).containsExactlyInAnyOrderEntriesOf(Map.of(RetentionTier.HOURLY, 24, RetentionTier.DAILY, 30,
                RetentionTier.WEEKLY, 12, RetentionTier.MONTHLY, 12, RetentionTier.YEARLY, 1));
        // 24 hours of Dec 31; Dec 2-30 at 23:00 (29); Sundays Oct 19 - Nov 30 at 23:00 not yet kept (7);
        // the last hour of Jan - Oct (10).
        assertThat(plan.kept()).hasSize(24 + 29 + 7 + 10);
        assertThat(plan.delete()).hasSize(365 * 24 - 70);
        String newest = "b" + (365 * 24 - 1);
        assertThat(plan.kept().get(newest)).containsExactly(RetentionTier.HOURLY, RetentionTier.DAILY,
                RetentionTier.WEEKLY, RetentionTier.MONTHLY, RetentionTier.YEARLY);
        // The last backup of each month is the monthly one: Jan 31 23:00 is hour 30 * 24 + 23.
        assertThat(plan.kept().get("b" + (30 * 24 + 23))).containsExactly(RetentionTier.MONTHLY);
        assertThat(plan.kept()).doesNotContainKey("b" + (30 * 24 + 22));
        // Sunday 2025-10-19 23:00 is the oldest weekly one; the Sunday before is gone.
        int oct19 = (int) Duration.between(START, Instant.parse("2025-10-19T23:00:00Z")).toHours();
        assertThat(plan.kept().get("b" + oct19)).containsExactly(RetentionTier.WEEKLY);
        assertThat(plan.delete()).contains("b" + (oct19 - 7 * 24));
    }

    @Test
    void theNewestIsKeptEvenWhenEveryTierIsZero() {
        RetentionPlan plan = RetentionPlan.of(aYearOfHourlyBackups().subList(0, 5), new Retention(0, 0, 0, 0, 0),
                ZoneOffset.UTC);

        assertThat(plan.kept()).containsOnlyKeys("b4");
        assertThat(plan.kept().get("b4")).isEmpty();
        assertThat(plan.delete()).containsExactly("b3", "b2", "b1", "b0");
    }

    @Test
    void beforeRestoreBackupsKeepTheNewestFive() {
        List<String> delete = RetentionPlan.beyondNewest(aYearOfHourlyBackups().subList(0, 8), 5);

        assertThat(delete).containsExactly("b2", "b1", "b0");
    }

    @Test
    void aNegativeCountSaysWhatToSet() {
        assertThatThrownBy(() -> new Retention(24, -1, 12, 24, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backupRetention daily cannot be negative (-1); set 0 to keep none in this tier, or a positive count");
        assertThat(Set.of(Retention.DEFAULT.hourly(), Retention.DEFAULT.daily())).containsExactlyInAnyOrder(24, 30);
    }
}
