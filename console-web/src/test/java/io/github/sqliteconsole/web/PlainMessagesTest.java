package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md row 21 with a real HikariCP pool: pages and health details say what is wrong with
 * the database and what to do; the pool's own words ({@code total=…, active=…}) stay in the log.
 */
class PlainMessagesTest {

    private static final String[] POOL_WORDS = {"total=", "active=", "Connection is not available", "HikariPool"};

    @TempDir
    Path dir;

    private static HikariDataSource pool(DataSource sqlite) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(sqlite);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Test
    void anExhaustedPoolIsDescribedWithoutPoolInternals() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        try (HikariDataSource pool = pool(TestDatabases.wellConfigured(file));
             SqliteConsole console = SqliteConsole.builder(pool).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
            try (Connection held = pool.getConnection()) {
                HttpResponse<String> health = server.get("/api/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).containsAnyOf("no database connection was free in time", "the pool may be exhausted")
                        .doesNotContain(POOL_WORDS);
                HttpResponse<String> page = server.get("/");
                assertThat(page.statusCode()).isLessThan(500);
                assertThat(page.body()).containsAnyOf("no database connection was free in time", "the pool may be exhausted")
                        .doesNotContain(POOL_WORDS).doesNotContain("Exception");
            }
        }
    }

    @Test
    void aPoolThatCannotOpenTheFileSaysWhatIsMissing() throws Exception {
        Path missing = dir.resolve("missing.db");
        try (HikariDataSource pool = pool(TestDatabases.existingOnly(missing));
             SqliteConsole console = SqliteConsole.builder(pool).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> health = server.get("/api/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("cannot be opened").doesNotContain(POOL_WORDS);
            HttpResponse<String> page = server.get("/");
            assertThat(page.statusCode()).isLessThan(500);
            assertThat(page.body()).contains("cannot be opened").doesNotContain(POOL_WORDS);
        }
        assertThat(missing).doesNotExist();
    }

    /** Issue 13: the path tried is named, and the Integrity page offers no Run button that can only fail. */
    @Test
    void aFileThatIsNotSqliteIsNamedAndTheChecksSayWhyTheyCannotRun() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "# not a database\n".repeat(100));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config);
             SqliteConsole console = SqliteConsole.builder(pool).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> health = server.get("/api/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("cannot get a connection to " + file + ": the file is not an SQLite database")
                    .doesNotContain(POOL_WORDS);

            String integrity = server.get("/integrity").body();
            assertThat(integrity).contains("id=\"checks-unavailable\"").contains("not an SQLite database")
                    .contains(file.toString()).doesNotContain("class=\"run\"").doesNotContain(POOL_WORDS);
        }
        assertThat(Files.readString(file)).startsWith("# not a database");
    }

    @Test
    void aReadOnlyDirectoryIsReportedAsReadOnlyNotMissing() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "skipped: root writes into a read-only directory anyway; run the build as an ordinary user");
        Path data = Files.createDirectory(dir.resolve("data"));
        Path file = data.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> health = server.get("/api/health");
            assertThat(health.body()).contains("read-only").doesNotContain("missing");
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
