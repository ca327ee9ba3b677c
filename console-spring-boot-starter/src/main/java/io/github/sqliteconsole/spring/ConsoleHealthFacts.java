package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code sqliteConsole} shows in {@code /actuator/health}, independent of the Boot version
 * whose health API carries it (Boot 3 and Boot 4 each wrap it in their own {@code Health} in one
 * line): the status code and description, and one detail per check, whose hints name the Spring
 * properties that fix them.
 */
record ConsoleHealthFacts(String status, String description, Map<String, Object> details) {

    /** The console's DEGRADED, placed in the aggregate order by {@link HealthStatusDefaults}. */
    static final String DEGRADED_DESCRIPTION = "works, with a setting or state that needs attention";

    /** Probes now (through the facts, which keep the report for the meters). */
    static ConsoleHealthFacts probe(ConsoleFacts facts) {
        return of(facts.refresh());
    }

    static ConsoleHealthFacts of(HealthReport report) {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (HealthCheckResult check : report.checks()) {
            checks.put(check.name(), check.status() + ": " + SpringHints.detail(check));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checks", checks);
        report.database().ifPresent(database -> details.put("database", database.path()));
        // Boot's own UP and DOWN carry no description; only DEGRADED, which Boot does not know, explains itself.
        String description = switch (report.status()) {
            case UP, DOWN -> "";
            case DEGRADED -> DEGRADED_DESCRIPTION;
        };
        return new ConsoleHealthFacts(report.status().name(), description, details);
    }
}
