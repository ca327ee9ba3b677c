package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.JobContext;

import io.github.sqliteconsole.core.job.IntegrityReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class IntegrityCheckTest {

    @TempDir
    Path dir;

    @Test
    void healthyDatabasePassesTableByTableWithProgress() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(dir.resolve("ok.db"));
        TestDatabases.execute(dataSource, "CREATE VIRTUAL TABLE docs USING fts5(body)", "INSERT INTO docs VALUES ('x')");
        try (Connection connection = dataSource.getConnection()) {
            NoJob job = new NoJob();
            IntegrityReport report = new IntegrityCheck(false, 100).run(connection, job);

            assertThat(report.errors()).isEmpty();
            assertThat(job.messages).anySatisfy(m -> assertThat(m).startsWith("checking purchase_order ("))
                    .last().asString().contains("every page");
        }
    }

    /** Issue 13: on a database that is nearly all one table, both checks move while inside it. */
    @Test
    void progressMovesInsideATableThatHoldsNearlyEverything() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("one-big-table.db"));
        TestDatabases.execute(dataSource,
                "CREATE TABLE tiny (id INTEGER PRIMARY KEY)",
                "CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, body TEXT)",
                "CREATE INDEX events_kind ON events(kind)",
                "INSERT INTO events (kind, body) SELECT 'k' || (value % 50), printf('%.200c', 'x') FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 60000) SELECT value FROM n)");
        for (boolean quick : new boolean[] {true, false}) {
            List<Double> inside = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            JobContext recording = new JobContext() {
                @Override
                public void progress(double fraction, String message) {
                    messages.add(message);
                    if (message.startsWith("checking events") && message.contains("estimated")) {
                        inside.add(fraction);
                    }
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            };
            try (Connection connection = dataSource.getConnection()) {
                assertThat(new IntegrityCheck(quick, 100).run(connection, recording).errors()).isEmpty();
            }
            assertThat(inside).as("quick=" + quick + ": progress inside events; all messages: " + messages).isNotEmpty()
                    .allSatisfy(fraction -> assertThat(fraction).isStrictlyBetween(0.0, 0.99)).isSorted();
        }
    }

    /**
     * Every b-tree kind counted (FTS5 shadow tables, WITHOUT ROWID, automatic and partial indexes,
     * statistics, overflow pages): a sound file has no page unaccounted for; a table removed
     * from the schema behind SQLite's back leaves exactly its pages in no b-tree, which checking
     * the remaining tables one by one cannot see.
     */
    @Test
    void pageAccountingCountsEveryBtreeAndFindsLeakedPages() throws Exception {
        Path file = dir.resolve("leaky.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        TestDatabases.execute(dataSource, "CREATE VIRTUAL TABLE docs USING fts5(body)",
                "INSERT INTO docs " + TestDatabases.series(500) + " SELECT printf('word%d other', n) FROM n",
                "CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID",
                "INSERT INTO kv " + TestDatabases.series(300) + " SELECT 'k' || n, randomblob(9000) FROM n",
                "CREATE TABLE tagged (id INTEGER PRIMARY KEY, tag TEXT UNIQUE, size INT)",
                "CREATE INDEX tagged_big ON tagged(size) WHERE size > 10",
                "INSERT INTO tagged " + TestDatabases.series(2000) + " SELECT n, 'tag' || n, n % 20 FROM n",
                "ANALYZE",
                "CREATE TABLE doomed (v)", "INSERT INTO doomed " + TestDatabases.series(3000) + " SELECT randomblob(200) FROM n");
        for (boolean quick : List.of(true, false)) {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(new IntegrityCheck(quick, 100).run(connection, new NoJob()).errors()).as("quick " + quick).isEmpty();
            }
        }
        long doomedPages;
        long pageCount;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            doomedPages = longValue(sql, "SELECT pageno FROM dbstat WHERE name = 'doomed' AND aggregate = TRUE");
            sql.execute("PRAGMA writable_schema = ON");
            sql.execute("DELETE FROM sqlite_schema WHERE name = 'doomed'");
            sql.execute("PRAGMA writable_schema = OFF");
            pageCount = longValue(sql, "PRAGMA page_count");
        }
        for (boolean quick : List.of(true, false)) {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(new IntegrityCheck(quick, 100).run(connection, new NoJob()).errors()).as("quick " + quick)
                        .containsExactly("page accounting: " + doomedPages + " of " + pageCount
                                + " pages are in no table, index or freelist");
            }
        }
        assertThat(doomedPages).isGreaterThan(10);
    }

    private static long longValue(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void damagedPageIsReportedByBothChecks() throws Exception {
        Path file = dir.resolve("bad.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
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
