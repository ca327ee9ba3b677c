package io.github.sqliteconsole.core.schema;

/** A trigger on a table, with its CREATE TRIGGER statement. */
public record TriggerInfo(String name, String sql) {
}
