package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The console's health verdict: the probe, plus what the last finished integrity or quick check
 * job found. A job that found damage keeps health DOWN until a later one passes, because the
 * probe's own quick_check may be cached or stopped by its budget and must not hide a known problem.
 */
public final class Health implements AutoCloseable {

    private final HealthCheck probe;
    private final JobManager jobs;
    private final List<Supplier<HealthCheckResult>> featureChecks;

    /** @param featureChecks checks other features add (stored backups); each must answer without throwing */
    public Health(HealthCheck probe, JobManager jobs, List<Supplier<HealthCheckResult>> featureChecks) {
        this.probe = probe;
        this.jobs = jobs;
        this.featureChecks = List.copyOf(featureChecks);
    }

    /** Probes the database now; never throws, a failure is a DOWN check with a plain message. */
    public HealthReport report() {
        HealthReport probed = probe.run();
        List<HealthCheckResult> checks = new ArrayList<>(probed.checks());
        featureChecks.forEach(check -> checks.add(check.get()));
        lastIntegrityJob().ifPresent(checks::add);
        return new HealthReport(checks, probed.database(), probed.probeMillis(), probed.checkedAt());
    }

    private Optional<HealthCheckResult> lastIntegrityJob() {
        Optional<JobSnapshot> lastCheck = Stream.of(JobKind.INTEGRITY_CHECK, JobKind.QUICK_CHECK)
                .map(kind -> jobs.latest(kind.apiName())).flatMap(Optional::stream)
                .filter(job -> job.state() == JobState.SUCCEEDED)
                .max(Comparator.comparing(JobSnapshot::endedAt));
        if (lastCheck.isEmpty() || !(lastCheck.get().result() instanceof IntegrityReport found)) {
            return Optional.empty();
        }
        JobSnapshot job = lastCheck.get();
        String when = job.kind() + " at " + job.endedAt();
        return Optional.of(found.ok()
                ? new HealthCheckResult("integrity_job", HealthStatus.UP, when + " found no problems")
                : new HealthCheckResult("integrity_job", HealthStatus.DOWN, when + " found " + found.errors().size()
                        + (found.truncated() ? "+" : "") + " problems, first: " + found.errors().get(0)));
    }

    /** Makes the next {@link #report()} run {@code quick_check} again instead of reusing its verdict. */
    public void recheck() {
        probe.forgetQuickCheck();
    }

    /** Stops the probe's borrowing thread. */
    @Override
    public void close() {
        probe.close();
    }
}
