package io.github.sqliteconsole.web.view;

import io.github.sqliteconsole.core.sql.ByteSize;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formats the templates call as {@code ${fmt.bytes(n)}}. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String bytes(long bytes) {
        return ByteSize.format(bytes);
    }

    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public String time(Instant instant) {
        return TIME.format(instant);
    }
}
