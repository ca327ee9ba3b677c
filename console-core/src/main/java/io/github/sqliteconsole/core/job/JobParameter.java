package io.github.sqliteconsole.core.job;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One choice a job's start request may make: either one of a few values (a checkpoint's
 * {@code mode}, offered as a select) or a name in a fixed format (a stored backup's id, which a
 * page offers per backup; empty means the kind's default, e.g. the newest backup).
 *
 * @param labels what a page shows for each value
 * @param values the allowed values in the order a page offers them, the first the default; empty for a name
 * @param format the form a name must have; null for a choice
 */
public record JobParameter(String name, String label, Map<String, String> labels, List<String> values, Pattern format) {

    /** What a stored backup's id looks like: the database's name and a UTC time, e.g. {@code app-20261124T130000Z}. */
    private static final Pattern BACKUP_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public JobParameter(String name, String label, Map<String, String> labels, String... values) {
        this(name, label, labels, List.of(values), null);
    }

    public JobParameter {
        labels = Map.copyOf(labels);
        values = List.copyOf(values);
        if ((format == null) == values.isEmpty() || !labels.keySet().containsAll(values)) {
            throw new IllegalArgumentException(name + ": either values, each with a label, or a format");
        }
    }

    /** A name in {@code format}; the empty default leaves the choice to the job. */
    public static JobParameter name(String name, String label, Pattern format) {
        return new JobParameter(name, label, Map.of(), List.of(), format);
    }

    /** The {@code backup} parameter of the drill and the restore: a stored backup's id. */
    public static JobParameter storedBackup() {
        return name("backup", "Backup", BACKUP_ID);
    }

    /** True for a choice among {@link #values()}, which a page can offer as a select. */
    public boolean isChoice() {
        return format == null;
    }

    public String defaultValue() {
        return isChoice() ? values.get(0) : "";
    }

    public String labelOf(String value) {
        return labels.get(value);
    }

    /** Whether a start request may send {@code value} for this parameter. */
    public boolean accepts(String value) {
        return isChoice() ? values.contains(value) : value.isEmpty() || format.matcher(value).matches();
    }
}
