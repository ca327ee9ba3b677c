package io.github.sqliteconsole.web.advice;

import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.OrphanResult;
import io.github.sqliteconsole.core.sql.Identifiers;
import java.util.List;

/**
 * What templates ask to explain a finding: the advice lists of this package and links into the
 * user guide at {@code docsUrl} (a {@code WebOptions} setting).
 */
public final class Advice {

    private final String docsUrl;

    /** @param docsUrl the URL of the guide's {@code docs/} directory, ending with {@code /} */
    public Advice(String docsUrl) {
        this.docsUrl = docsUrl;
    }

    /** The advice for a health check, or null for a check that has none (a host's own). */
    public HealthAdvice health(String check) {
        return HealthAdvice.of(check).orElse(null);
    }

    /** The explanation of a kind of finding, by its constant's name ({@code DAMAGE}, {@code ORPHANS}, ...). */
    public Explanation finding(String name) {
        return FindingAdvice.valueOf(name).explanation();
    }

    /** The advice for a job kind's card. */
    public JobAdvice job(JobKind kind) {
        return JobAdvice.of(kind);
    }

    /** The link to a section of the user guide. */
    public String href(DocSection section) {
        return docsUrl + section.path();
    }

    /**
     * For each child table with violations, the pragma that lists every violating row. The names
     * come from the check's result, which read them from the schema.
     */
    public List<String> foreignKeyChecks(List<ForeignKeyResult> keys) {
        return keys.stream().filter(key -> key.violations() > 0).map(ForeignKeyResult::table).distinct()
                .map(table -> "PRAGMA foreign_key_check(" + Identifiers.quote(table) + ");").toList();
    }

    /** Whether any key has child rows without their parent. */
    public boolean anyViolations(List<ForeignKeyResult> keys) {
        return keys.stream().anyMatch(key -> key.violations() > 0);
    }

    /** Whether any key is broken: its parent table missing or a view, its parent columns not unique. */
    public boolean anyBroken(List<ForeignKeyResult> keys) {
        return keys.stream().anyMatch(key -> key.error() != null);
    }

    /** Whether any key's child columns lack an index. */
    public boolean anyMissingIndex(List<ForeignKeyResult> keys) {
        return keys.stream().anyMatch(key -> key.missingIndex() != null);
    }

    /**
     * Whether a check's findings name an index ("row 3 missing from index i", "wrong # of entries in
     * index i"): REINDEX repairs those.
     */
    public boolean mentionsIndex(List<String> errors) {
        return errors.stream().anyMatch(error -> error.contains(" index "));
    }

    /** Whether any relation has orphans. */
    public boolean anyOrphans(List<OrphanResult> relations) {
        return relations.stream().anyMatch(relation -> relation.orphans() > 0);
    }
}
