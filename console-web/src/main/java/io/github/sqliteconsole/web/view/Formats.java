package io.github.sqliteconsole.web.view;

import io.github.sqliteconsole.core.sql.ByteSize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Number and time formats the templates call as {@code ${fmt.bytes(n)}}. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String bytes(long bytes) {
        return ByteSize.format(bytes);
    }

    /**
     * A database file's size on disk, with what lies past its last page when there is some: SQLite
     * extends a file ahead of use, so the file can be larger than page count × page size.
     */
    public String fileBytes(long fileBytes, long pagesBytes) {
        return bytes(fileBytes) + (fileBytes > pagesBytes ? " (" + bytes(fileBytes - pagesBytes)
                + " past the last page: space the file was extended by ahead of use)" : "");
    }

    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public String time(Instant instant) {
        return TIME.format(instant);
    }

    /** A duration the way people say it: "40 s", "12 min", "1 h 30 min", "2 d". */
    public String duration(Duration duration) {
        return span(duration);
    }

    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86_400) {
            long minutes = seconds % 3600 / 60;
            return seconds / 3600 + " h" + (minutes == 0 || seconds >= 10 * 3600 ? "" : " " + minutes + " min");
        }
        return seconds / 86_400 + " d";
    }

    /** Whether {@code instant} has passed (a prepared download's expiry). */
    public boolean isPast(Instant instant) {
        return !instant.isAfter(Clock.systemUTC().instant());
    }

    /** A SHA-256 given in base64 (as in {@code Repr-Digest}), in lower-case hex as {@code sha256sum} prints it. */
    public String hexOfBase64(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    /** "just now", "3 min ago", "5 h ago", "2 days ago" (or "in 3 min"), as of now; the exact UTC time goes in a title. */
    public String ago(Instant instant) {
        return ago(instant, Instant.now());
    }

    String ago(Instant instant, Instant now) {
        long seconds = Duration.between(instant, now).getSeconds();
        boolean future = seconds < 0;
        long span = Math.abs(seconds);
        String amount;
        if (span < 45) {
            return "just now";
        } else if (span < 90 * 60) {
            amount = Math.max(1, Math.round(span / 60.0)) + " min";
        } else if (span < 22 * 3600) {
            amount = Math.round(span / 3600.0) + " h";
        } else {
            long days = Math.round(span / 86400.0);
            amount = days + (days == 1 ? " day" : " days");
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** A duration as a person reads it: "340 ms", "1.8 s", "2 min 5 s", "1 h 3 min". */
    public String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
