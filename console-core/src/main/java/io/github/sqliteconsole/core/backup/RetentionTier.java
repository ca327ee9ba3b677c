package io.github.sqliteconsole.core.backup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** A retention tier and the calendar bucket (hour, day, ISO week, month, year) a backup falls in. */
public enum RetentionTier {
    HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY;

    /** The name used in JSON and on the page: "hourly", "daily", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A key equal for two instants exactly when they fall in the same bucket of this tier. */
    String bucket(Instant at, ZoneId zone) {
        ZonedDateTime time = at.atZone(zone);
        return switch (this) {
            case HOURLY -> time.truncatedTo(ChronoUnit.HOURS).toString();
            case DAILY -> time.toLocalDate().toString();
            case WEEKLY -> time.get(IsoFields.WEEK_BASED_YEAR) + "-W" + time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTHLY -> time.getYear() + "-" + time.getMonthValue();
            case YEARLY -> Integer.toString(time.getYear());
        };
    }
}
