package io.github.sqliteconsole.core.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The health of the database at one moment.
 *
 * @param checks      every check that ran, in a stable order
 * @param database    what was learned about the database; empty when it could not be reached
 * @param probeMillis how long the probe took
 * @param checkedAt   when the probe ran
 * @param lastChecks  what the last integrity and foreign-key check jobs found
 */
public record HealthReport(List<HealthCheckResult> checks, Optional<DatabaseInfo> database,
                           long probeMillis, Instant checkedAt, LastChecks lastChecks) {

    public HealthReport {
        checks = List.copyOf(checks);
        java.util.Objects.requireNonNull(lastChecks, "lastChecks");
    }

    /** A probe's report, before any job's verdict is added. */
    public HealthReport(List<HealthCheckResult> checks, Optional<DatabaseInfo> database, long probeMillis, Instant checkedAt) {
        this(checks, database, probeMillis, checkedAt, LastChecks.NONE);
    }

    /** The worst verdict of all checks. */
    public HealthStatus status() {
        HealthStatus status = HealthStatus.UP;
        for (HealthCheckResult check : checks) {
            status = status.worst(check.status());
        }
        return status;
    }

    public boolean healthy() {
        return status() == HealthStatus.UP;
    }

    /** The checks that are not UP: what the overview lists as reasons. */
    public List<HealthCheckResult> problems() {
        return checks.stream().filter(check -> check.status() != HealthStatus.UP).toList();
    }
}
