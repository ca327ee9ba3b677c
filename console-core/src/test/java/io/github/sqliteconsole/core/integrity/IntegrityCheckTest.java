package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.IntegrityReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class IntegrityCheckTest {

    @TempDir
    Path dir;

    @Test
    void healthyDatabasePassesTableByTableWithProgress() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("ok.db"));
        TestDatabases.seedInventory(dataSource);
        TestDatabases.execute(dataSource, "CREATE VIRTUAL TABLE docs USING fts5(body)", "INSERT INTO docs VALUES ('x')");
        try (Connection connection = dataSource.getConnection()) {
            NoJob job = new NoJob();
            IntegrityReport report = new IntegrityCheck(false, 100).run(connection, job);

            assertThat(report.errors()).isEmpty();
            assertThat(job.messages).anySatisfy(m -> assertThat(m).startsWith("checking purchase_order ("))
                    .last().asString().contains("every page");
        }
    }

    @Test
    void damagedPageIsReportedByBothChecks() throws Exception {
        Path file = dir.resolve("bad.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        TestDatabases.seedInventory(dataSource);
        TestDatabases.corruptMiddlePage(dataSource, file);
        try (Connection connection = TestDatabases.existingOnly(file).getConnection()) {
            assertThat(new IntegrityCheck(true, 100).run(connection, new NoJob()).ok()).isFalse();
            IntegrityReport all = new IntegrityCheck(false, 100).run(connection, new NoJob());
            assertThat(all.ok()).isFalse();
            assertThat(all.truncated()).isFalse();
            IntegrityReport two = new IntegrityCheck(false, 2).run(connection, new NoJob());
            assertThat(two.errors()).as("the first problems, in order, up to maxErrors")
                    .isEqualTo(all.errors().subList(0, Math.min(2, all.errors().size())));
            assertThat(two.truncated()).as("truncated exactly when there were more").isEqualTo(all.errors().size() > 2);
        }
    }

    @Test
    void cancelStopsTheCheck() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("big.db"));
        TestDatabases.execute(dataSource, "CREATE TABLE t (v)",
                "INSERT INTO t " + TestDatabases.series(200_000) + " SELECT randomblob(100) FROM n");
        try (Connection connection = dataSource.getConnection()) {
            NoJob cancelled = new NoJob() {
                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IntegrityCheck(false, 10).run(connection, cancelled))
                    .isInstanceOf(java.sql.SQLException.class)
                    .satisfies(e -> assertThat(io.github.sqliteconsole.core.sql.SqliteErrors.isInterrupted((java.sql.SQLException) e)).isTrue());
        }
    }
}
