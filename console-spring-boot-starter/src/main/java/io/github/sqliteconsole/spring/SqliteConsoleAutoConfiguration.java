package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.web.SqliteConsoleServlet;
import io.github.sqliteconsole.web.WebOptions;
import io.github.sqliteconsole.web.security.Authorizer;
import io.github.sqliteconsole.web.security.Authorizers;
import io.github.sqliteconsole.web.security.HostCsrfToken;
import io.github.sqliteconsole.web.security.Role;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Mounts the SQLite Console over the app's SQLite DataSource at {@code sqlite.console.path}.
 *
 * <p>Only Spring Boot classes that kept their package from 3.5 to 4.x are named here; the
 * DataSource auto-configuration, which moved, is named by both of its class names. Spring
 * Security, Actuator and Micrometer are used by the imported configurations only when present.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        // After Spring Security's, so that its filter chain, when the app has one, is known here.
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "sqlite.console", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@Conditional(OnSqliteUrlCondition.class)
@EnableConfigurationProperties(SqliteConsoleProperties.class)
@Import({SqliteConsoleSecurityConfiguration.class, SqliteConsoleHealthConfiguration.class,
        SqliteConsoleMetricsConfiguration.class})
public class SqliteConsoleAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(SqliteConsoleAutoConfiguration.class);

    /**
     * The console over the primary DataSource; closed when the context closes. An app with several
     * DataSources and no {@code @Primary} one, or whose primary one is not SQLite, defines its own
     * {@code SqliteConsole} bean.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SqliteConsole sqliteConsole(ConfigurableListableBeanFactory beans, SqliteConsoleProperties properties) {
        String name = primaryDataSourceName(beans);
        SqliteDataSource database = SqliteDataSource.of(beans.getBean(name, DataSource.class), name);
        LOG.info("SQLite Console serves the DataSource '" + name + "' (" + database.url() + ")");
        return ConsoleOptionsBinder.builder(database.dataSource(), properties).build();
    }

    /** The only DataSource bean, or the one marked {@code @Primary} among several. */
    private static String primaryDataSourceName(ConfigurableListableBeanFactory beans) {
        List<String> names = List.of(beans.getBeanNamesForType(DataSource.class));
        if (names.size() == 1) {
            return names.get(0);
        }
        List<String> primary = names.stream()
                .filter(name -> beans.containsBeanDefinition(name) && beans.getBeanDefinition(name).isPrimary())
                .toList();
        if (primary.size() != 1) {
            throw new IllegalStateException("SQLite Console: there are several DataSources " + names + " and "
                    + (primary.isEmpty() ? "none is" : "more than one is") + " @Primary; mark the SQLite one @Primary,"
                    + " define a SqliteConsole bean, or set sqlite.console.enabled=false");
        }
        return primary.get(0);
    }

    @Bean
    @ConditionalOnMissingBean(name = "sqliteConsoleServlet")
    public ServletRegistrationBean<SqliteConsoleServlet> sqliteConsoleServlet(
            SqliteConsole console, SqliteConsoleProperties properties, ObjectProvider<Authorizer> authorizers,
            ObjectProvider<HostCsrfToken> hostCsrfTokens, Environment environment) {
        Authorizer authorizer = authorizers.getIfUnique(() -> Authorizers.loopbackOnly(Role.OPERATOR));
        if (properties.isPublicHealth()) {
            authorizer = new PublicHealthAuthorizer(authorizer);
        }
        WebOptions options = WebOptions.defaults()
                .withAuthorizer(authorizer)
                .withReadOnly(properties.isReadOnly())
                .withRefreshInterval(properties.getRefreshInterval())
                .withHostCsrfToken(hostCsrfTokens.getIfUnique(HostCsrfToken::none))
                .withAllowedHosts(Set.copyOf(properties.getAllowedHosts()))
                .withDocsUrl(properties.getDocsUrl());
        ServletRegistrationBean<SqliteConsoleServlet> registration =
                new ServletRegistrationBean<>(new SqliteConsoleServlet(console, options), properties.getPath() + "/*");
        registration.setName("sqliteConsole");
        registration.setLoadOnStartup(1);
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        SqliteDataSource database = SqliteDataSource.of(console.database().dataSource(), "of the SqliteConsole bean");
        LOG.info("SQLite Console available at '" + contextPath + properties.getPath() + "' for database '"
                + database.file() + "'");
        return registration;
    }
}
