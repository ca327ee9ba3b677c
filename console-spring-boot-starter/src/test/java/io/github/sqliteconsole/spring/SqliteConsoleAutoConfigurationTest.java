package io.github.sqliteconsole.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.Retention;
import io.github.sqliteconsole.core.backup.StoredBackupOptions;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void backupsPropertiesReachTheStoredBackupOptions() {
        Path store = DATABASE.resolveSibling("bound-store");
        Path copy = DATABASE.resolveSibling("bound-copy");
        web.withPropertyValues("sqlite.console.backups.store=" + store, "sqlite.console.backups.interval=15m",
                "sqlite.console.backups.retention.hourly=6", "sqlite.console.backups.retention.yearly=0",
                "sqlite.console.backups.copies=" + copy, "sqlite.console.backups.drill-interval=12h",
                "sqlite.console.backups.allow-restore=true", "sqlite.console.backups.compression=false").run(context -> {
                    StoredBackupOptions stored = context.getBean(SqliteConsole.class).options().storedBackups();
                    assertThat(stored.store()).isEqualTo(store);
                    assertThat(stored.interval()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(stored.retention()).as("unset tiers keep their defaults").isEqualTo(new Retention(6,
                            Retention.DEFAULT_DAILY, Retention.DEFAULT_WEEKLY, Retention.DEFAULT_MONTHLY, 0));
                    assertThat(stored.copies()).containsExactly(copy);
                    assertThat(stored.drillInterval()).isEqualTo(Duration.ofHours(12));
                    assertThat(stored.allowRestore()).isTrue();
                    assertThat(stored.compression()).isFalse();
                });
    }

    @Test
    void storedBackupsAreOffWithoutAStore() {
        web.run(context -> assertThat(context.getBean(SqliteConsole.class).options().storedBackups()).isNull());
    }

    @Test
    void aBackupsSettingWithoutAStoreIsRefusedNotIgnored() {
        web.withPropertyValues("sqlite.console.backups.interval=15m", "sqlite.console.backups.allow-restore=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sqlite.console.backups.interval, sqlite.console.backups.allow-restore set "
                                + "but sqlite.console.backups.store is not"));
    }

    @Test
    void anIntervalBelowTenSecondsIsRefused() {
        web.withPropertyValues("sqlite.console.backups.store=" + DATABASE.resolveSibling("short-store"),
                "sqlite.console.backups.interval=1s").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("backupInterval is PT1S; set at least PT10S"));
    }

    @Test
    void snapshotDirectoryAndItsOldNameBothWork() {
        Path snapshots = DATABASE.resolveSibling("snapshots");
        web.withPropertyValues("sqlite.console.snapshot-directory=" + snapshots).run(context ->
                assertThat(context.getBean(SqliteConsole.class).options().snapshotDirectory()).isEqualTo(snapshots));
        web.withPropertyValues("sqlite.console.backup-directory=" + snapshots).run(context ->
                assertThat(context.getBean(SqliteConsole.class).options().snapshotDirectory()).isEqualTo(snapshots));
        web.withPropertyValues("sqlite.console.backup-directory=" + snapshots,
                "sqlite.console.snapshot-directory=" + snapshots.resolveSibling("other")).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("keep only snapshot-directory"));
    }

    @Test
    void theHealthContributorIsOnAndCanBeTurnedOff() {
        web.run(context -> assertThat(context).hasBean("sqliteConsoleHealthIndicator"));
        web.withPropertyValues("management.health.sqliteConsole.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("sqliteConsoleHealthIndicator"));
    }
}
