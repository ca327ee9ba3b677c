package io.github.sqliteconsole.core.job;

import java.util.List;

/**
 * What {@code PRAGMA quick_check} or {@code integrity_check} said.
 *
 * @param errors    the problems SQLite listed, at most the cap the check was run with
 * @param truncated true when SQLite stopped listing at that cap, so more problems may exist
 */
public record IntegrityReport(List<String> errors, boolean truncated) implements JobResult {

    public IntegrityReport {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.integrity(this);
    }
}
