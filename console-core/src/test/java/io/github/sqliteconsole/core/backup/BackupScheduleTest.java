package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void theFirstRunIsDueAtOnce() {
        assertThat(BackupSchedule.nextRun(null, null, HOUR, NOW)).isEqualTo(NOW);
        assertThat(BackupSchedule.due(null, null, HOUR, NOW)).isTrue();
    }

    @Test
    void theNextRunIsOneIntervalAfterTheLastSuccess() {
        Instant last = NOW.minus(Duration.ofMinutes(20));

        assertThat(BackupSchedule.nextRun(last, null, HOUR, NOW)).isEqualTo(Instant.parse("2026-03-01T12:40:00Z"));
        assertThat(BackupSchedule.due(last, null, HOUR, NOW)).isFalse();
    }

    @Test
    void downtimeOfManyIntervalsGivesOneRunAtStartNotOnePerMissedInterval() {
        Instant lastBeforeDowntime = NOW.minus(Duration.ofDays(3));

        assertThat(BackupSchedule.nextRun(lastBeforeDowntime, null, HOUR, NOW)).isEqualTo(NOW);
        // That run succeeds: the next is one interval later, not the 71 missed ones.
        assertThat(BackupSchedule.nextRun(NOW, null, HOUR, NOW.plusSeconds(5))).isEqualTo(NOW.plus(HOUR));
    }

    @Test
    void aFailedRunIsRetriedAfterFiveMinutesOrTheIntervalIfShorter() {
        Instant success = NOW.minus(Duration.ofMinutes(70));
        Instant failure = NOW.minus(Duration.ofMinutes(1));

        assertThat(BackupSchedule.nextRun(success, failure, HOUR, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
        assertThat(BackupSchedule.nextRun(null, failure, Duration.ofSeconds(30), NOW)).isEqualTo(NOW);
        assertThat(BackupSchedule.nextRun(NOW, failure, HOUR, NOW)).isEqualTo(NOW.plus(HOUR));
    }
}
