package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.job.JobManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
        LastChecks last = LastChecks.of(jobs);
        lastIntegrityJob(last).ifPresent(checks::add);
        return new HealthReport(checks, probed.database(), probed.probeMillis(), probed.checkedAt(), last);
    }

    /** The last integrity verdict of a job as a check: damage it found keeps health DOWN. */
    private static Optional<HealthCheckResult> lastIntegrityJob(LastChecks last) {
        LastChecks.Integrity found = last.integrity();
        if (found == null) {
            return Optional.empty();
        }
        String when = found.kind() + " at " + found.at();
        return Optional.of(found.ok()
                ? new HealthCheckResult("integrity_job", HealthStatus.UP, when + " found no problems")
                : new HealthCheckResult("integrity_job", HealthStatus.DOWN, when + " found " + found.problems()
                        + (found.truncated() ? "+" : "") + " problems, first: " + found.firstProblem()));
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
