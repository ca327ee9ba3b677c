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
import java.sql.PreparedStatement;
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

/** The row browser over real HTTP: every answer compared with what SQLite itself selects. */
class RowBrowserTest {

    private static final Pattern FIRST_COLUMN = Pattern.compile("<tr>\\s*<td class=\"cell-integer\">(?:<a [^>]*>)?(\\d+)<");
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
        execute(dataSource, "INSERT INTO supplier VALUES (51, 'O''Brien, \"quoted\"\nsecond line')",
                "UPDATE purchase_order SET note = 'n' || (id % 7)");
        server = served.start(SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")));
    }

    @Test
    void pagesSayWhichRowsOfHowManyAndOfferFirstPreviousNextLast() throws Exception {
        String second = server.get("/tables/purchase_order?offset=50").body();
        assertThat(second).contains("Rows 51–100 of 5,000").contains("id=\"first-page\"").contains("id=\"previous-page\"")
                .contains("id=\"next-page\"").contains("id=\"last-page\" href=\"../tables/purchase_order?offset=4950&amp;limit=50\"");
        assertThat(firstColumn(second)).startsWith(51L, 52L).hasSize(50);
        String last = server.get("/tables/purchase_order?offset=4950").body();
        assertThat(last).contains("Rows 4,951–5,000 of 5,000").doesNotContain("id=\"next-page\"").doesNotContain("id=\"last-page\"");
    }

    @Test
    void sortsByAnyColumnAndFiltersByABoundValue() throws Exception {
        String sorted = server.get("/tables/purchase_order?sort=supplier_id&dir=desc&limit=5").body();
        assertThat(firstColumn(sorted)).isEqualTo(sqlite(
                "SELECT id FROM purchase_order ORDER BY supplier_id DESC, rowid LIMIT 5"));
        assertThat(sorted).contains("aria-sort=\"descending\"")
                .as("the nav marks the section, and a skip link leads past it")
                .contains("href=\"../tables\" aria-current=\"page\">Tables</a>")
                .contains("<a class=\"skip-link\" href=\"#content\">");

        String filtered = server.get("/tables/purchase_order?col=note&eq=n3&sort=id&dir=desc&limit=200").body();
        List<Long> expected = sqlite("SELECT id FROM purchase_order WHERE note = 'n3' ORDER BY id DESC LIMIT 200");
        assertThat(firstColumn(filtered)).isEqualTo(expected);
        assertThat(filtered).contains("of " + String.format("%,d", sqlite("SELECT count(*) FROM purchase_order WHERE note = 'n3'").get(0)));

        String hostile = server.get("/tables/supplier?col=name&eq=" + java.net.URLEncoder.encode("x' OR '1'='1",
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(hostile).as("the value is bound, never spliced").contains("No rows match.");
        assertThat(sqlite("SELECT count(*) FROM supplier")).containsExactly(51L);
    }

    @Test
    void foreignKeyValuesLinkToTheParentRowAndViewsAreBrowsable() throws Exception {
        String orders = server.get("/tables/purchase_order?limit=1").body();
        Matcher link = Pattern.compile("class=\"fk-link\"\\s+href=\"([^\"]+)\">2<").matcher(orders);
        assertThat(link.find()).as("supplier_id 2 of order 1 links to its supplier").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).isEqualTo("../tables/supplier?col=id&eq=2");
        String parent = server.get("/" + href.substring(3)).body();
        assertThat(parent).contains("Rows 1–1 of 1").contains(">supplier 2<");

        HttpResponse<String> view = server.get("/tables/big_orders?limit=3");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("CREATE VIEW big_orders").contains("Rows 1–3 of 4,900");
        assertThat(firstColumn(view.body())).containsExactly(101L, 102L, 103L);
        assertThat(server.get("/tables").body()).contains("class=\"view-link\" href=\"./tables/big_orders\"");
    }

    @Test
    void exportsTheCurrentSelectionAsCsvAndJson() throws Exception {
        HttpResponse<String> csv = server.get("/table/export?name=supplier&format=csv&col=id&eq=51");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).isEqualTo("attachment; filename=\"supplier.csv\"");
        assertThat(csv.body()).isEqualTo("id,name\r\n51,\"O'Brien, \"\"quoted\"\"\nsecond line\"\r\n");

        HttpResponse<String> json = server.get("/table/export?name=purchase_order&format=json&sort=id&dir=desc&col=supplier_id&eq=7");
        JsonNode rows = JSON.readTree(json.body());
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("id").asLong()));
        assertThat(ids).isEqualTo(sqlite("SELECT id FROM purchase_order WHERE supplier_id = 7 ORDER BY id DESC"));
        assertThat(rows.get(0).get("supplier_id").isIntegralNumber()).isTrue();

        assertThat(server.get("/table/export?name=supplier&format=xml").statusCode()).isEqualTo(400);
        assertThat(server.get("/table/export?name=supplier&sort=nope").statusCode()).isEqualTo(400);
    }

    private static List<Long> firstColumn(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = FIRST_COLUMN.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private List<Long> sqlite(String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }
}
