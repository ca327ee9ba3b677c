package io.github.sqliteconsole.core.job;

import java.util.List;
import java.util.Map;

/**
 * One choice a job's start request may make, e.g. a checkpoint's {@code mode}.
 *
 * @param labels what a page shows for each value
 * @param values the allowed values in the order a page offers them; the first is the default
 */
public record JobParameter(String name, String label, Map<String, String> labels, List<String> values) {

    public JobParameter(String name, String label, Map<String, String> labels, String... values) {
        this(name, label, labels, List.of(values));
    }

    public JobParameter {
        labels = Map.copyOf(labels);
        values = List.copyOf(values);
        if (values.isEmpty() || !labels.keySet().containsAll(values)) {
            throw new IllegalArgumentException(name + ": every value needs a label, and there must be one value");
        }
    }

    public String defaultValue() {
        return values.get(0);
    }

    public String labelOf(String value) {
        return labels.get(value);
    }
}
