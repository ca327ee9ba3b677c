package io.github.sqliteconsole.core.job;

import java.util.List;

/** The result of {@code orphan-scan}: one entry per relation, declared, inferred or configured. */
public record OrphanReport(List<OrphanResult> relations) implements JobResult {

    public OrphanReport {
        relations = List.copyOf(relations);
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.orphans(this);
    }
}
