package io.github.sqliteconsole.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizeHistoryTest {

    @TempDir
    Path dir;

    private static SpaceReport reportOf(long bytes) {
        TableSpace orders = new TableSpace("orders", "table", false, false, bytes / 100, true, bytes, 0, 0, List.of(), List.of());
        return new SpaceReport(List.of(orders), bytes, bytes, 0, 0, true);
    }

    @Test
    void snapshotsAreHourlyAndPrunedAfterAMonth() throws Exception {
        Path state = dir.resolve("console.state");
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        for (int hour = 0; hour < 24 * 40; hour += 12) {
            Clock clock = Clock.fixed(start.plus(Duration.ofHours(hour)), ZoneOffset.UTC);
            SizeHistory history = new SizeHistory(state, clock);
            assertThat(history.recordIfDue(reportOf(1000L + hour))).isTrue();
            assertThat(history.recordIfDue(reportOf(1)))
                    .as("a second snapshot within the hour is skipped").isFalse();
        }
        Instant end = start.plus(Duration.ofHours(24 * 40 - 12));
        SizeHistory history = new SizeHistory(state, Clock.fixed(end, ZoneOffset.UTC));

        List<SizeHistory.Point> month = history.lastDays(40).get("orders");
        assertThat(month.get(0).at()).as("older than 31 days is pruned").isAfterOrEqualTo(end.minus(SizeHistory.KEPT));
        assertThat(history.lastDays(7).get("orders")).hasSize(15)
                .isSortedAccordingTo(java.util.Comparator.comparing(SizeHistory.Point::at));
        assertThat(history.lastDays(7).get("orders").get(14).totalBytes()).isEqualTo(1000L + 24 * 40 - 12);
    }

    @Test
    void theNamedTablesGetTheSamePointsAsFromEveryTablesHistory() throws Exception {
        Path state = dir.resolve("console.state");
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        List<TableSpace> tables = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            tables.add(new TableSpace("t" + i, "table", false, false, i, true, i * 10L, 0, 0, List.of(), List.of()));
        }
        for (int hour = 0; hour < 5; hour++) {
            new SizeHistory(state, Clock.fixed(start.plus(Duration.ofHours(hour)), ZoneOffset.UTC))
                    .recordIfDue(new SpaceReport(tables, 1, 1, 0, 0, true));
        }
        SizeHistory history = new SizeHistory(state, Clock.fixed(start.plus(Duration.ofHours(5)), ZoneOffset.UTC));
        java.util.Map<String, List<SizeHistory.Point>> every = history.lastDays(30);
        List<String> named = java.util.stream.IntStream.range(0, 1200).filter(i -> i % 2 == 0).mapToObj(i -> "t" + i).toList();

        java.util.Map<String, List<SizeHistory.Point>> some = history.lastDays(30, named);

        assertThat(some).as("600 names, more than one query's worth").hasSize(600);
        named.forEach(name -> assertThat(some.get(name)).as(name).hasSize(5).isEqualTo(every.get(name)));
        assertThat(history.lastDays(30, List.of("t1", "nope"))).containsOnlyKeys("t1");
    }

    @Test
    void unwritableStateFileSaysWhatToSet() {
        Path state = dir.resolve("missing-dir").resolve("deeper").resolve("console.state");
        SizeHistory history = new SizeHistory(state, Clock.systemUTC());
        assertThatThrownBy(() -> history.recordIfDue(reportOf(10))).hasMessageContaining("set stateFile");
    }
}
