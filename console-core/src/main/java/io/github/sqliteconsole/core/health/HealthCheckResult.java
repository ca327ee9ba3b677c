package io.github.sqliteconsole.core.health;

import java.util.Objects;

/**
 * One named health check: its verdict and a sentence that says why, in plain words.
 *
 * @param name   stable identifier, such as {@code journal_mode}; scripts match on it
 * @param status the verdict
 * @param detail what was found and, when not UP, what to do about it
 */
public record HealthCheckResult(String name, HealthStatus status, String detail) {

    public HealthCheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    static HealthCheckResult up(String name, String detail) {
        return new HealthCheckResult(name, HealthStatus.UP, detail);
    }

    static HealthCheckResult degraded(String name, String detail) {
        return new HealthCheckResult(name, HealthStatus.DEGRADED, detail);
    }

    static HealthCheckResult down(String name, String detail) {
        return new HealthCheckResult(name, HealthStatus.DOWN, detail);
    }
}
