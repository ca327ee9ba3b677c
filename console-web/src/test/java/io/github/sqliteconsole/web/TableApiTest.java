package io.github.sqliteconsole.web;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.view.Links;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * {@code GET /api/tables/{name}} and {@code GET /api/table?name=}: one table's schema, bytes, rows
 * and size history, each number compared with what SQLite itself answers.
 */
class TableApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SQLiteDataSource dataSource;
    private SqliteConsole console;
    private ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabases.wellConfigured(dir.resolve("app.db"));
        TestDatabases.seedInventory(dataSource);
        List<String> ddl = new ArrayList<>();
        for (String name : TablesPagesTest.HOSTILE) {
            String quoted = quote(name);
            // Each hostile table refers to supplier and is referred to by a child of its own, with an index and a trigger.
            ddl.add("CREATE TABLE " + quoted + " (id INTEGER PRIMARY KEY, supplier_id INTEGER REFERENCES supplier(id) "
                    + "ON DELETE CASCADE, body TEXT)");
            ddl.add("CREATE INDEX " + quote(name + " body") + " ON " + quoted + "(body)");
            ddl.add("CREATE TABLE " + quote(name + " child") + " (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES "
                    + quoted + "(id))");
            ddl.add("CREATE TRIGGER " + quote(name + " audit") + " AFTER INSERT ON " + quoted + " BEGIN SELECT 1; END");
            ddl.add("INSERT INTO " + quoted + " (supplier_id, body) " + TestDatabases.series(300)
                    + " SELECT 1 + n % 50, printf('%.300c', 'b') FROM n");
        }
        ddl.add("CREATE VIEW recent_orders AS SELECT id, note FROM purchase_order WHERE id > 10");
        ddl.add("CREATE VIRTUAL TABLE note_search USING fts5(body)");
        ddl.add("INSERT INTO note_search VALUES ('first'), ('second')");
        // A table of a module this SQLite lacks, written the way a SpatiaLite database carries it.
        ddl.add("PRAGMA writable_schema = ON");
        ddl.add("INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('table', 'KNN', 'KNN', 0, "
                + "'CREATE VIRTUAL TABLE KNN USING nosuchmodule()')");
        ddl.add("PRAGMA writable_schema = OFF");
        execute(dataSource, ddl.toArray(String[]::new));
        console = SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")).build();
        server = ConsoleServer.start(console, WebOptions.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        console.close();
    }

    @Test
    void everyHostileNameAnswersWithSqlitesOwnCountsBytesAndKeys() throws Exception {
        for (String name : TablesPagesTest.HOSTILE) {
            HttpResponse<String> response = server.get("/api/" + new Links().table(name));
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode table = JSON.readTree(response.body());

            assertThat(table.get("name").asText()).isEqualTo(name);
            assertThat(table.get("type").asText()).isEqualTo("table");
            assertThat(table.get("rows").asLong()).as(name).isEqualTo(300).isEqualTo(longOf("SELECT count(*) FROM " + quote(name)));
            assertThat(table.get("rowsExact").asBoolean()).isTrue();
            long tableBytes = longOf("SELECT sum(pgsize) FROM dbstat WHERE name = ?", name);
            long indexBytes = longOf("SELECT sum(pgsize) FROM dbstat WHERE name = ?", name + " body");
            assertThat(table.get("tableBytes").asLong()).as(name).isEqualTo(tableBytes).isPositive();
            assertThat(table.get("indexBytes").asLong()).as(name).isEqualTo(indexBytes).isPositive();
            assertThat(table.get("totalBytes").asLong()).isEqualTo(tableBytes + indexBytes);
            assertThat(table.get("indexes")).singleElement().satisfies(index -> {
                assertThat(index.get("name").asText()).isEqualTo(name + " body");
                assertThat(index.get("columns")).extracting(JsonNode::asText).containsExactly("body");
                assertThat(index.get("bytes").asLong()).isEqualTo(indexBytes);
            });
            assertThat(table.get("columns")).extracting(column -> column.get("name").asText())
                    .containsExactly("id", "supplier_id", "body");
            assertThat(table.get("primaryKey")).extracting(JsonNode::asText).containsExactly("id");
            assertThat(table.get("sql").asText()).isEqualTo(textOf("SELECT sql FROM sqlite_schema WHERE name = ?", name));

            assertThat(table.get("foreignKeys")).singleElement().satisfies(key -> {
                assertThat(key.get("table").asText()).isEqualTo(name);
                assertThat(key.get("parent").asText()).isEqualTo(textOf("SELECT \"table\" FROM pragma_foreign_key_list(?)", name));
                assertThat(key.get("columns")).extracting(JsonNode::asText)
                        .containsExactly(textOf("SELECT \"from\" FROM pragma_foreign_key_list(?)", name));
                assertThat(key.get("parentColumns")).extracting(JsonNode::asText)
                        .containsExactly(textOf("SELECT \"to\" FROM pragma_foreign_key_list(?)", name));
                assertThat(key.get("onDelete").asText()).isEqualTo(textOf("SELECT on_delete FROM pragma_foreign_key_list(?)", name));
            });
            assertThat(table.get("referencedBy")).singleElement().satisfies(key -> {
                assertThat(key.get("table").asText()).isEqualTo(name + " child");
                assertThat(key.get("parent").asText())
                        .isEqualTo(textOf("SELECT \"table\" FROM pragma_foreign_key_list(?)", name + " child")).isEqualTo(name);
                assertThat(key.get("columns")).extracting(JsonNode::asText).containsExactly("parent_id");
            });
            assertThat(table.get("triggers")).singleElement().satisfies(trigger ->
                    assertThat(trigger.get("name").asText()).isEqualTo(name + " audit"));
            assertThat(table.get("readable").asBoolean()).isTrue();
            assertThat(table.get("problem").isNull()).isTrue();
        }
    }

    @Test
    void theQueryFormServesEveryNameIncludingThoseNoPathCanCarry() throws Exception {
        for (String name : List.of("new\nline", "tab\there", "cr\rhere", "bell\u0007", "a/b", "supplier", "ñ表")) {
            HttpResponse<String> response = server.get("/api/table?name=" + Links.encode(name));
            assertThat(response.statusCode()).as(name).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("name").asText()).isEqualTo(name);
        }
        assertThat(new Links().table("new\nline")).as("the page links such a name in the query form").startsWith("table?name=");
        HttpResponse<String> missing = server.get("/api/table");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("Parameter name is required");
    }

    @Test
    void anUnknownTableIsA404InJsonThatDoesNotEchoTheName() throws Exception {
        for (String path : List.of("/api/tables/%3Csvg%20onload%3Dalert(1)%3E", "/api/table?name=%3Csvg%20onload%3Dalert(1)%3E",
                "/api/tables/no_such_table")) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("status").asInt()).isEqualTo(404);
            assertThat(body.get("error").asText()).isEqualTo("There is no table or view of that name in this database; "
                    + "GET api/tables lists the tables, with their exact names.");
            assertThat(response.body()).doesNotContain("svg").doesNotContain("no_such_table");
        }
    }

    @Test
    void aViewHasItsColumnsAndDdlAndNoBytes() throws Exception {
        JsonNode view = JSON.readTree(server.get("/api/tables/recent_orders").body());

        assertThat(view.get("type").asText()).isEqualTo("view");
        assertThat(view.get("withoutRowid").asBoolean()).as("pragma_table_list says wr=0 for a view").isFalse();
        assertThat(view.get("columns")).extracting(column -> column.get("name").asText()).containsExactly("id", "note");
        assertThat(view.get("sql").asText()).isEqualTo("CREATE VIEW recent_orders AS SELECT id, note FROM purchase_order WHERE id > 10");
        for (String field : List.of("rows", "tableBytes", "indexBytes", "totalBytes", "sizeHistory")) {
            assertThat(view.get(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void aTableOfAMissingModuleKeepsItsDdlAndSaysTheModuleIsNotAvailable() throws Exception {
        HttpResponse<String> response = server.get("/api/tables/KNN");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode knn = JSON.readTree(response.body());
        assertThat(knn.get("type").asText()).isEqualTo("virtual");
        assertThat(knn.get("readable").asBoolean()).isFalse();
        assertThat(knn.get("missingModule").asText()).isEqualTo("nosuchmodule");
        assertThat(knn.get("sql").asText()).isEqualTo("CREATE VIRTUAL TABLE KNN USING nosuchmodule()");
        assertThat(knn.get("problem").asText()).startsWith("The module nosuchmodule is not available in this SQLite");
        assertThat(knn.get("columns")).isEmpty();
    }

    @Test
    void aVirtualTableCarriesItsShadowTablesAndAShadowTableNamesItsOwner() throws Exception {
        JsonNode search = JSON.readTree(server.get("/api/tables/note_search").body());
        assertThat(search.get("type").asText()).isEqualTo("virtual");
        assertThat(search.get("rows").asLong()).isEqualTo(2).isEqualTo(longOf("SELECT count(*) FROM note_search"));
        List<String> shadows = new ArrayList<>();
        search.get("shadowTables").forEach(shadow -> shadows.add(shadow.asText()));
        assertThat(shadows).contains("note_search_data", "note_search_idx");
        long shadowBytes = 0;
        for (String shadow : shadows) {
            shadowBytes += longOf("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?", shadow);
            shadowBytes += longOf("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN "
                    + "(SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?)", shadow);
        }
        assertThat(search.get("totalBytes").asLong()).isEqualTo(shadowBytes);

        JsonNode data = JSON.readTree(server.get("/api/tables/note_search_data").body());
        assertThat(data.get("type").asText()).isEqualTo("shadow");
        assertThat(data.get("shadowOf").asText()).isEqualTo("note_search");
        assertThat(data.get("totalBytes").isNull()).as("counted with its owner").isTrue();
    }

    @Test
    void sizeHistoryHoldsTheRecordedSizes() throws Exception {
        JsonNode before = JSON.readTree(server.get("/api/tables/supplier").body()).get("sizeHistory");
        assertThat(before.get("days").asInt()).isEqualTo(30);
        assertThat(before.get("points")).isEmpty();
        assertThat(before.get("problem").isNull()).isTrue();

        assertThat(console.space().recordIfDue()).isTrue();

        JsonNode supplier = JSON.readTree(server.get("/api/tables/supplier").body());
        JsonNode point = supplier.get("sizeHistory").get("points").get(0);
        assertThat(supplier.get("sizeHistory").get("points")).hasSize(1);
        assertThat(point.get("totalBytes").asLong()).isEqualTo(supplier.get("totalBytes").asLong());
        assertThat(point.get("rows").asLong()).isEqualTo(50);
        assertThat(java.time.Instant.parse(point.get("at").asText())).isBeforeOrEqualTo(java.time.Instant.now());
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private long longOf(String sql, String... binds) throws Exception {
        return Long.parseLong(textOf(sql, binds));
    }

    private String textOf(String sql, String... binds) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                statement.setString(i + 1, binds[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        }
    }
}
