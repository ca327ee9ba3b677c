package io.github.sqliteconsole.core.health;

import static org.awaitility.Awaitility.await;
import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class HealthCheckTest {

    @TempDir
    Path dir;

    private static HealthCheckResult check(HealthReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name + " in " + report.checks()));
    }

    @Test
    void wellConfiguredDatabaseIsUpAndDescribed() throws Exception {
        Path file = dir.resolve("app.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        execute(dataSource, "PRAGMA user_version = 7", "CREATE TABLE tag (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "name TEXT UNIQUE)", "INSERT INTO tag(name) VALUES ('a')", "ANALYZE");

        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            HealthReport report = console.health();

            assertThat(report.problems()).isEmpty();
            assertThat(report.status()).isEqualTo(HealthStatus.UP);
            DatabaseInfo info = report.database().orElseThrow();
            assertThat(info.path()).isEqualTo(file.toString());
            assertThat(info.fileBytes()).isEqualTo(Files.size(file));
            assertThat(info.foreignKeys()).isTrue();
            assertThat(info.busyTimeoutMillis()).isEqualTo(5000);
            assertThat(info.readOnly()).isFalse();
            assertThat(info.file().journalMode()).isEqualTo("WAL");
            assertThat(info.file().userVersion()).isEqualTo(7);
            assertThat(info.file().tables()).as("sqlite_sequence and sqlite_stat1 are SQLite's own").isEqualTo(3);
            assertThat(info.file().indexes()).as("the UNIQUE constraint's autoindex is SQLite's own").isEqualTo(1);
            assertThat(info.file().views()).isEqualTo(1);
            assertThat(info.file().triggers()).isEqualTo(1);
            assertThat(info.file().pageCount()).isEqualTo(pragma(dataSource, "page_count"));
            assertThat(info.file().pageSize()).isEqualTo(pragma(dataSource, "page_size"));
            assertThat(check(report, "quick_check").detail()).isEqualTo("ok");
        }
    }

    @Test
    void misconfiguredHostConnectionsAreDegradedWithAReasonEach() throws Exception {
        Path file = dir.resolve("legacy.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        SQLiteDataSource dataSource = TestDatabases.dataSource(file, config);
        TestDatabases.seedInventory(dataSource);

        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            HealthReport report = console.health();

            assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(report.problems()).extracting(HealthCheckResult::name)
                    .containsExactlyInAnyOrder("journal_mode", "foreign_keys", "busy_timeout");
            assertThat(check(report, "journal_mode").detail()).contains("DELETE").contains("journal_mode=WAL");
        }
    }

    @Test
    void largeFreelistAndLargeWalAreDegraded() throws Exception {
        Path file = dir.resolve("bloated.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        execute(dataSource, "PRAGMA wal_autocheckpoint = 0",
                "CREATE TABLE blob_store (id INTEGER PRIMARY KEY, data BLOB)",
                "INSERT INTO blob_store(data) " + TestDatabases.series(300) + " SELECT randomblob(32768) FROM n");
        try (Connection keepsWal = dataSource.getConnection(); Statement statement = keepsWal.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("DELETE FROM blob_store WHERE id > 10");
            statement.execute("INSERT INTO blob_store(data) " + TestDatabases.series(100) + " SELECT randomblob(32768) FROM n");
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            statement.execute("DELETE FROM blob_store WHERE id > 10");

            try (SqliteConsole console = SqliteConsole.builder(dataSource).walSizeThreshold(1024 * 1024).build()) {
                HealthReport report = console.health();

                assertThat(check(report, "freelist").status()).isEqualTo(HealthStatus.DEGRADED);
                assertThat(check(report, "freelist").detail()).contains("VACUUM");
                assertThat(check(report, "wal_size").status()).isEqualTo(HealthStatus.DEGRADED);
                assertThat(report.database().orElseThrow().walBytes()).isGreaterThan(1024 * 1024);
            }
        }
    }

    @Test
    void missingFileIsDownAndStaysMissing() {
        Path file = dir.resolve("gone.db");
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(file)).build()) {
            HealthReport report = console.health();

            assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(report.database()).isEmpty();
            assertThat(check(report, "connection").detail()).contains("cannot be opened").contains("missing");
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void emptyDatabaseIsFlaggedAsPossiblyTheWrongFile() throws Exception {
        Path file = dir.resolve("fresh.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        execute(dataSource, "PRAGMA user_version = 0");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            HealthReport report = console.health();

            assertThat(check(report, "schema").status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(check(report, "schema").detail()).contains("no tables");
        }
    }

    @Test
    void fileThatIsNotSqliteIsDownWithAPlainMessage() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "this is a text file, not a database\n".repeat(200));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(file)).build()) {
            HealthReport report = console.health();

            assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(report.problems().get(0).detail()).contains("not an SQLite database");
        }
        assertThat(Files.readString(file)).startsWith("this is a text file");
    }

    @Test
    void pageOverwrittenMidFileIsDownWithSqlitesOwnFinding() throws Exception {
        Path file = dir.resolve("damaged.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        TestDatabases.corruptMiddlePage(dataSource, file);

        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(file)).build()) {
            HealthReport report = console.health();

            assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(check(report, "quick_check").status()).isEqualTo(HealthStatus.DOWN);
            assertThat(check(report, "quick_check").detail()).containsAnyOf("damaged", "corrupt");
        }
    }

    @Test
    void quickCheckVerdictIsReusedUntilARecheckIsAsked() throws Exception {
        Path file = dir.resolve("cached.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            assertThat(check(console.health(), "quick_check").status()).isEqualTo(HealthStatus.UP);
            TestDatabases.corruptMiddlePage(dataSource, file);

            assertThat(check(console.health(), "quick_check").status())
                    .as("within the interval the cached verdict is served").isEqualTo(HealthStatus.UP);
            console.recheckIntegrity();
            assertThat(check(console.health(), "quick_check").status()).isEqualTo(HealthStatus.DOWN);
        }
    }

    @Test
    void anExpiredVerdictIsServedAtOnceWhileANewOneIsTakenInTheBackground() throws Exception {
        Path file = dir.resolve("stale.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        // One nanosecond: every verdict has expired by the next request.
        try (SqliteConsole console = SqliteConsole.builder(dataSource).quickCheckInterval(Duration.ofNanos(1)).build()) {
            assertThat(check(console.health(), "quick_check").status()).isEqualTo(HealthStatus.UP);
            TestDatabases.corruptMiddlePage(dataSource, file);

            assertThat(check(console.health(), "quick_check").status())
                    .as("the expired verdict, served without waiting for the check").isEqualTo(HealthStatus.UP);
            await("the background check finds the damage").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> check(console.health(), "quick_check").status() == HealthStatus.DOWN);
        }
    }

    @Test
    void writerHoldingAnExclusiveLockMakesTheProbeFailFastAndPlainly() throws Exception {
        Path file = dir.resolve("locked.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        SQLiteDataSource sqlite = TestDatabases.dataSource(file, config);
        TestDatabases.seedInventory(sqlite);
        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setDataSource(sqlite);
        poolConfig.setMaximumPoolSize(2);
        poolConfig.setMinimumIdle(2);

        try (HikariDataSource pool = new HikariDataSource(poolConfig)) {
            warmUp(pool);
            try (Connection writer = pool.getConnection(); Statement statement = writer.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
                statement.execute("UPDATE supplier SET name = name || '!'");
                try (SqliteConsole console = SqliteConsole.builder(pool).busyTimeout(Duration.ofMillis(200)).build()) {
                    HealthReport report = console.health();

                    assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
                    assertThat(report.problems().get(0).detail()).contains("locked by another connection");
                }
                statement.execute("ROLLBACK");
            }
        }
    }

    /** Opens both pooled connections now, so that later borrows take an idle one and open nothing. */
    private static void warmUp(HikariDataSource pool) throws Exception {
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThat(first.isValid(1) && second.isValid(1)).isTrue();
        }
    }

    /** An archive or someone's file the host opens read-only on purpose: nothing it does fails for it. */
    @Test
    void connectionsOpenedReadOnlyByChoiceAreUpEvenOnAFileNobodyMayWrite() throws Exception {
        Path file = dir.resolve("archive.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.dataSource(file, config)).build()) {
            HealthReport writable = console.health();
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            HealthReport readOnlyFile = console.health();

            for (HealthReport report : List.of(writable, readOnlyFile)) {
                assertThat(check(report, "writable").status()).isEqualTo(HealthStatus.UP);
                assertThat(check(report, "writable").detail())
                        .isEqualTo("the app opens the database read-only (its choice): "
                                + "its connections do not write, whatever the file's permissions");
                assertThat(report.database().orElseThrow().readOnly()).isTrue();
                assertThat(report.database().orElseThrow().openedReadOnly()).isTrue();
                assertThat(report.status()).isEqualTo(HealthStatus.UP);
            }
        }
    }

    @Test
    void readWriteConnectionsOnAFileTheAppCannotWriteAreDown() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "skipped: root writes a 0444 file anyway; run the build as an ordinary user");
        Path file = dir.resolve("locked.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build()) {
            HealthReport report = console.health();

            assertThat(check(report, "writable").status()).isEqualTo(HealthStatus.DOWN);
            assertThat(check(report, "writable").detail()).isEqualTo("the database is read-only for the app: "
                    + "writes fail; give the app's user write permission on the file and its directory");
            assertThat(report.database().orElseThrow().openedReadOnly()).isFalse();
        }
    }

    @Test
    void exhaustedHostPoolIsDownWithinTheBorrowTimeout() throws Exception {
        Path file = dir.resolve("busy-pool.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        HikariConfig config = new HikariConfig();
        config.setDataSource(TestDatabases.wellConfigured(file));
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(30_000);
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection heldByTheHost = pool.getConnection();
             SqliteConsole console = SqliteConsole.builder(pool).hostBorrowTimeout(Duration.ofMillis(300)).build()) {
            HealthReport first = console.health();
            HealthReport second = console.health();

            assertThat(first.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(check(first, "connection").detail()).contains("pool may be exhausted");
            assertThat(check(second, "connection").detail()).contains("pool may be exhausted");
            assertThat(heldByTheHost.isValid(1)).isTrue();
        }
    }

    @Test
    void poolThatKeepsRetryingAMissingFileIsReportedWithSqlitesReason() throws Exception {
        Path missing = dir.resolve("never-created.db");
        HikariConfig config = new HikariConfig();
        config.setDataSource(TestDatabases.existingOnly(missing));
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1500);
        try (HikariDataSource pool = new HikariDataSource(config);
             SqliteConsole console = SqliteConsole.builder(pool).hostBorrowTimeout(Duration.ofMillis(300)).build()) {
            HealthReport waiting = console.health();
            assertThat(check(waiting, "connection").detail()).contains("within 300 ms");
            // The pool gives up on the first borrow after its own 1500 ms; then the probe has SQLite's reason.
            HealthReport explained = await("the pool's reason reaches the probe").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(console::health, report -> check(report, "connection").detail().contains("cannot be opened"));
            assertThat(explained.status()).isEqualTo(HealthStatus.DOWN);
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void pathsWithUriCharactersAndUnicodeAreOpenedAsFileNames() throws Exception {
        Path odd = Files.createDirectories(dir.resolve("ñ表 dir#1"));
        Path file = odd.resolve("what?is=this%20.db");
        SQLiteDataSource dataSource = new SQLiteDataSource(new SQLiteConfig());
        dataSource.setUrl("jdbc:sqlite:" + file.toString().replace("?", "%3F").replace("#", "%23")
                .replace("%20", "%2520").replace(" ", "%20").replaceFirst("^", "file:"));
        TestDatabases.seedInventory(dataSource);
        assertThat(file).exists();

        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            HealthReport report = console.health();

            assertThat(check(report, "database_file").status()).isEqualTo(HealthStatus.UP);
            assertThat(report.database().orElseThrow().path()).isEqualTo(file.toString());
            assertThat(report.database().orElseThrow().file().tables()).isEqualTo(2);
        }
    }

    private static long pragma(SQLiteDataSource dataSource, String name) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
