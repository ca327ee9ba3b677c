package io.github.sqliteconsole.web.routing;

import io.github.sqliteconsole.web.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method, a path pattern such as {@code /tables/{name}}, the role it needs, and its handler.
 * A placeholder matches one path segment and never a {@code /}. Every mutation is audited, and
 * so is a route marked {@code audited} (a backup download reads, but hands out all the data).
 */
public record Route(String method, String pattern, Role required, Handler handler, boolean audited) {

    public Route(String method, String pattern, Role required, Handler handler) {
        this(method, pattern, required, handler, !method.equals("GET"));
    }

    public boolean mutates() {
        return !method.equals("GET");
    }

    /** The placeholders' values when {@code path} matches, empty otherwise. */
    Optional<Map<String, String>> match(String path) {
        List<String> patternSegments = segments(pattern);
        List<String> pathSegments = segments(path);
        if (patternSegments.size() != pathSegments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < patternSegments.size(); i++) {
            String expected = patternSegments.get(i);
            String actual = pathSegments.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                values.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            segments.add(path.substring(start, end));
            start = end + 1;
        }
        return segments;
    }
}
