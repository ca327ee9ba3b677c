package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthStatus;
import java.util.Map;

/**
 * Under Boot the fix for a connection setting is a property of the pool, not a pragma run by hand:
 * a check's hint gets the property that sets it on HikariCP, Boot's default pool.
 */
final class SpringHints {

    private static final Map<String, String> PROPERTIES = Map.of(
            "journal_mode", "spring.datasource.hikari.data-source-properties.journal_mode=WAL",
            "foreign_keys", "spring.datasource.hikari.data-source-properties.foreign_keys=true",
            "busy_timeout", "spring.datasource.hikari.data-source-properties.busy_timeout=5000");

    private SpringHints() {
    }

    static String detail(HealthCheckResult check) {
        String property = PROPERTIES.get(check.name());
        if (check.status() == HealthStatus.UP || property == null) {
            return check.detail();
        }
        return check.detail() + "; in Spring Boot set " + property;
    }
}
