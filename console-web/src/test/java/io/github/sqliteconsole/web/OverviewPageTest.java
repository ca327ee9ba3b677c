package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class OverviewPageTest {

    @TempDir
    Path dir;

    @Test
    void fullPageCarriesBadgeFactsCsrfTokenAndLocalAssets() throws Exception {
        Path file = dir.resolve("app.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> page = server.get("/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).isEqualToIgnoringCase("text/html;charset=UTF-8"));
            assertThat(page.headers().allValues("Vary")).contains("HX-Request");
            assertThat(page.body())
                    .contains("<!DOCTYPE html>")
                    .containsPattern("<meta name=\"csrf-token\" content=\"[A-Za-z0-9_-]{43}\">")
                    .contains("id=\"status-badge\"").contains(">UP<")
                    .contains(file.toString())
                    .contains("hx-trigger=\"every 30s\"")
                    .contains("src=\"./assets/htmx.min.js\"").doesNotContain("http://")
                    .doesNotContain("<script>").doesNotContain("style=\"");
            assertThat(java.util.regex.Pattern.compile("https://[^\"]*").matcher(page.body()).results()
                    .map(java.util.regex.MatchResult::group).toList())
                    .as("nothing loaded from elsewhere: the only absolute URLs are links into the user guide")
                    .isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(WebOptions.DEFAULT_DOCS_URL));
            assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .contains("sqlite-console-session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/admin"));
        }
    }

    @Test
    void htmxRequestGetsOnlyTheHealthFragment() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> fragment = server.get("/", "HX-Request", "true");

            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body().strip()).startsWith("<section id=\"health\"").endsWith("</section>");
            assertThat(fragment.body()).doesNotContain("<html").contains("id=\"status-badge\"");
            assertThat(fragment.headers().allValues("Vary")).contains("HX-Request");
        }
    }

    @Test
    void fragmentsFromAnotherUrlLinkFromThePageTheyLandIn() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String token = server.csrfToken();
            String fromOverview = server.post("/api/health/recheck", "X-CSRF-Token", token, "HX-Request", "true",
                    "X-Console-Base", "./").body();
            assertThat(fromOverview).contains("hx-get=\"./\"").contains("hx-post=\"./api/health/recheck\"");

            String forged = server.post("/api/health/recheck", "X-CSRF-Token", token, "HX-Request", "true",
                    "X-Console-Base", "javascript:alert(1)//").body();
            assertThat(forged).doesNotContain("javascript:").contains("hx-get=\"../../\"");
        }
    }

    @Test
    void refreshCanBeSwitchedOffAndReadOnlyHidesActions() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        WebOptions options = WebOptions.defaults().withRefreshInterval(Duration.ZERO).withReadOnly(true);
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build();
             ConsoleServer server = ConsoleServer.start(console, options)) {
            String page = server.get("/").body();

            assertThat(page).doesNotContain("hx-trigger").doesNotContain("auto-refresh\"")
                    .doesNotContain("api/health/recheck").contains("Read-only mode");
        }
    }

    @Test
    void downDatabaseGivesAPlainPageNotAnError() throws Exception {
        Path file = dir.resolve("not-a-db.db");
        Files.writeString(file, "plain text\n".repeat(500));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> page = server.get("/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(">DOWN<").contains("not an SQLite database")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void namesFromTheDatabaseAndItsPathAreEscaped() throws Exception {
        Path hostileDir = Files.createDirectories(dir.resolve("<img src=x onerror=alert(1)>"));
        Path file = hostileDir.resolve("we\"ird <script>alert(2)<\\script>.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        TestDatabases.execute(dataSource,
                "CREATE TABLE \"<img src=x onerror=alert(1)>\" (\"\"\"onmouseover=alert(1)\" TEXT)",
                "CREATE TABLE \"we\"\"ird\" (x)", "CREATE TABLE \"a.b\" (x)", "CREATE TABLE \"ñ表\" (x)",
                "CREATE TABLE \"select\" (x)");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String page = server.get("/").body();

            assertThat(page).doesNotContain("<img src=x").doesNotContain("<script>alert")
                    .contains("&lt;img src=x onerror=alert(1)&gt;")
                    .contains("&lt;script&gt;alert(2)&lt;\\script&gt;");
            assertThat(page).containsPattern("<dt>Tables</dt><dd id=\"overview-table-count\">5</dd>");
        }
    }
}
