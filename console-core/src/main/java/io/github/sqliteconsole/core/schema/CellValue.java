package io.github.sqliteconsole.core.schema;

import java.util.HexFormat;

/**
 * One value of a row as the console shows it: NULL distinct from an empty string, long text cut,
 * a BLOB as its size and first bytes.
 *
 * @param kind      NULL, INTEGER, REAL, TEXT or BLOB: the storage class of the value
 * @param display   the text to show
 * @param truncated true when {@code display} is only the start of the value
 */
public record CellValue(String kind, String display, boolean truncated) {

    static final int TEXT_LIMIT = 200;
    static final int BLOB_PREFIX = 16;

    static CellValue of(Object value) {
        if (value == null) {
            return new CellValue("NULL", "NULL", false);
        }
        if (value instanceof byte[] blob) {
            int shown = Math.min(blob.length, BLOB_PREFIX);
            String hex = HexFormat.of().formatHex(blob, 0, shown);
            return new CellValue("BLOB", blob.length + " bytes" + (shown > 0 ? ": " + hex : ""), shown < blob.length);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new CellValue("INTEGER", value.toString(), false);
        }
        if (value instanceof Double || value instanceof Float) {
            return new CellValue("REAL", value.toString(), false);
        }
        String text = value.toString();
        if (text.length() > TEXT_LIMIT) {
            int end = Character.isHighSurrogate(text.charAt(TEXT_LIMIT - 1)) ? TEXT_LIMIT - 1 : TEXT_LIMIT;
            return new CellValue("TEXT", text.substring(0, end), true);
        }
        return new CellValue("TEXT", text, false);
    }
}
