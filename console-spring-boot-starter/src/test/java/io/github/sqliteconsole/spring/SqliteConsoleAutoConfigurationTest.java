package io.github.sqliteconsole.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** When the starter mounts the console and when it stays out of the way. */
class SqliteConsoleAutoConfigurationTest {

    private static final Path DATABASE = AppDatabase.create();

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, SqliteConsoleAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + DATABASE);

    @Test
    void mountsTheConsoleAtTheConfiguredPath() {
        web.withPropertyValues("sqlite.console.path=/ops/db", "sqlite.console.busy-timeout=250ms").run(context -> {
            assertThat(context).hasSingleBean(SqliteConsole.class);
            assertThat(context.getBean(SqliteConsole.class).options().busyTimeout().toMillis()).isEqualTo(250);
            assertThat(context.getBean(ServletRegistrationBean.class).getUrlMappings()).containsExactly("/ops/db/*");
        });
    }

    @Test
    void enabledFalseTurnsItOff() {
        web.withPropertyValues("sqlite.console.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(SqliteConsole.class);
            assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
        });
    }

    @Test
    void anotherDatabasesUrlTurnsItOffQuietly() {
        // The app's own DataSource bean (Boot's backs off); only the property names another database.
        web.withBean(javax.sql.DataSource.class, () -> new org.sqlite.SQLiteDataSource())
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal/app").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(SqliteConsole.class);
                });
    }

    @Test
    void aNonWebAppGetsNoConsole() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, SqliteConsoleAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + DATABASE)
                .run(context -> assertThat(context).doesNotHaveBean(SqliteConsole.class));
    }

    @Test
    void aBadPathIsRefusedWithWhatToSet() {
        web.withPropertyValues("sqlite.console.path=admin/").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("sqlite.console.path must start with '/'"));
    }

    @Test
    void theAppsOwnConsoleBeanWins() {
        web.withBean("myConsole", SqliteConsole.class, () -> SqliteConsole.builder(
                new org.sqlite.SQLiteDataSource() {{ setUrl("jdbc:sqlite:" + DATABASE); }}).build())
                .run(context -> {
                    assertThat(context).hasSingleBean(SqliteConsole.class);
                    assertThat(context).hasBean("myConsole");
                    assertThat(context).hasSingleBean(ServletRegistrationBean.class);
                });
    }
}
