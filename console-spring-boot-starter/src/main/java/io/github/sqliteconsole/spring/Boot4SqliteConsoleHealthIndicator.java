package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.health.HealthReport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** {@code sqliteConsole} in {@code /actuator/health}, Boot 4's health API (same content as in Boot 3). */
final class Boot4SqliteConsoleHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status(ConsoleHealthDetails.DEGRADED, ConsoleHealthDetails.DEGRADED_DESCRIPTION);

    private final ConsoleFacts facts;

    Boot4SqliteConsoleHealthIndicator(ConsoleFacts facts) {
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
