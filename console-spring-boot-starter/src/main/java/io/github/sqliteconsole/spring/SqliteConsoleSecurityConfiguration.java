package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.web.security.Authorizer;
import io.github.sqliteconsole.web.security.HostCsrfToken;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.util.matcher.RequestMatcher;

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
            RequestMatcher health = new HealthRead(properties.getPath() + PublicHealthAuthorizer.HEALTH_PATH);
            return web -> web.ignoring().requestMatchers(health);
        }
    }

    /** GET or HEAD of exactly the console's health path; named so Spring's startup warning says what it is. */
    private record HealthRead(String path) implements RequestMatcher {

        @Override
        public boolean matches(HttpServletRequest request) {
            return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                    && (request.getContextPath() + path).equals(request.getRequestURI());
        }

        @Override
        public String toString() {
            return "GET " + path + " (sqlite.console.public-health)";
        }
    }
}
