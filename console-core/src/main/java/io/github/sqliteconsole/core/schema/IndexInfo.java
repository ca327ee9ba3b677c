package io.github.sqliteconsole.core.schema;

import java.util.List;

/**
 * One index of a table.
 *
 * @param origin  {@code created} (CREATE INDEX), {@code unique constraint} or {@code primary key}
 * @param columns indexed columns in order; an expression shows as {@code <expression>}
 * @param sql     the CREATE INDEX statement, or null for an index SQLite made for a constraint
 */
public record IndexInfo(String name, boolean unique, String origin, boolean partial, List<String> columns, String sql) {

    public IndexInfo {
        columns = List.copyOf(columns);
    }
}
