package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.ForeignKeyResult;
import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class ForeignKeyCheckTest {

    @TempDir
    Path dir;

    /** Every violation shape SQLite's own check knows, seeded with foreign keys off. */
    private SQLiteDataSource seeded() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("fk.db"));
        execute(dataSource,
                "PRAGMA foreign_keys = OFF",
                "CREATE TABLE customer (id INTEGER PRIMARY KEY, code TEXT COLLATE NOCASE UNIQUE, region TEXT, nr INT, "
                        + "UNIQUE (region, nr))",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INT REFERENCES customer(id), "
                        + "customer_code TEXT REFERENCES customer(code), region TEXT, nr INT, "
                        + "FOREIGN KEY (region, nr) REFERENCES customer(region, nr))",
                "CREATE TABLE text_keys (k TEXT PRIMARY KEY) WITHOUT ROWID",
                "CREATE TABLE refs_text (id INTEGER PRIMARY KEY, k INTEGER REFERENCES text_keys(k))",
                "CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INT REFERENCES node(id))",
                "CREATE TABLE line (order_id INT REFERENCES orders, no INT, PRIMARY KEY (order_id, no)) WITHOUT ROWID",
                "CREATE TABLE broken (id INTEGER PRIMARY KEY, x INT REFERENCES customer(region))",
                "CREATE TABLE ghost_ref (id INTEGER PRIMARY KEY, g INT REFERENCES ghost(id))",
                "INSERT INTO customer VALUES (1, 'AbC', 'eu', 1), (2, 'x', 'us', 7)",
                "INSERT INTO orders VALUES (1, 1, 'abc', 'eu', 1)",          // NOCASE parent: fine
                "INSERT INTO orders VALUES (2, '1', 'ABC', 'eu', NULL)",     // '1' finds 1; NULL in composite: fine
                "INSERT INTO orders VALUES (3, 99, 'nope', 'eu', 2)",        // three violations
                "INSERT INTO orders VALUES (4, NULL, NULL, NULL, NULL)",     // nothing referenced
                "INSERT INTO orders VALUES (5, 1.0, 'x', 'us', '7')",        // 1.0 finds 1, '7' finds 7
                "INSERT INTO text_keys VALUES ('5'), ('05')",
                "INSERT INTO refs_text VALUES (1, 5), (2, 6)",               // INTEGER 5 finds TEXT '5'; 6 missing
                "INSERT INTO node VALUES (1, NULL), (2, 1), (3, 42)",        // self reference, one orphan
                "INSERT INTO line VALUES (1, 1), (77, 1), (78, 2)",          // WITHOUT ROWID child, implicit parent key
                "INSERT INTO broken VALUES (1, 1)",
                "INSERT INTO ghost_ref VALUES (1, 1)");
        return dataSource;
    }

    @Test
    void countsEqualSqlitesOwnCheckForEveryShape() throws Exception {
        SQLiteDataSource dataSource = seeded();
        try (Connection connection = dataSource.getConnection()) {
            List<ForeignKeyResult> results = new ForeignKeyCheck().run(connection, new NoJob());
            Map<String, Long> ours = new HashMap<>();
            for (ForeignKeyResult result : results) {
                if (result.error() == null) {
                    ours.merge(result.table() + "->" + result.parent() + result.columns(), result.violations(), Long::sum);
                }
            }
            for (String table : List.of("orders", "refs_text", "node", "line")) {
                Map<String, Long> pragma = pragmaCounts(connection, table, results);
                pragma.forEach((key, count) -> assertThat(ours.get(key)).as(key).isEqualTo(count));
            }
            assertThat(ours.get("orders->customer[customer_id]")).isEqualTo(1);
            assertThat(ours.get("orders->customer[customer_code]")).isEqualTo(1);
            assertThat(ours.get("orders->customer[region, nr]")).isEqualTo(1);
            assertThat(ours.get("refs_text->text_keys[k]")).isEqualTo(1);
            assertThat(ours.get("node->node[parent_id]")).isEqualTo(1);
            assertThat(ours.get("line->orders[order_id]")).isEqualTo(2);
        }
    }

    @Test
    void mismatchedAndMissingParentsAreReportedPerKeyWithoutAbortingTheRest() throws Exception {
        SQLiteDataSource dataSource = seeded();
        try (Connection connection = dataSource.getConnection()) {
            List<ForeignKeyResult> results = new ForeignKeyCheck().run(connection, new NoJob());

            assertThat(results).filteredOn(r -> r.table().equals("broken")).singleElement()
                    .satisfies(r -> assertThat(r.error()).contains("foreign key mismatch"));
            assertThat(results).filteredOn(r -> r.table().equals("ghost_ref")).singleElement()
                    .satisfies(r -> assertThat(r.error()).contains("ghost does not exist"));
            assertThat(results).filteredOn(r -> r.error() == null).hasSize(6);
            assertThat(results).filteredOn(r -> r.table().equals("node")).singleElement()
                    .satisfies(r -> assertThat(r.sampleRowids()).containsExactly(3L));
        }
    }

    @Test
    void aMissingParentTableSamplesTheRowsThePragmaLists() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("ghost.db"));
        execute(dataSource, "PRAGMA foreign_keys = OFF",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, ghost_id INT REFERENCES ghost(id))",
                "INSERT INTO child VALUES (1, NULL), (2, NULL), (3, 5)");
        try (Connection connection = dataSource.getConnection()) {
            List<Long> pragma = pragmaRowids(connection, "child");
            assertThat(pragma).as("SQLite's own rows").containsExactly(3L);

            assertThat(new ForeignKeyCheck().run(connection, new NoJob())).singleElement().satisfies(r -> {
                assertThat(r.violations()).isEqualTo(pragma.size());
                assertThat(r.sampleRowids()).isEqualTo(pragma);
                assertThat(r.error()).contains("ghost does not exist");
            });
        }
    }

    /** The rowids {@code PRAGMA foreign_key_check(table)} lists, in its order. */
    static List<Long> pragmaRowids(Connection connection, String table) throws Exception {
        List<Long> rowids = new java.util.ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("PRAGMA foreign_key_check(" + table + ")")) {
            while (rows.next()) {
                rowids.add(rows.getLong(2));
            }
        }
        return rowids;
    }

    /** Issue 13: a missing parent table counted 0 though SQLite's check counts every non-NULL key. */
    @Test
    void aMissingParentTableCountsWhatThePragmaCountsAndAViewParentIsNamedAsAView() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("missing-parent.db"));
        execute(dataSource, "PRAGMA foreign_keys = OFF",
                "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INT REFERENCES nosuchparent(id))",
                "INSERT INTO c VALUES (1, 1), (2, NULL), (3, 7)",
                "CREATE TABLE p (id INTEGER PRIMARY KEY)",
                "CREATE VIEW pv AS SELECT id FROM p",
                "CREATE TABLE d (id INTEGER PRIMARY KEY, pid INT REFERENCES pv(id))",
                "INSERT INTO d VALUES (1, 1)");
        try (Connection connection = dataSource.getConnection()) {
            long pragma = pragmaRows(connection, "c");
            assertThat(pragma).as("SQLite's own count").isEqualTo(2);
            assertThatThrownBy(() -> connection.prepareStatement("PRAGMA foreign_key_check(d)").executeQuery())
                    .as("SQLite's own verdict").hasMessageContaining("foreign key mismatch");

            List<ForeignKeyResult> results = new ForeignKeyCheck().run(connection, new NoJob());

            assertThat(results).filteredOn(r -> r.table().equals("c")).singleElement().satisfies(r -> {
                assertThat(r.violations()).isEqualTo(pragma);
                assertThat(r.error()).contains("nosuchparent does not exist");
            });
            assertThat(results).filteredOn(r -> r.table().equals("d")).singleElement().satisfies(r -> {
                assertThat(r.violations()).isZero();
                assertThat(r.error()).contains("foreign key mismatch").contains("pv is a view").doesNotContain("does not exist");
            });
        }
    }

    /**
     * SQLite accepts a UNIQUE index as a parent key only when it is not partial and uses the
     * columns' own collations; otherwise it is a "foreign key mismatch" though its columns are right.
     */
    @Test
    void aUniqueIndexWithAnotherCollationThanItsColumnOrAPartialOneIsAMismatch() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("collate.db"));
        execute(dataSource, "PRAGMA foreign_keys = OFF",
                "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE)",
                "CREATE UNIQUE INDEX tag_name ON tag(name COLLATE BINARY)",
                "CREATE TABLE label (id INTEGER PRIMARY KEY, tag_name TEXT REFERENCES tag(name), "
                        + "tag_id INT REFERENCES tag(id))",
                "CREATE TABLE fine (id INTEGER PRIMARY KEY, tag_id INTEGER REFERENCES tag(id))",
                "CREATE TABLE badge (code TEXT)",
                "CREATE UNIQUE INDEX badge_code ON badge(code) WHERE code IS NOT NULL",
                "CREATE TABLE award (id INTEGER PRIMARY KEY, badge_code TEXT REFERENCES badge(code))",
                "INSERT INTO tag(name) VALUES ('a')",
                "INSERT INTO label(tag_name, tag_id) VALUES ('a', 1)",
                "INSERT INTO fine(tag_id) VALUES (1), (9)");
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> connection.prepareStatement("PRAGMA foreign_key_check(label)").executeQuery())
                    .as("SQLite's own verdict").hasMessageContaining("foreign key mismatch");

            List<ForeignKeyResult> results = new ForeignKeyCheck().run(connection, new NoJob());

            assertThat(results).filteredOn(r -> r.table().equals("label") && r.columns().equals(List.of("tag_name")))
                    .singleElement().satisfies(r -> assertThat(r.error()).contains("foreign key mismatch").contains("collation"));
            assertThat(results).filteredOn(r -> r.table().equals("label") && r.columns().equals(List.of("tag_id")))
                    .as("the other key of the same table is still checked").singleElement()
                    .satisfies(r -> assertThat(r.error()).isNull());
            assertThat(results).filteredOn(r -> r.table().equals("fine")).singleElement()
                    .satisfies(r -> assertThat(r.violations()).isEqualTo(1));
            assertThatThrownBy(() -> connection.prepareStatement("PRAGMA foreign_key_check(award)").executeQuery())
                    .hasMessageContaining("foreign key mismatch");
            assertThat(results).filteredOn(r -> r.table().equals("award")).singleElement()
                    .as("a partial unique index is no parent key").satisfies(r -> assertThat(r.error()).contains("mismatch"));
        }
    }

    @Test
    void unindexedChildColumnsGetTheIndexThatWouldFixThem() throws Exception {
        SQLiteDataSource dataSource = seeded();
        execute(dataSource, "CREATE INDEX node_parent ON node(parent_id)");
        try (Connection connection = dataSource.getConnection()) {
            List<ForeignKeyResult> results = new ForeignKeyCheck().run(connection, new NoJob());

            assertThat(results).filteredOn(r -> r.table().equals("orders") && r.columns().equals(List.of("customer_id")))
                    .singleElement().satisfies(r -> assertThat(r.missingIndex())
                            .isEqualTo("CREATE INDEX \"orders_customer_id_fk\" ON \"orders\" (\"customer_id\");"));
            assertThat(results).filteredOn(r -> r.table().equals("node")).singleElement()
                    .satisfies(r -> assertThat(r.missingIndex()).isNull());
            assertThat(results).filteredOn(r -> r.table().equals("line")).singleElement()
                    .as("the primary key starts with the child column").satisfies(r -> assertThat(r.missingIndex()).isNull());
        }
    }

    /** PRAGMA foreign_key_check(table), grouped by key in the same form as ours. */
    private static Map<String, Long> pragmaCounts(Connection connection, String table, List<ForeignKeyResult> ours)
            throws Exception {
        Map<Integer, String> keyNames = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, \"table\", group_concat(\"from\", ', ') FROM pragma_foreign_key_list(?) GROUP BY id")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String parent = ours.stream().filter(r -> r.table().equals(table)).map(ForeignKeyResult::parent)
                            .filter(p -> p.equalsIgnoreCase(rowsParent(rows))).findFirst().orElse(rowsParent(rows));
                    keyNames.put(rows.getInt(1), table + "->" + parent + "[" + rows.getString(3) + "]");
                }
            }
        }
        Map<String, Long> counts = new HashMap<>();
        keyNames.values().forEach(name -> counts.put(name, 0L));
        try (PreparedStatement statement = connection.prepareStatement("SELECT fkid FROM pragma_foreign_key_check(?)")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.merge(keyNames.get(rows.getInt(1)), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static String rowsParent(ResultSet rows) {
        try {
            return rows.getString(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pragmaRows(Connection connection, String table) throws Exception {
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement("PRAGMA foreign_key_check(" + table + ")");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                count++;
            }
        }
        return count;
    }
}
