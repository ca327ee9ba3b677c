package io.github.sqliteconsole.core.sql;

import java.util.Locale;

/** Byte counts as people read them: {@code 2.6 MiB}. */
public final class ByteSize {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private ByteSize() {
    }

    public static String format(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
