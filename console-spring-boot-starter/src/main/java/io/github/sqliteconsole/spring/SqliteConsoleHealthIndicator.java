package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code sqliteConsole} in {@code /actuator/health}: the console's verdict (UP, DEGRADED, DOWN)
 * and one detail per check, whose hints name the Spring properties that fix them.
 */
final class SqliteConsoleHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "works, with a setting or state that needs attention");

    private final ConsoleFacts facts;

    SqliteConsoleHealthIndicator(ConsoleFacts facts) {
        this.facts = facts;
    }

    @Override
    public Health health() {
        HealthReport report = facts.refresh();
        Status status = switch (report.status()) {
            case UP -> Status.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
        Map<String, Object> checks = new LinkedHashMap<>();
        for (HealthCheckResult check : report.checks()) {
            checks.put(check.name(), check.status() + ": " + SpringHints.detail(check));
        }
        Health.Builder health = Health.status(status).withDetail("checks", checks);
        report.database().ifPresent(database -> health.withDetail("database", database.path()));
        return health.build();
    }
}
