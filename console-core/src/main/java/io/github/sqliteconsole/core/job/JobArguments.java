package io.github.sqliteconsole.core.job;

import java.util.Map;

/** A start request's parameter values, checked against its kind and completed with defaults. */
public record JobArguments(JobKind kind, Map<String, String> values) {

    public JobArguments {
        values = Map.copyOf(values);
    }

    /** The value of one of the kind's parameters. */
    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(kind.apiName() + " has no parameter " + name);
        }
        return value;
    }

    public static JobArguments defaults(JobKind kind) {
        return kind.arguments(Map.of());
    }
}
