package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.health.HealthReport;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** {@code sqliteConsole} in {@code /actuator/health}, Boot 3's health API. */
final class SqliteConsoleHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status(ConsoleHealthDetails.DEGRADED, ConsoleHealthDetails.DEGRADED_DESCRIPTION);

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
        return Health.status(status).withDetails(ConsoleHealthDetails.of(report)).build();
    }
}
