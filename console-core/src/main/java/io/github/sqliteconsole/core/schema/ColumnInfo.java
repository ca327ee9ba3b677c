package io.github.sqliteconsole.core.schema;

import java.util.Locale;

/**
 * One column as {@code pragma_table_xinfo} describes it.
 *
 * @param declaredType the type as written in CREATE TABLE, possibly empty
 * @param affinity     the affinity SQLite derives from it: INTEGER, TEXT, BLOB, REAL or NUMERIC
 * @param defaultValue the DEFAULT expression as SQL text, or null
 * @param pkPosition   1-based position in the primary key, 0 when not part of it
 * @param hidden       empty, {@code hidden} (virtual table), {@code generated virtual} or {@code generated stored}
 */
public record ColumnInfo(String name, String declaredType, String affinity, boolean notNull, String defaultValue,
                         int pkPosition, String hidden) {

    /** SQLite's affinity rules, in their documented order (datatype3.html, section 3.1). */
    static String affinityOf(String declaredType) {
        String type = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        if (type.contains("INT")) {
            return "INTEGER";
        }
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
            return "TEXT";
        }
        if (type.isEmpty() || type.contains("BLOB")) {
            return "BLOB";
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return "REAL";
        }
        return "NUMERIC";
    }

    static String hiddenKind(int hidden) {
        return switch (hidden) {
            case 1 -> "hidden";
            case 2 -> "generated virtual";
            case 3 -> "generated stored";
            default -> "";
        };
    }
}
