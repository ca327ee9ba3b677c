package io.github.sqliteconsole.core.schema;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class TableRowsTest {

    @TempDir
    Path dir;

    /** Every row exactly once, in key order, across pages. */
    private static List<String> readAll(SqliteConsole console, TableDetails table, int limit, int keyColumn) throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            RowPage page = console.schema().rows(table, cursor, limit);
            assertThat(page.rows().size()).isLessThanOrEqualTo(limit);
            page.rows().forEach(row -> seen.add(row.get(keyColumn).display()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }

    @Test
    void rowidTablePagesCoverEveryRowOnceWithGaps() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("rows.db"));
        execute(dataSource, "CREATE TABLE t (v TEXT)",
                "INSERT INTO t(v) " + TestDatabases.series(1000) + " SELECT 'v' || n FROM n",
                "DELETE FROM t WHERE rowid % 7 = 0");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            TableDetails table = console.schema().table("t").orElseThrow();
            List<String> rowids = readAll(console, table, 50, 0);

            assertThat(rowids).hasSize(1000 - 142).doesNotHaveDuplicates();
            assertThat(rowids.stream().map(Long::parseLong).toList()).isSorted();
            assertThat(console.schema().rows(table, null, 5).columns()).containsExactly("rowid", "v");
        }
    }

    @Test
    void integerPrimaryKeyIsTheKeyAndNotRepeatedAsRowid() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("rows.db"));
        execute(dataSource, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
                "INSERT INTO t(id, v) " + TestDatabases.series(300) + " SELECT n * 3, 'v' || n FROM n");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            TableDetails table = console.schema().table("t").orElseThrow();
            assertThat(console.schema().rows(table, null, 5).columns()).containsExactly("id", "v");
            assertThat(readAll(console, table, 40, 0)).hasSize(300).doesNotHaveDuplicates();
        }
    }

    @Test
    void withoutRowidTablePagesByItsCompositeKey() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("rows.db"));
        execute(dataSource, "CREATE TABLE k (a TEXT, b INT, v, PRIMARY KEY (a, b)) WITHOUT ROWID",
                "INSERT INTO k " + TestDatabases.series(500) + " SELECT 'key ' || (n % 17) || ' ~,ñ', n, n FROM n");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            List<String> values = readAll(console, console.schema().table("k").orElseThrow(), 33, 2);
            assertThat(values).hasSize(500).doesNotHaveDuplicates();
        }
    }

    @Test
    void cellsKeepNullEmptyBlobAndLongTextApart() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("rows.db"));
        execute(dataSource, "CREATE TABLE c (v)",
                "INSERT INTO c VALUES (NULL), (''), (x'00ff10'), (printf('%.500c', 'x')), (42), (1.5), ('<b>')");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            List<CellValue> cells = console.schema().rows(console.schema().table("c").orElseThrow(), null, 10).rows().stream()
                    .map(row -> row.get(1)).toList();

            assertThat(cells).extracting(CellValue::kind).containsExactly("NULL", "TEXT", "BLOB", "TEXT", "INTEGER", "REAL", "TEXT");
            assertThat(cells.get(1).display()).isEmpty();
            assertThat(cells.get(2).display()).isEqualTo("3 bytes: 00ff10");
            assertThat(cells.get(3).display()).hasSize(200);
            assertThat(cells.get(3).truncated()).isTrue();
            assertThat(cells.get(6).display()).isEqualTo("<b>");
        }
    }

    @Test
    void badCursorsAndLimitsAreRejectedAndChangeNothing() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("rows.db"));
        execute(dataSource, "CREATE TABLE t (v)", "INSERT INTO t VALUES (1), (2)");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            TableDetails table = console.schema().table("t").orElseThrow();
            for (String cursor : List.of("restore from x.db", "i.1;DROP TABLE t", "x.1", "i.1~i.2", "t.@@@", "i." + "9".repeat(40))) {
                assertThatThrownBy(() -> console.schema().rows(table, cursor, 10)).as(cursor)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page cursor");
            }
            assertThatThrownBy(() -> console.schema().rows(table, null, 0)).hasMessageContaining("between 1 and 200");
            assertThatThrownBy(() -> console.schema().rows(table, null, 201)).hasMessageContaining("between 1 and 200");
            assertThat(console.schema().rows(table, null, 10).rows()).hasSize(2);
        }
    }

    @Test
    void migrationHistoryOfFlywayIsFound() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("rows.db"));
        execute(dataSource, "CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version TEXT, "
                        + "description TEXT, installed_on TEXT, success INT)",
                "INSERT INTO flyway_schema_history VALUES (1, '1', 'init', '2026-01-01', 1), (2, '2', 'add orders', '2026-02-01', 1)");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            MigrationHistory history = console.schema().migrations().orElseThrow();
            assertThat(history.tool()).isEqualTo("Flyway");
            assertThat(history.total()).isEqualTo(2);
            assertThat(history.latest().get(0).description()).isEqualTo("add orders");
        }
    }
}
