package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.OrphanResult;
import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class OrphanScanTest {

    @TempDir
    Path dir;

    private SQLiteDataSource seeded() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("orphans.db"));
        execute(dataSource, "PRAGMA foreign_keys = OFF",
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE category (id INTEGER PRIMARY KEY, parent_id INT)",
                "CREATE TABLE purchase_orders (id INTEGER PRIMARY KEY)",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INT, assigned_po_id INT, legacy_id INT, "
                        + "category_id INT REFERENCES category(id))",
                "INSERT INTO customers VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO category VALUES (1, NULL), (2, 1), (3, 9)",
                "INSERT INTO purchase_orders VALUES (10), (11)",
                "INSERT INTO orders VALUES (1, 1, 10, 5, 1), (2, 3, 12, 6, 2), (3, NULL, 13, 7, 8), (4, 4, NULL, NULL, NULL)");
        return dataSource;
    }

    @Test
    void findsDeclaredInferredAndConfiguredOrphansAndNeverGuesses() throws Exception {
        SQLiteDataSource dataSource = seeded();
        try (Connection connection = dataSource.getConnection()) {
            List<OrphanResult> results = new OrphanScan(List.of(Relation.parse("orders.assigned_po_id -> purchase_orders.id")))
                    .run(connection, new NoJob());

            assertThat(find(results, "orders", "customer_id")).satisfies(r -> {
                assertThat(r.origin()).isEqualTo("inferred");
                assertThat(r.parent()).isEqualTo("customers");
                assertThat(r.orphans()).isEqualTo(2);
                assertThat(r.sampleRowids()).containsExactly(2L, 4L);
                assertThat(r.deleteSql()).startsWith("DELETE FROM \"orders\"");
                assertThat(r.setNullSql()).contains("SET \"customer_id\" = NULL");
            });
            assertThat(find(results, "category", "parent_id")).satisfies(r -> {
                assertThat(r.parent()).isEqualTo("category");
                assertThat(r.orphans()).isEqualTo(1);
            });
            assertThat(find(results, "orders", "category_id")).satisfies(r -> {
                assertThat(r.declared()).isTrue();
                assertThat(r.orphans()).isEqualTo(1);
            });
            assertThat(find(results, "orders", "assigned_po_id")).satisfies(r -> {
                assertThat(r.origin()).isEqualTo("configured");
                assertThat(r.orphans()).isEqualTo(2);
            });
            assertThat(results).as("a *_id column that names no table is no relationship")
                    .noneMatch(r -> r.childColumns().equals(List.of("legacy_id")));
        }
    }

    /** Issue 13, as on Chromium's History: id columns naming no table, 0 meaning "none", NOT NULL keys. */
    /** The orphan scan's declared keys say what the foreign-key check and SQLite's pragma say. */
    @Test
    void aMissingParentTableCountsAndSamplesWhatThePragmaReports() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("ghost.db"));
        execute(dataSource, "PRAGMA foreign_keys = OFF",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, ghost_id INT REFERENCES ghost(id))",
                "INSERT INTO child VALUES (1, NULL), (2, NULL), (3, 5)");
        try (Connection connection = dataSource.getConnection()) {
            List<Long> pragma = ForeignKeyCheckTest.pragmaRowids(connection, "child");
            assertThat(pragma).as("SQLite's own rows").containsExactly(3L);

            assertThat(new OrphanScan(List.of()).run(connection, new NoJob()))
                    .filteredOn(r -> r.origin().equals("declared")).singleElement().satisfies(r -> {
                        assertThat(r.orphans()).isEqualTo(pragma.size());
                        assertThat(r.sampleRowids()).isEqualTo(pragma);
                        assertThat(r.error()).contains("ghost does not exist");
                        assertThat(r.deleteSql()).isNull();
                    });
        }
    }

    @Test
    void noiseIsLeftOutAndASentinelValueIsNamedAndNotNullColumnsAreNeverCleared() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("history.db"));
        execute(dataSource,
                "CREATE TABLE visited_links (id INTEGER PRIMARY KEY, url TEXT)",
                "CREATE TABLE visits (id INTEGER PRIMARY KEY, visited_link_id INTEGER NOT NULL, journey_id INT, app_id INT, "
                        + "keyword_id INT, task_id INT)",
                "INSERT INTO visited_links VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO visits VALUES (1, 0, 5, 6, 7, 8), (2, 0, 5, 6, 7, 8), (3, 0, 5, 6, 7, 8), (4, 1, 5, 6, 7, 8), "
                        + "(5, 9, 5, 6, 7, 8)");
        try (Connection connection = dataSource.getConnection()) {
            List<OrphanResult> results = new OrphanScan(List.of()).run(connection, new NoJob());

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.childColumns()).containsExactly("visited_link_id");
                assertThat(r.orphans()).isEqualTo(count(connection,
                        "SELECT count(*) FROM visits WHERE visited_link_id NOT IN (SELECT id FROM visited_links)"));
                assertThat(r.note()).startsWith("3 of these 4 rows have visited_link_id = 0").contains("\"none\"");
                assertThat(r.setNullSql()).as("visited_link_id is NOT NULL").isNull();
                assertThat(r.deleteSql()).isNotNull();
                assertThat(r.error()).isNull();
            });
        }
        assertThat(Relation.parentCandidates("journey")).containsExactly("journey", "journeys");
        assertThat(Relation.parentCandidates("category")).containsExactly("category", "categories");
        assertThat(Relation.parentCandidates("app")).containsExactly("app", "apps");
        assertThat(Relation.parentCandidates("box")).containsExactly("box", "boxes");
        assertThat(Relation.parentCandidates("task")).containsExactly("task", "tasks");
    }

    @Test
    void suggestedFixesDoWhatTheySayWhenAPersonRunsThem() throws Exception {
        SQLiteDataSource dataSource = seeded();
        try (Connection connection = dataSource.getConnection()) {
            OrphanResult customers = find(new OrphanScan(List.of()).run(connection, new NoJob()), "orders", "customer_id");
            assertThat(count(connection, "SELECT count(*) FROM orders")).as("the scan changed nothing").isEqualTo(4);
            connection.createStatement().execute(customers.setNullSql());
            assertThat(count(connection, "SELECT count(*) FROM orders WHERE customer_id IS NULL")).isEqualTo(3);
            assertThat(find(new OrphanScan(List.of()).run(connection, new NoJob()), "orders", "customer_id").orphans()).isZero();
        }
    }

    @Test
    void badConfiguredRelationsAreRejectedPlainly() throws Exception {
        assertThatThrownBy(() -> Relation.parse("orders.assigned_po_id purchase_orders.id"))
                .hasMessageContaining("child.column -> parent.column");
        SQLiteDataSource dataSource = seeded();
        try (Connection connection = dataSource.getConnection()) {
            List<OrphanResult> results = new OrphanScan(List.of(Relation.parse("orders.nope_id -> purchase_orders.id")))
                    .run(connection, new NoJob());
            assertThat(find(results, "orders", "nope_id").error()).contains("column nope_id does not exist in orders");
        }
    }

    @Test
    void relationNamingAMissingColumnIsRejectedWhenTheConsoleIsBuilt() throws Exception {
        SQLiteDataSource dataSource = seeded();
        assertThatThrownBy(() -> io.github.sqliteconsole.core.SqliteConsole.builder(dataSource)
                .relations("orders.assigned_po_id -> purchase_orders.number").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column number does not exist in purchase_orders");
        io.github.sqliteconsole.core.SqliteConsole.builder(TestDatabases.existingOnly(dir.resolve("not-yet.db")))
                .hostBorrowTimeout(java.time.Duration.ofMillis(200))
                .relations("orders.assigned_po_id -> purchase_orders.id").build().close();
    }

    /**
     * A chain of 300 tables, each pointing at the one before it: every other link declared, the
     * rest a {@code t<n>_id} column to infer, an orphan in every tenth table. The scan reads the
     * schema once for all of them; the findings are those of each table alone.
     */
    @Test
    void manyTablesGiveEachRelationItsOwnExactFindings() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("many.db"));
        int tables = 300;
        List<String> statements = new java.util.ArrayList<>(List.of("PRAGMA foreign_keys = OFF",
                "CREATE TABLE t0 (id INTEGER PRIMARY KEY)", "INSERT INTO t0 VALUES (1), (2)"));
        for (int i = 1; i < tables; i++) {
            String link = i % 2 == 0 ? "up INT REFERENCES t" + (i - 1) + "(id)" : "t" + (i - 1) + "_id INT";
            statements.add("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, " + link + ")");
            statements.add("INSERT INTO t" + i + " VALUES (1, 1), (2, " + (i % 10 == 0 ? 99 : 2) + "), (3, NULL)");
        }
        execute(dataSource, statements.toArray(String[]::new));
        try (Connection connection = dataSource.getConnection()) {
            NoJob job = new NoJob();
            List<OrphanResult> results = new OrphanScan(List.of()).run(connection, job);

            assertThat(results).hasSize(tables - 1);
            for (int i = 1; i < tables; i++) {
                String column = i % 2 == 0 ? "up" : "t" + (i - 1) + "_id";
                int table = i;
                assertThat(find(results, "t" + i, column)).as("t" + i).satisfies(r -> {
                    assertThat(r.origin()).isEqualTo(table % 2 == 0 ? "declared" : "inferred");
                    assertThat(r.parent()).isEqualTo("t" + (table - 1));
                    assertThat(r.parentColumns()).containsExactly("id");
                    assertThat(r.error()).isNull();
                    assertThat(r.orphans()).isEqualTo(table % 10 == 0 ? 1 : 0);
                    assertThat(r.sampleRowids()).isEqualTo(table % 10 == 0 ? List.of(2L) : List.of());
                });
            }
            assertThat(job.messages).hasSize(tables + 1);
            assertThat(job.messages.get(0)).isEqualTo("scanning t0 (1 of 300)");
            assertThat(job.messages.get(tables)).isEqualTo("scanning configured relations");
        }
    }

    private static OrphanResult find(List<OrphanResult> results, String child, String column) {
        return results.stream().filter(r -> r.child().equals(child) && r.childColumns().equals(List.of(column)))
                .findFirst().orElseThrow(() -> new AssertionError("no relation " + child + "." + column + " in " + results));
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
