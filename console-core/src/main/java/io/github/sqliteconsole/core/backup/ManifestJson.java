package io.github.sqliteconsole.core.backup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the little JSON a manifest holds ({@link io.github.sqliteconsole.core.json.Json} writes it):
 * objects (kept in order), arrays, strings, whole numbers, booleans and null. Strict: anything
 * else, trailing text or a duplicate key is an error, so that a damaged manifest is reported as
 * damaged instead of read as something it is not.
 */
final class ManifestJson {

    private final String text;
    private int at;

    private ManifestJson(String text) {
        this.text = text;
    }

    /** Parses {@code text}; objects become {@code Map<String, Object>}, arrays {@code List<Object>}, numbers {@code Long}. */
    static Object parse(String text) {
        ManifestJson reader = new ManifestJson(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at != text.length()) {
            throw reader.error("text after the end of the JSON value");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("the text ends where a value should be");
        }
        char ch = text.charAt(at);
        return switch (ch) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a key in quotes expected");
            }
            String key = string();
            skipSpace();
            expect(':');
            if (map.containsKey(key)) {
                throw error("the key \"" + key + "\" appears twice");
            }
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("a string is not closed");
            }
            char ch = text.charAt(at++);
            if (ch == '"') {
                return out.toString();
            }
            if (ch < 0x20) {
                throw error("a control character inside a string");
            }
            if (ch != '\\') {
                out.append(ch);
                continue;
            }
            char escaped = at < text.length() ? text.charAt(at++) : '?';
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("a \\u escape is cut short");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("a \\u escape is not hexadecimal");
                    }
                    at += 4;
                }
                default -> throw error("an unknown escape \\" + escaped);
            }
        }
    }

    private Long number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        String digits = text.substring(start, at);
        if (digits.isEmpty() || digits.equals("-") || (digits.replace("-", "").length() > 1 && digits.replace("-", "").startsWith("0"))) {
            throw error("a value expected (object, array, string, whole number, true, false or null)");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("the number " + digits + " is too large");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("a value expected (object, array, string, whole number, true, false or null)");
        }
        at += word.length();
        return value;
    }

    private void expect(char ch) {
        if (peek() != ch) {
            throw error("'" + ch + "' expected");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not valid manifest JSON at character " + at + ": " + what);
    }
}
