package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.job.ForeignKeyReport;
import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobSnapshot;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the last finished check jobs found, and when: the answer to "when was this database last
 * verified, and did it pass?" on the overview and in {@code /api/health}. Jobs live in memory, so
 * this covers the checks run since the console started.
 *
 * @param integrity   the latest successful {@code integrity-check} or {@code quick-check}, null when none ran
 * @param foreignKeys the latest successful {@code foreign-key-check}, null when none ran
 */
public record LastChecks(Integrity integrity, ForeignKeys foreignKeys) {

    public static final LastChecks NONE = new LastChecks(null, null);

    /**
     * One integrity verdict.
     *
     * @param kind         {@code integrity-check} or {@code quick-check}
     * @param problems     how many problems SQLite listed (at most the job's cap)
     * @param truncated    SQLite stopped listing at the cap: there may be more
     * @param firstProblem the first one, null when ok
     */
    public record Integrity(String kind, String jobId, Instant at, boolean ok, int problems, boolean truncated,
                            String firstProblem) {
    }

    /**
     * One foreign-key verdict.
     *
     * @param violations     rows breaking a declared key, as {@code PRAGMA foreign_key_check} counts them
     * @param keys           declared keys checked
     * @param keysViolated   keys with at least one violation
     * @param keysWithErrors keys that name a missing parent or a non-unique parent key
     */
    public record ForeignKeys(String jobId, Instant at, long violations, int keys, int keysViolated, int keysWithErrors) {

        public boolean ok() {
            return violations == 0 && keysWithErrors == 0;
        }
    }

    /** From the last job of each check kind that succeeded; a running or failed one hides nothing. */
    public static LastChecks of(JobManager jobs) {
        return new LastChecks(integrity(jobs).orElse(null), foreignKeys(jobs).orElse(null));
    }

    private static Optional<Integrity> integrity(JobManager jobs) {
        return Stream.of(JobKind.INTEGRITY_CHECK, JobKind.QUICK_CHECK)
                .map(kind -> jobs.lastSucceeded(kind.apiName())).flatMap(Optional::stream)
                .filter(job -> job.result() instanceof IntegrityReport)
                .max(Comparator.comparing(JobSnapshot::endedAt))
                .map(job -> {
                    IntegrityReport found = (IntegrityReport) job.result();
                    return new Integrity(job.kind(), job.id(), job.endedAt(), found.ok(), found.errors().size(),
                            found.truncated(), found.ok() ? null : found.errors().get(0));
                });
    }

    private static Optional<ForeignKeys> foreignKeys(JobManager jobs) {
        return jobs.lastSucceeded(JobKind.FOREIGN_KEY_CHECK.apiName())
                .filter(job -> job.result() instanceof ForeignKeyReport)
                .map(job -> {
                    ForeignKeyReport found = (ForeignKeyReport) job.result();
                    return new ForeignKeys(job.id(), job.endedAt(),
                            found.foreignKeys().stream().mapToLong(ForeignKeyResult::violations).sum(),
                            found.foreignKeys().size(),
                            (int) found.foreignKeys().stream().filter(key -> key.violations() > 0).count(),
                            (int) found.foreignKeys().stream().filter(key -> key.error() != null).count());
                });
    }
}
