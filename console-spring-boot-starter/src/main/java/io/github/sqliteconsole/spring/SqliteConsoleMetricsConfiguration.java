package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.web.SqliteConsoleServlet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
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
    SqliteConsoleMetrics sqliteConsoleMetrics(SqliteConsole console, ConsoleFacts facts, ListableBeanFactory beans) {
        // The servlet the starter registered (or the app's, under the same name), for its audit log.
        Object registration = beans.containsBean("sqliteConsoleServlet") ? beans.getBean("sqliteConsoleServlet") : null;
        DeniedRequests denied = registration instanceof ServletRegistrationBean<?> bean
                && bean.getServlet() instanceof SqliteConsoleServlet servlet ? new DeniedRequests(servlet) : null;
        return new SqliteConsoleMetrics(console, facts, denied);
    }
}
