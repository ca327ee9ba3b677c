package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code sqliteConsole} shows in {@code /actuator/health}, independent of the Boot version
 * whose health API carries it: the status name and one detail per check, whose hints name the
 * Spring properties that fix them.
 */
final class ConsoleHealthDetails {

    /** The console's DEGRADED, placed in the aggregate order by {@link HealthStatusDefaults}. */
    static final String DEGRADED = "DEGRADED";
    static final String DEGRADED_DESCRIPTION = "works, with a setting or state that needs attention";

    private ConsoleHealthDetails() {
    }

    static Map<String, Object> of(HealthReport report) {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (HealthCheckResult check : report.checks()) {
            checks.put(check.name(), check.status() + ": " + SpringHints.detail(check));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checks", checks);
        report.database().ifPresent(database -> details.put("database", database.path()));
        return details;
    }
}
