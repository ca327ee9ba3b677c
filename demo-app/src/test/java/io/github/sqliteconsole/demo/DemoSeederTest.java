package io.github.sqliteconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.health.HealthStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeederTest {

    @TempDir
    Path dir;

    @Test
    void seedsAnInventoryWithBrokenDeclaredAndUndeclaredRelations() throws Exception {
        Path file = dir.resolve("inventory.db");
        assertThat(new DemoSeeder().seedIfMissing(file)).isTrue();

        try (HikariDataSource pool = new DemoDatabase(file, true).openPool();
             Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(count(sql, "SELECT count(*) FROM purchase_order_lines"))
                    .isEqualTo(DemoSeeder.PURCHASE_ORDERS * DemoSeeder.LINES_PER_ORDER + DemoSeeder.ORPHANS);
            assertThat(count(sql, "SELECT count(*) FROM bags")).isEqualTo(DemoSeeder.BAGS + DemoSeeder.ORPHANS);
            assertThat(count(sql, "SELECT count(*) FROM pragma_foreign_key_check('purchase_order_lines')"))
                    .isEqualTo(DemoSeeder.ORPHANS);
            assertThat(count(sql, "SELECT count(*) FROM pragma_foreign_key_check('bags')")).isEqualTo(DemoSeeder.ORPHANS);
            assertThat(count(sql, "SELECT count(*) FROM shipments WHERE assigned_po_id NOT IN (SELECT id FROM purchase_orders)"))
                    .isEqualTo(DemoSeeder.SHIPMENTS / 200);
            assertThat(count(sql, "SELECT count(*) FROM boxes WHERE employee_id NOT IN (SELECT id FROM employees)"))
                    .isEqualTo(DemoSeeder.BOXES / 1000);
            assertThat(count(sql, "PRAGMA foreign_keys")).as("the host's pool enforces foreign keys").isEqualTo(1);
            assertThat(count(sql, "PRAGMA user_version")).isEqualTo(12);
            assertThat(count(sql, "SELECT count(*) FROM sqlite_stat1")).as("ANALYZE ran").isPositive();
        }
    }

    @Test
    void existingFileIsNeverSeededAgain() throws Exception {
        Path file = dir.resolve("inventory.db");
        new DemoSeeder().seedIfMissing(file);
        long size = Files.size(file);
        assertThat(new DemoSeeder().seedIfMissing(file)).isFalse();
        assertThat(Files.size(file)).isEqualTo(size);
    }

    /** The README's {@code -Ddemo.db}: someone's file, opened read-only on purpose, is not a fault of the setup. */
    @Test
    void demoOverSomeonesFileOpenedReadOnlyReportsItWritableCheckUp() throws Exception {
        Path theirs = dir.resolve("their.db");
        new DemoSeeder().seedIfMissing(theirs);
        try (HikariDataSource pool = new DemoDatabase(theirs, false).openPool();
             SqliteConsole console = SqliteConsole.builder(pool).build()) {
            HealthReport report = console.health();

            assertThat(report.checks()).filteredOn(check -> check.name().equals("writable"))
                    .singleElement().satisfies(check -> {
                        assertThat(check.status()).isEqualTo(HealthStatus.UP);
                        assertThat(check.detail()).startsWith("the app opens the database read-only (its choice)");
                    });
            assertThat(report.problems()).isEmpty();
        }
    }

    @Test
    void demoOverAMissingUserFileStartsAndReportsDownWithoutCreatingIt() {
        Path missing = dir.resolve("their.db");
        try (HikariDataSource pool = new DemoDatabase(missing, false).openPool();
             SqliteConsole console = SqliteConsole.builder(pool).build()) {
            HealthReport report = console.health();

            assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(report.problems().get(0).detail()).contains("cannot be opened");
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void seededDemoIsHealthyButForItsPlannedProblems() throws Exception {
        Path file = dir.resolve("inventory.db");
        new DemoSeeder().seedIfMissing(file);
        try (HikariDataSource pool = new DemoDatabase(file, true).openPool();
             SqliteConsole console = SqliteConsole.builder(pool).build()) {
            HealthReport report = console.health();

            assertThat(report.problems()).isEmpty();
            assertThat(report.database().orElseThrow().file().tables()).isEqualTo(8);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
