package io.github.sqliteconsole.core.schema;

import io.github.sqliteconsole.core.sql.InvalidCursor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The position after the last row of a page: the key values of that row, typed, in a form safe
 * for a URL ({@code i.42}, {@code t.<base64>} ...). Decoding never trusts the text: every part is
 * checked and a bad cursor is an {@link IllegalArgumentException} with a plain message.
 */
public final class RowCursor {

    private static final int MAX_LENGTH = 4096;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RowCursor() {
    }

    static String encode(List<Object> key) {
        List<String> parts = new ArrayList<>();
        for (Object value : key) {
            if (value == null) {
                parts.add("n");
            } else if (value instanceof Integer || value instanceof Long) {
                parts.add("i." + value);
            } else if (value instanceof Double || value instanceof Float) {
                parts.add("r." + value);
            } else if (value instanceof byte[] blob) {
                parts.add("b." + ENCODER.encodeToString(blob));
            } else {
                parts.add("t." + ENCODER.encodeToString(value.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return String.join("~", parts);
    }

    /** The key values of {@code cursor}; it must hold exactly {@code keyColumns} values. */
    public static List<Object> decode(String cursor, int keyColumns) {
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursor("the page cursor is too long");
        }
        String[] parts = cursor.split("~", -1);
        if (parts.length != keyColumns) {
            throw new InvalidCursor("the page cursor does not fit this table's key");
        }
        List<Object> values = new ArrayList<>();
        try {
            for (String part : parts) {
                values.add(decodePart(part));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor("the page cursor is malformed", e);
        }
        return values;
    }

    private static Object decodePart(String part) {
        if (part.equals("n")) {
            return null;
        }
        if (part.length() < 2 || part.charAt(1) != '.') {
            throw new InvalidCursor("no type tag");
        }
        String body = part.substring(2);
        return switch (part.charAt(0)) {
            case 'i' -> Long.parseLong(body);
            case 'r' -> Double.parseDouble(body);
            case 'b' -> Base64.getUrlDecoder().decode(body);
            case 't' -> new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
            default -> throw new InvalidCursor("unknown type tag");
        };
    }
}
