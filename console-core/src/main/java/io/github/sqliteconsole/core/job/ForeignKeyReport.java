package io.github.sqliteconsole.core.job;

import java.util.List;

/** The result of {@code foreign-key-check}: one entry per declared foreign key. */
public record ForeignKeyReport(List<ForeignKeyResult> foreignKeys) implements JobResult {

    public ForeignKeyReport {
        foreignKeys = List.copyOf(foreignKeys);
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.foreignKeys(this);
    }
}
