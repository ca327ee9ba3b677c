package io.github.sqliteconsole.web.routing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Query parameters, checked: anything out of range is a {@link BadRequest}, never a guess. */
public final class Params {

    /** Longer than any name or cursor the console hands out. */
    private static final int MAX_LENGTH = 8192;

    private Params() {
    }

    public static int integer(HttpServletRequest request, String name, int fallback, int min, int max) {
        String raw = request.getParameter(name);
        if (raw == null) {
            return fallback;
        }
        if (raw.length() > 12 || !raw.matches("-?\\d+")) {
            throw new BadRequest("Parameter " + name + " must be a whole number from " + min + " to " + max + ".");
        }
        long value = Long.parseLong(raw);
        if (value < min || value > max) {
            throw new BadRequest("Parameter " + name + " must be from " + min + " to " + max + ".");
        }
        return (int) value;
    }

    public static String oneOf(HttpServletRequest request, String name, String fallback, Set<String> allowed) {
        String raw = request.getParameter(name);
        if (raw == null) {
            return fallback;
        }
        if (!allowed.contains(raw)) {
            throw new BadRequest("Parameter " + name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return raw;
    }

    /** A free text parameter such as a cursor or a table name, or null when absent. */
    public static String text(HttpServletRequest request, String name) {
        String raw = request.getParameter(name);
        if (raw != null && raw.length() > MAX_LENGTH) {
            throw new BadRequest("Parameter " + name + " is too long.");
        }
        return raw;
    }
}
