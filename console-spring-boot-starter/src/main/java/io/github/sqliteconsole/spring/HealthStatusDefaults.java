package io.github.sqliteconsole.spring;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Registers the console's DEGRADED status with Actuator: without a place in
 * {@code management.endpoint.health.status.order} a custom status leaves the aggregate "UP", and an
 * HTTP mapping that names one status replaces Boot's defaults, so DOWN and OUT_OF_SERVICE are
 * repeated. Added last: any value the app sets itself wins.
 */
public class HealthStatusDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "sqliteConsoleHealthStatus";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        String prefix = "management.endpoint.health.status.";
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                prefix + "order", "DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN",
                prefix + "http-mapping.down", "503",
                prefix + "http-mapping.out-of-service", "503",
                prefix + "http-mapping.degraded", "200")));
    }
}
