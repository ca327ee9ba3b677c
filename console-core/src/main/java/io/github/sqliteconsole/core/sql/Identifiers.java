package io.github.sqliteconsole.core.sql;

import java.util.Objects;

/**
 * The one place where an SQL identifier becomes SQL text.
 *
 * <p>Call it only with a name that was read from {@code sqlite_schema} or {@code pragma_table_info}:
 * SQLite turns a double-quoted name it does not know into a string literal, so quoting alone does
 * not prove that a name exists.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** Returns {@code name} in double quotes, with every embedded double quote doubled. */
    public static String quote(String name) {
        Objects.requireNonNull(name, "identifier");
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
