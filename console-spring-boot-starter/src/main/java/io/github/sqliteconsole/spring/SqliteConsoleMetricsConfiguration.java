package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Micrometer: Boot binds every {@code MeterBinder} bean to the app's registry, in Boot 3 and 4 alike. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
class SqliteConsoleMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqliteConsoleMetrics sqliteConsoleMetrics(SqliteConsole console, ConsoleFacts facts) {
        return new SqliteConsoleMetrics(console, facts);
    }
}
