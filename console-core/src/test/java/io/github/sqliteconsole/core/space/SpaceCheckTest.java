package io.github.sqliteconsole.core.space;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SpaceCheckTest {

    @TempDir
    Path dir;

    private SQLiteDataSource everyKindOfTable() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("kinds.db"));
        String rows = TestDatabases.series(3000);
        execute(dataSource,
                "CREATE TABLE plain (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT UNIQUE, n INT)",
                "CREATE INDEX plain_n ON plain(n) WHERE n > 10",
                "CREATE TABLE keyed (a TEXT, b INT, c BLOB, PRIMARY KEY (a, b)) WITHOUT ROWID",
                "CREATE TABLE strict_one (x INTEGER, y TEXT) STRICT",
                "CREATE TABLE generated (w REAL, h REAL, area REAL GENERATED ALWAYS AS (w * h) STORED, "
                        + "perimeter REAL AS (2 * (w + h)) VIRTUAL)",
                "CREATE VIRTUAL TABLE docs USING fts5(title, body)",
                "CREATE VIRTUAL TABLE boxes USING rtree(id, min_x, max_x)",
                "CREATE TABLE \"we\"\"ird <b>.name\" (v)",
                rows + " INSERT INTO plain(body, n) SELECT printf('%.300c', char(65 + n % 26)) || n, n % 50 FROM n",
                rows + " INSERT INTO keyed SELECT 'k' || (n % 100), n, randomblob(n % 5000) FROM n",
                rows + " INSERT INTO strict_one SELECT n, 'v' || n FROM n",
                rows + " INSERT INTO generated(w, h) SELECT n, n / 2.0 FROM n",
                rows + " INSERT INTO docs SELECT 'title ' || n, 'body words ' || n FROM n",
                rows + " INSERT INTO boxes SELECT n, n, n + 1 FROM n",
                "INSERT INTO \"we\"\"ird <b>.name\" VALUES (1), (2)",
                "ANALYZE");
        return dataSource;
    }

    @Test
    void bytesMatchDbstatAndRowsMatchCountForEveryKindOfTable() throws Exception {
        SQLiteDataSource dataSource = everyKindOfTable();
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             Connection oracle = dataSource.getConnection()) {
            SpaceReport report = console.space().report(Duration.ofSeconds(30));

            assertThat(report.sizesKnown()).isTrue();
            assertThat(report.tables()).extracting(TableSpace::name).contains("plain", "keyed", "strict_one",
                    "generated", "docs", "boxes", "we\"ird <b>.name", "sqlite_sequence", "sqlite_stat1", "sqlite_schema")
                    .doesNotContain("docs_data", "boxes_node");
            for (TableSpace table : report.tables()) {
                List<String> btrees = new java.util.ArrayList<>(table.shadowTables());
                btrees.add(table.name());
                assertThat(table.tableBytes()).as(table.name()).isEqualTo(dbstatBytes(oracle, btrees));
                assertThat(table.overflowPages()).as(table.name() + " overflow pages")
                        .isEqualTo(dbstatSum(oracle, btrees, "pagetype = 'overflow'"));
                assertThat(table.indexBytes()).as(table.name() + " indexes")
                        .isEqualTo(dbstatBytes(oracle, table.indexes().stream().map(IndexSpace::name).toList()));
                assertThat(table.rowsExact()).as(table.name()).isTrue();
                assertThat(table.rows()).as(table.name()).isEqualTo(count(oracle, table.name()));
            }
            TableSpace docs = report.table("docs").orElseThrow();
            assertThat(docs.type()).isEqualTo("virtual");
            assertThat(docs.shadowTables()).contains("docs_data", "docs_idx", "docs_content");
            assertThat(report.table("keyed").orElseThrow().withoutRowid()).isTrue();
            assertThat(report.table("keyed").orElseThrow().overflowPages()).as("blobs up to 5,000 bytes overflow").isPositive();
            assertThat(report.table("strict_one").orElseThrow().overflowPages()).isZero();
            assertThat(report.table("strict_one").orElseThrow().strict()).isTrue();
            assertThat(report.table("sqlite_sequence").orElseThrow().type()).isEqualTo("internal");
            assertThat(report.table("plain").orElseThrow().indexes()).extracting(IndexSpace::name)
                    .containsExactlyInAnyOrder("plain_n", "sqlite_autoindex_plain_1");
            assertThat(report.tables().get(0).totalBytes()).as("largest first")
                    .isGreaterThanOrEqualTo(report.tables().get(1).totalBytes());
            assertThat(report.tables().stream().mapToLong(TableSpace::totalBytes).sum() + report.freelistBytes())
                    .as("every page of the file is accounted for").isEqualTo(report.pagesBytes());
        }
    }

    @Test
    void rowsComeExactFromTheDbstatScanEvenWithoutACountBudgetExceptForVirtualTables() throws Exception {
        SQLiteDataSource dataSource = everyKindOfTable();
        execute(dataSource, "CREATE TABLE emptied (v)", "INSERT INTO emptied VALUES (1), (2)", "DELETE FROM emptied");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             Connection oracle = dataSource.getConnection()) {
            SpaceReport report = console.space().report(Duration.ZERO);

            for (TableSpace table : report.tables()) {
                if (table.type().equals("virtual")) {
                    assertThat(table.rowsExact()).as(table.name() + ": its rows live in its module").isFalse();
                } else {
                    assertThat(table.rowsExact()).as(table.name()).isTrue();
                    assertThat(table.rows()).as(table.name()).isEqualTo(count(oracle, table.name()));
                }
            }
            assertThat(report.table("keyed").orElseThrow().rows()).as("WITHOUT ROWID: cells on every page").isEqualTo(3000);
            assertThat(report.table("emptied").orElseThrow().rows()).isZero();
        }
    }

    @Test
    void pastTheBudgetCountsAreEstimatedAndSaySo() throws Exception {
        SQLiteDataSource dataSource = everyKindOfTable();
        execute(dataSource, "CREATE TABLE unanalyzed (v)", "INSERT INTO unanalyzed VALUES (1), (2), (3)");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             Connection own = dataSource.getConnection()) {
            // The estimates serve virtual tables, and every table where SQLite lacks dbstat.
            List<TableSpace> estimated = new RowCounter(own).count(console.space().report().tables(), Duration.ZERO);

            assertThat(estimated).allSatisfy(table -> assertThat(table.rowsExact()).isFalse());
            Map<String, Long> rows = estimated.stream().collect(Collectors.toMap(TableSpace::name, TableSpace::rows));
            assertThat(rows.get("plain")).as("from sqlite_stat1").isEqualTo(3000);
            assertThat(rows.get("unanalyzed")).as("from max(rowid)").isEqualTo(3);
            assertThat(rows.get("keyed")).as("WITHOUT ROWID, from sqlite_stat1").isEqualTo(3000);
        }
    }

    @Test
    void thousandsOfTablesAreMeasuredInOneDbstatScan() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("many.db"));
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 2000; i++) {
                statement.execute("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, v TEXT)");
                statement.execute("CREATE INDEX t" + i + "_v ON t" + i + "(v)");
            }
            connection.commit();
        }
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            SpaceReport report = console.space().report(Duration.ZERO);

            assertThat(report.tables()).hasSize(2000 + 1);
            assertThat(report.tables()).filteredOn(t -> t.name().startsWith("t"))
                    .allSatisfy(t -> assertThat(t.indexes()).singleElement().satisfies(i -> assertThat(i.bytes()).isPositive()));
        }
    }

    @Test
    void sizeSnapshotsGoToTheConsolesOwnStateFile() throws Exception {
        Path file = dir.resolve("app.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            assertThat(console.space().recordIfDue()).isTrue();
            assertThat(console.space().recordIfDue()).as("at most once an hour").isFalse();

            assertThat(console.space().history().stateFile()).isEqualTo(dir.resolve("app.db.sqlite-console"));
            assertThat(Files.size(console.space().history().stateFile())).isPositive();
            assertThat(console.space().history().lastDays(7).get("purchase_order")).singleElement()
                    .satisfies(point -> assertThat(point.rows()).isEqualTo(5000));
        }
        assertThat(tableNames(dataSource)).as("the host database is untouched").doesNotContain("size_snapshot");
    }

    private static List<String> tableNames(SQLiteDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT name FROM sqlite_schema");
             ResultSet rows = statement.executeQuery()) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static long dbstatBytes(Connection oracle, List<String> btrees) throws Exception {
        return dbstatSum(oracle, btrees, "pgsize");
    }

    /** The oracle: dbstat asked page by page, one b-tree at a time. */
    private static long dbstatSum(Connection oracle, List<String> btrees, String perPage) throws Exception {
        long total = 0;
        for (String name : btrees) {
            try (PreparedStatement statement = oracle.prepareStatement(
                    "SELECT coalesce(sum(" + perPage + "), 0) FROM dbstat WHERE name = ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    total += rows.getLong(1);
                }
            }
        }
        return total;
    }

    private static long count(Connection oracle, String table) throws Exception {
        try (PreparedStatement statement = oracle.prepareStatement(
                "SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
