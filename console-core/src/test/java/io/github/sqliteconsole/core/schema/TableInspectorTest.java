package io.github.sqliteconsole.core.schema;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.sql.Queries;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class TableInspectorTest {

    @TempDir
    Path dir;

    @Test
    void describesColumnsIndexesKeysAndTriggers() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("schema.db"));
        execute(dataSource,
                "CREATE TABLE customer (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, region VARCHAR(10) DEFAULT 'eu')",
                "CREATE TABLE \"order\" (id INTEGER PRIMARY KEY, customer_id INT REFERENCES customer(id) ON DELETE CASCADE, "
                        + "net DECIMAL(10,2), tax FLOAT, total REAL GENERATED ALWAYS AS (net + tax) STORED, note, raw BLOB)",
                "CREATE INDEX order_customer ON \"order\"(customer_id DESC)",
                "CREATE INDEX order_big ON \"order\"(net) WHERE net > 1000",
                "CREATE INDEX order_expr ON \"order\"(lower(note))",
                "CREATE TABLE line (order_id INT, line_no INT, sku TEXT, PRIMARY KEY (order_id, line_no), "
                        + "FOREIGN KEY (order_id) REFERENCES \"ORDER\"(id)) WITHOUT ROWID",
                "CREATE TRIGGER order_audit AFTER UPDATE ON \"order\" BEGIN SELECT 1; END");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            TableDetails order = console.schema().table("order").orElseThrow();

            assertThat(order.columns()).extracting(ColumnInfo::name)
                    .containsExactly("id", "customer_id", "net", "tax", "total", "note", "raw");
            assertThat(order.columns()).extracting(ColumnInfo::affinity)
                    .containsExactly("INTEGER", "INTEGER", "NUMERIC", "REAL", "REAL", "BLOB", "BLOB");
            assertThat(order.columns().get(4).hidden()).isEqualTo("generated stored");
            assertThat(order.columns().get(0).pkPosition()).isEqualTo(1);
            assertThat(order.indexes()).extracting(IndexInfo::name).containsExactly("order_big", "order_customer", "order_expr");
            assertThat(order.indexes().get(0).partial()).isTrue();
            assertThat(order.indexes().get(1).columns()).containsExactly("customer_id DESC");
            assertThat(order.indexes().get(2).columns()).containsExactly("<expression>");
            assertThat(order.foreignKeysOut()).singleElement().satisfies(fk -> {
                assertThat(fk.parentTable()).isEqualTo("customer");
                assertThat(fk.childColumns()).containsExactly("customer_id");
                assertThat(fk.onDelete()).isEqualTo("CASCADE");
            });
            assertThat(order.foreignKeysIn()).as("declared with another case, resolved like SQLite does").singleElement()
                    .satisfies(fk -> assertThat(fk.childTable()).isEqualTo("line"));
            assertThat(order.triggers()).extracting(TriggerInfo::name).containsExactly("order_audit");
            assertThat(order.sql()).startsWith("CREATE TABLE \"order\"");

            TableDetails customer = console.schema().table("customer").orElseThrow();
            assertThat(customer.indexes()).singleElement().satisfies(index -> {
                assertThat(index.origin()).isEqualTo("unique constraint");
                assertThat(index.sql()).isNull();
            });
            assertThat(customer.columns().get(2).defaultValue()).isEqualTo("'eu'");
            assertThat(console.schema().table("line").orElseThrow().primaryKey()).containsExactly("order_id", "line_no");
        }
    }

    @Test
    void unknownNamesAreNotFoundAndViewsAreDescribedAsViews() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("schema.db"));
        execute(dataSource, "CREATE TABLE t (x)", "CREATE VIEW v AS SELECT * FROM t");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            assertThat(console.schema().table("v")).as("issue 13: views are browsable").hasValueSatisfying(view -> {
                assertThat(view.type()).isEqualTo("view");
                assertThat(view.hasRowid()).isFalse();
                assertThat(view.sql()).isEqualTo("CREATE VIEW v AS SELECT * FROM t");
                assertThat(view.columns()).extracting(column -> column.name()).containsExactly("x");
            });
            assertThat(console.schema().table("V")).as("exact names only").isEmpty();
            assertThat(console.schema().table("T")).as("exact names only").isEmpty();
            assertThat(console.schema().table("t'; DROP TABLE t; --")).isEmpty();
            assertThat(console.schema().table("<svg onload=alert(1)>")).isEmpty();
            assertThat(console.schema().table("t")).isPresent();
        }
    }
    /** A view is not WITHOUT ROWID: the flag says what {@code pragma_table_list}'s wr column says. */
    @Test
    void withoutRowidIsWhatTheTableListSaysForViewsAndTables() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("rowids.db"));
        execute(dataSource, "CREATE TABLE plain (x)", "CREATE TABLE keyed (k TEXT PRIMARY KEY) WITHOUT ROWID",
                "CREATE VIEW v AS SELECT * FROM plain");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             Connection connection = dataSource.getConnection()) {
            for (String name : List.of("plain", "keyed", "v")) {
                boolean wr = Queries.longValue(connection,
                        "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?", name) == 1;
                assertThat(console.schema().table(name).orElseThrow().withoutRowid()).as(name).isEqualTo(wr);
            }
            assertThat(console.schema().table("keyed").orElseThrow().withoutRowid()).isTrue();
            assertThat(console.schema().table("v").orElseThrow().withoutRowid()).isFalse();
            assertThat(console.schema().table("v").orElseThrow().hasRowid()).as("a view has no rowid to page by").isFalse();
            assertThat(console.schema().table("plain").orElseThrow().hasRowid()).isTrue();
        }
    }

    @Test
    void inspectingEveryTableAtOnceDescribesEachExactlyAsInspectingItAlone() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("all-at-once.db"));
        execute(dataSource, "PRAGMA foreign_keys = OFF",
                "CREATE TABLE Parent (id INTEGER PRIMARY KEY, code TEXT COLLATE NOCASE UNIQUE, a INT, b INT, UNIQUE (a, b DESC))",
                "CREATE TABLE child (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INT REFERENCES PARENT(id) ON DELETE CASCADE, "
                        + "code TEXT REFERENCES parent(code), a INT, b INT, total REAL GENERATED ALWAYS AS (a * 2) VIRTUAL, "
                        + "FOREIGN KEY (a, b) REFERENCES Parent(a, b))",
                "CREATE INDEX child_expr ON child (lower(code), b DESC) WHERE a > 0",
                "CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB DEFAULT x'00') WITHOUT ROWID",
                "CREATE TABLE \"odd \"\"name\"\"\" (\"weird col\" ANY, ref INT REFERENCES kv(k)) STRICT",
                "CREATE TABLE missing_parent (x INT REFERENCES nowhere(id))",
                "CREATE VIEW child_view AS SELECT * FROM child",
                "CREATE VIRTUAL TABLE notes USING fts5(body)",
                "CREATE TRIGGER child_b AFTER INSERT ON child BEGIN SELECT 1; END",
                "CREATE TRIGGER child_a AFTER DELETE ON child BEGIN SELECT 2; END",
                "INSERT INTO child (a) VALUES (1)",
                "ANALYZE");
        TableInspector inspector = new TableInspector();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, TableDetails> all = inspector.inspectAll(connection);

            assertThat(all.keySet()).containsExactly("Parent", "child", "kv", "missing_parent", "odd \"name\"", "sqlite_schema",
                    "sqlite_sequence", "sqlite_stat1", "sqlite_stat4");
            for (TableDetails table : all.values()) {
                assertThat(table).as(table.name()).isEqualTo(inspector.inspect(connection, table.name()).orElseThrow());
            }
            assertThat(all.get("Parent").foreignKeysIn()).as("declared as PARENT and parent, found as Parent").hasSize(3);
            assertThat(all.get("child").triggers()).extracting(TriggerInfo::name).containsExactly("child_a", "child_b");
        }
    }
}
