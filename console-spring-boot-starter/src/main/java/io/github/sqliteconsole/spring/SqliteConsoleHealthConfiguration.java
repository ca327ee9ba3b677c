package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator: the {@code sqliteConsole} health contributor, through Boot 3's or Boot 4's health API,
 * whichever the app has; both wrap the same {@link ConsoleHealthFacts}. Boot 4's classes are named
 * in full, and only its nested configuration (loaded only when they exist) names them. The DEGRADED
 * status is registered in the aggregate order and HTTP mapping by {@link HealthStatusDefaults}.
 */
@Configuration(proxyBeanMethods = false)
class SqliteConsoleHealthConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ConsoleFacts sqliteConsoleFacts(SqliteConsole console) {
        return new ConsoleFacts(console);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("sqliteConsole")
    static class Boot3Health {

        @Bean
        @ConditionalOnMissingBean(name = "sqliteConsoleHealthIndicator")
        HealthIndicator sqliteConsoleHealthIndicator(ConsoleFacts facts) {
            return () -> {
                ConsoleHealthFacts health = ConsoleHealthFacts.probe(facts);
                return Health.status(new Status(health.status(), health.description())).withDetails(health.details()).build();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator("sqliteConsole")
    static class Boot4Health {

        @Bean
        @ConditionalOnMissingBean(name = "sqliteConsoleHealthIndicator")
        org.springframework.boot.health.contributor.HealthIndicator sqliteConsoleHealthIndicator(ConsoleFacts facts) {
            return () -> {
                ConsoleHealthFacts health = ConsoleHealthFacts.probe(facts);
                return org.springframework.boot.health.contributor.Health.status(new org.springframework.boot.health
                        .contributor.Status(health.status(), health.description())).withDetails(health.details()).build();
            };
        }
    }
}
