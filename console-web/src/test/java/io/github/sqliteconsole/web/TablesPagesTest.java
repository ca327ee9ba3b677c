package io.github.sqliteconsole.web;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class TablesPagesTest {

    static final List<String> HOSTILE = List.of("<img src=x onerror=alert(1)>", "we\"ird", "a.b", "];drop table plain;--",
            "select", "ñ表", "x;y", "50%", "a/b", "..", "\"onmouseover=alert(1)", "q?u#e", "L".repeat(200),
            "new\nline", "tab\there", "cr\rhere", "bell\u0007", "del\u007f");
    private static final Pattern TABLE_LINK = Pattern.compile("<a class=\"table-link\" href=\"([^\"]+)\">");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final ServedConsole served = new ServedConsole();

    private SQLiteDataSource dataSource;
    private ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabases.inventory(dir.resolve("app.db"));
        List<String> ddl = new ArrayList<>();
        for (String name : HOSTILE) {
            String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
            ddl.add("CREATE TABLE " + quoted + " (\"<b>col\" TEXT, v)");
            ddl.add("INSERT INTO " + quoted + " VALUES ('<script>alert(1)</script>', NULL), ('', x'0102')");
        }
        execute(dataSource, ddl.toArray(String[]::new));
        server = served.start(SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")));
    }

    @Test
    void apiTablesFollowsTheContract() throws Exception {
        HttpResponse<String> response = server.get("/api/tables");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("fileBytes").asLong()).isPositive();
        assertThat(body.get("pagesBytes").asLong()).isPositive();
        assertThat(body.has("freelistBytes")).isTrue();
        JsonNode orders = null;
        for (JsonNode table : body.get("tables")) {
            for (String field : List.of("name", "type", "rows", "rowsExact", "tableBytes", "indexBytes", "totalBytes",
                    "unusedBytes", "overflowPages")) {
                assertThat(table.has(field)).as(field).isTrue();
            }
            assertThat(table.get("totalBytes").asLong())
                    .isEqualTo(table.get("tableBytes").asLong() + table.get("indexBytes").asLong());
            if (table.get("name").asText().equals("purchase_order")) {
                orders = table;
            }
        }
        assertThat(orders).isNotNull();
        assertThat(orders.get("rows").asLong()).isEqualTo(5000);
        assertThat(orders.get("rowsExact").asBoolean()).isTrue();
        assertThat(orders.get("indexes").get(0).get("name").asText()).isEqualTo("purchase_order_supplier");
        assertThat(body.get("tables")).extracting(t -> t.get("name").asText()).containsAll(HOSTILE);
    }

    @Test
    void everyHostileTableIsListedEscapedAndItsPageOpens() throws Exception {
        HttpResponse<String> page = server.get("/tables");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<img src=x").doesNotContain("<script>alert")
                .doesNotContain("\"onmouseover=").contains("<svg").contains("class=\"bar-table\"");

        Matcher links = TABLE_LINK.matcher(page.body());
        int opened = 0;
        while (links.find()) {
            String href = links.group(1).replace("&amp;", "&");
            HttpResponse<String> table = server.get("/" + href.substring(2));
            assertThat(table.statusCode()).as(href).isEqualTo(200);
            assertThat(table.body()).as(href).doesNotContain("<img src=x").doesNotContain("<script>alert")
                    .contains("id=\"table-name\"");
            opened++;
        }
        assertThat(opened).as("every table, hostile names and sqlite_schema included").isEqualTo(HOSTILE.size() + 3);
        assertThat(tableCount()).as("schema unchanged").isEqualTo(HOSTILE.size() + 2);
    }

    @Test
    void tablePageShowsSchemaAndPagesRows() throws Exception {
        HttpResponse<String> first = server.get("/tables/purchase_order?limit=20");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("purchase_order_supplier").contains("CREATE TABLE purchase_order")
                .contains("href=\"../tables/supplier\"").contains(">order_note<").contains("id=\"next-page\"");

        Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(first.body());
        assertThat(next.find()).isTrue();
        String nextHref = next.group(1).replace("&amp;", "&");
        HttpResponse<String> second = server.get("/tables/" + nextHref.substring("../tables/".length()), "HX-Request", "true");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body().strip()).startsWith("<section id=\"rows\"").doesNotContain("<html");
        assertThat(second.body()).contains(">21<").doesNotContain(">20<");
    }

    @Test
    void badParametersAre400AndUnknownTablesAre404WithoutEcho() throws Exception {
        for (String query : List.of("limit=-1", "limit=1000000000000", "limit=abc", "limit=0", "limit=201",
                "sort=restore%20from%20x", "col=ATTACH%20DATABASE&eq=1", "dir=sideways", "offset=-5", "offset=abc",
                "sort=rowid%3B%20ATTACH%20DATABASE")) {
            HttpResponse<String> response = server.get("/tables/purchase_order?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).doesNotContain("restore from").doesNotContain("ATTACH");
        }
        assertThat(server.get("/tables?sort=evil").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = server.get("/tables/%3Csvg%20onload%3Dalert(1)%3E");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("svg onload").doesNotContain("&lt;svg");
        assertThat(server.get("/table?name=nope").statusCode()).isEqualTo(404);
        HttpResponse<String> huge = server.get("/tables/purchase_order?col=id&eq=" + "A".repeat(10_000));
        assertThat(huge.statusCode()).isBetween(400, 499);
        assertThat(tableCount()).isEqualTo(HOSTILE.size() + 2);
    }

    @Test
    void sortingAndExactCountOnDemand() throws Exception {
        String byName = sizesTable(server.get("/tables?sort=name&dir=asc").body());
        assertThat(byName.indexOf(">purchase_order<")).isLessThan(byName.indexOf(">supplier<"));
        String byNameDesc = sizesTable(server.get("/tables?sort=name&dir=desc").body());
        assertThat(byNameDesc.indexOf(">purchase_order<")).isGreaterThan(byNameDesc.indexOf(">supplier<"));
        String byRows = sizesTable(server.get("/tables?sort=rows&dir=desc").body());
        assertThat(byRows.indexOf(">purchase_order<")).as("5000 rows before 50").isLessThan(byRows.indexOf(">supplier<"));

        HttpResponse<String> count = server.get("/table/count?name=purchase_order", "HX-Request", "true");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).contains("5,000").doesNotContain("<html");
    }

    @Test
    void overviewSummarisesTheLargestTables() throws Exception {
        String page = server.get("/").body();
        assertThat(page).contains("Largest tables").contains(">purchase_order<").contains("Schema version");
        assertThat(server.get("/", "HX-Request", "true").body()).doesNotContain("Largest tables");
    }

    @Test
    void manyTablesArePagedInTheChosenOrderEachTableOnExactlyOnePage() throws Exception {
        List<String> ddl = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ddl.add(String.format("CREATE TABLE many_%03d (id INTEGER PRIMARY KEY)", i));
        }
        execute(dataSource, ddl.toArray(String[]::new));
        int total = HOSTILE.size() + 3 + 600;

        String first = server.get("/tables?sort=name&dir=asc").body();
        List<String> firstLinks = tableLinks(sizesTable(first));
        assertThat(firstLinks).hasSize(500);
        assertThat(first).contains("Tables 1–500 of " + total).contains("<dd id=\"table-count\">" + (total - 1) + " (and 1 of SQLite&#39;s own, sqlite_*)</dd>")
                .contains("id=\"next-tables\" href=\"./tables?sort=name&amp;dir=asc&amp;page=2\"")
                .doesNotContain("id=\"previous-tables\"");

        HttpResponse<String> second = server.get("/tables?sort=name&dir=asc&page=2", "HX-Request", "true");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body().strip()).startsWith("<section id=\"sizes\"");
        List<String> secondLinks = tableLinks(sizesTable(second.body()));
        assertThat(secondLinks).hasSize(total - 500).doesNotContainAnyElementsOf(firstLinks);
        assertThat(second.body()).contains("Tables 501–" + total + " of " + total)
                .contains("id=\"previous-tables\" href=\"./tables?sort=name&amp;dir=asc&amp;page=1\"")
                .doesNotContain("id=\"next-tables\"");

        List<String> all = new ArrayList<>(firstLinks);
        all.addAll(secondLinks);
        assertThat(all).contains("./tables/many_000", "./tables/many_599");
        assertThat(all.indexOf("./tables/many_000")).isEqualTo(all.indexOf("./tables/many_599") - 599);
        assertThat(tableLinks(sizesTable(server.get("/tables?sort=name&dir=asc&page=99").body())))
                .as("past the end: the last page").isEqualTo(secondLinks);
        assertThat(server.get("/tables?page=0").statusCode()).isEqualTo(400);
        assertThat(server.get("/tables?page=x").statusCode()).isEqualTo(400);
    }

    private static List<String> tableLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = TABLE_LINK.matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    /** The sizes table alone: the chart above it names the tables too. */
    private static String sizesTable(String page) {
        return page.substring(page.indexOf("<table class=\"sizes\">"));
    }

    private int tableCount() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void theHeaderShowsAKnownRowCountAndAnEmptyTableSaysNoRows() throws Exception {
        String orders = server.get("/tables/purchase_order").body();
        assertThat(orders).as("the page counted them already").contains("<span id=\"row-count\">Rows: 5,000</span>")
                .doesNotContain("count exactly").contains("Rows 1–50 of 5,000");
        assertThat(server.get("/tables/purchase_order?col=supplier_id&eq=3").body())
                .as("a filtered total is not the table's").contains("count exactly").doesNotContain("id=\"row-count\"");

        execute(dataSource, "CREATE TABLE empty_one (id INTEGER PRIMARY KEY)");
        String empty = server.get("/tables/empty_one").body();
        assertThat(empty).contains("<span id=\"row-count\">Rows: 0</span>").contains(">No rows<").doesNotContain("Rows 0–0");
    }
}
