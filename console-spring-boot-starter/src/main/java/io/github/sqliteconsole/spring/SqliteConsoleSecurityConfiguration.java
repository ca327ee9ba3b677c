package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.web.security.Authorizer;
import io.github.sqliteconsole.web.security.HostCsrfToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * With Spring Security's web filter chain in the app (not merely its jars on the classpath): users log in the app's way, their authorities become the console's roles,
 * and the app's CSRF protection stays on (the console's pages carry its token too).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
@ConditionalOnBean(name = "springSecurityFilterChain")
class SqliteConsoleSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Authorizer sqliteConsoleAuthorizer(SqliteConsoleProperties properties) {
        return new SpringAuthoritiesAuthorizer(properties.getOperatorAuthority(), properties.getViewerAuthority());
    }

    @Bean
    @ConditionalOnMissingBean
    HostCsrfToken sqliteConsoleHostCsrfToken() {
        return new SpringSecurityCsrfToken();
    }

    /**
     * {@code public-health}: the app's filter chain would send an anonymous load balancer to its
     * login page before the console could answer, so that one request (GET, exact path) bypasses
     * it. A customizer, not a second filter chain: a chain bean would switch off Boot's default
     * chain in an app that has not written its own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer")
    @ConditionalOnProperty(prefix = "sqlite.console", name = "public-health", havingValue = "true")
    static class PublicHealth {

        @Bean
        WebSecurityCustomizer sqliteConsolePublicHealth(SqliteConsoleProperties properties) {
            String health = properties.getPath() + PublicHealthAuthorizer.HEALTH_PATH;
            return web -> web.ignoring().requestMatchers(request ->
                    ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                            && (request.getContextPath() + health).equals(request.getRequestURI()));
        }
    }
}
