package io.github.sqliteconsole.core.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON from maps (in their order), iterables, strings, numbers, booleans, enums (by name) and
 * null: all that the JSON API and the backup manifests need. Kept in core rather than pulling in a
 * JSON library the host may already have in another version.
 *
 * <p>Strings are escaped per RFC 8259 (quote, backslash, every control character), and also
 * {@code <}, {@code >}, {@code &} and U+2028/U+2029, so that JSON shown in a page, sniffed as HTML
 * or pasted into a script carries no markup and no line break. Other characters, lone surrogates
 * included, are written as they are; the response's encoder decides their bytes.
 */
public final class Json {

    private Json() {
    }

    /** {@code value} on one line, with no space: the JSON API's form. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value, null);
        return out.toString();
    }

    /**
     * {@code value} for people to read as a file: one object member a line, indented by two spaces
     * a level, arrays on one line; ends with a line break.
     */
    public static String writeIndented(Object value) {
        StringBuilder out = new StringBuilder(1024);
        append(out, value, "");
        return out.append('\n').toString();
    }

    /** @param indent the current line's indent, or null for the one-line form */
    private static void append(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            appendString(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            out.append(Double.isFinite(number) ? String.valueOf(number) : "null");
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map, indent);
        } else if (value instanceof Iterable<?> items) {
            appendArray(out, items, indent);
        } else if (value instanceof Enum<?> constant) {
            appendString(out, constant.name());
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, String indent) {
        String inner = indent == null ? null : indent + "  ";
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            if (inner != null) {
                out.append('\n').append(inner);
            }
            appendString(out, String.valueOf(entry.getKey()));
            out.append(inner == null ? ":" : ": ");
            append(out, entry.getValue(), inner);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        if (indent != null && !map.isEmpty()) {
            out.append('\n').append(indent);
        }
        out.append('}');
    }

    private static void appendArray(StringBuilder out, Iterable<?> items, String indent) {
        out.append('[');
        Iterator<?> each = items.iterator();
        while (each.hasNext()) {
            append(out, each.next(), indent);
            if (each.hasNext()) {
                out.append(indent == null ? "," : ", ");
            }
        }
        out.append(']');
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&' || ch == '\u2028' || ch == '\u2029') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
