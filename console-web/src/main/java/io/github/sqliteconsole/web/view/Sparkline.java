package io.github.sqliteconsole.web.view;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.space.SizeHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A table's size over the last 30 days as an SVG polyline in a 100 × 20 box, and its growth over
 * 7 and 30 days in words.
 */
public record Sparkline(String points, String growth7, String growth30, String title) {

    public static final int WIDTH = 100;
    public static final int HEIGHT = 20;

    /** The sparkline of {@code points} (oldest first), or null with fewer than two points. */
    public static Sparkline of(List<SizeHistory.Point> points, Instant now) {
        if (points == null || points.size() < 2) {
            return null;
        }
        Instant start = now.minus(Duration.ofDays(30));
        long min = points.stream().mapToLong(SizeHistory.Point::totalBytes).min().orElse(0);
        long max = points.stream().mapToLong(SizeHistory.Point::totalBytes).max().orElse(0);
        double span = Math.max(1, max - min);
        double days = Duration.ofDays(30).toMillis();
        String polyline = points.stream().map(point -> String.format(Locale.ROOT, "%.1f,%.1f",
                        WIDTH * (point.at().toEpochMilli() - start.toEpochMilli()) / days,
                        HEIGHT - 1 - (HEIGHT - 2) * (point.totalBytes() - min) / span))
                .collect(Collectors.joining(" "));
        String week = growthSince(points, now.minus(Duration.ofDays(7)));
        String month = growthSince(points, start);
        return new Sparkline(polyline, week, month, "7 days: " + week + ", 30 days: " + month);
    }

    private static String growthSince(List<SizeHistory.Point> points, Instant since) {
        SizeHistory.Point first = points.stream().filter(point -> !point.at().isBefore(since)).findFirst().orElse(null);
        if (first == null) {
            return "no data";
        }
        long delta = points.get(points.size() - 1).totalBytes() - first.totalBytes();
        return (delta >= 0 ? "+" : "−") + ByteSize.format(Math.abs(delta));
    }
}
