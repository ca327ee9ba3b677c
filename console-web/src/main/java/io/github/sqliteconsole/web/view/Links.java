package io.github.sqliteconsole.web.view;

import java.nio.charset.StandardCharsets;

/**
 * Links to a table's page. The path form {@code tables/NAME} is used when the name survives as a
 * path segment; servlet containers reject an encoded {@code /}, {@code %} or {@code \} and fold
 * {@code .} and {@code ..}, and Jetty answers 400 "Suspicious Path Character" to an encoded
 * control character (newline, tab, CR, DEL), so such names use the query form {@code table?name=NAME}.
 */
public final class Links {

    /** The link from the mount root to {@code table}'s page; prefix it with the page's base. */
    public String table(String table) {
        boolean pathSafe = !table.isEmpty() && !table.equals(".") && !table.equals("..")
                && table.chars().noneMatch(ch -> ch == '/' || ch == '%' || ch == '\\' || ch < 0x20 || ch == 0x7f);
        return pathSafe ? "tables/" + encode(table) : "table?name=" + encode(table);
    }

    /** The link from the mount root to the single row {@code rowid} of a rowid table: its rows filtered to it. */
    public String row(String table, long rowid) {
        String page = table(table);
        return page + (page.contains("?") ? "&" : "?") + "col=rowid&eq=" + rowid;
    }

    /** The link from the mount root to the exact row count of {@code table}. */
    public String count(String table) {
        return "table/count?name=" + encode(table);
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int ch = b & 0xff;
            if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
                    || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
                out.append((char) ch);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(ch & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
