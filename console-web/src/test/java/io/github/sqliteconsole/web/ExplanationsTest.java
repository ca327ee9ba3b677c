package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Issue 13: every finding says what it means and what to do, with the statement to copy and its
 * section of the guide; costly jobs ask first and repeat the cost, cheap ones do not; a running
 * job's card polls only its state area and announces the end.
 */
class ExplanationsTest {

    private static final String GUIDE = "https://docs.example.org/console/docs/";

    @TempDir
    Path dir;

    @Test
    void eachHealthProblemExplainsItselfWithTheStatementToCopyAndItsSection() throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
        config.enforceForeignKeys(false);
        SQLiteDataSource careless = TestDatabases.dataSource(dir.resolve("careless.db"), config);
        TestDatabases.seedInventory(careless);
        try (SqliteConsole console = SqliteConsole.builder(careless).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults().withDocsUrl(GUIDE))) {
            String page = server.get("/").body();

            String journal = element(page, "li", "problem-journal_mode");
            assertThat(journal).contains("readers and the writer block each other")
                    .contains("<strong>What to do:</strong>")
                    .containsPattern("<div class=\"copyable\">\\s*<pre class=\"sql\"><code>PRAGMA journal_mode = WAL;</code></pre>\\s*"
                            + "<button type=\"button\" class=\"copy\" data-copy>Copy</button>")
                    .contains("href=\"" + GUIDE + "health.md#journal_mode\"");
            assertThat(page).doesNotContain("<code></code>");
            String keys = element(page, "li", "problem-foreign_keys");
            assertThat(keys).contains("<code>PRAGMA foreign_keys = ON;</code>")
                    .contains("href=\"" + GUIDE + "health.md#foreign_keys\"")
                    .as("run the check before turning them on").contains("class=\"problem-link\" href=\"./integrity\"");
            assertThat(page).as("a check that is UP is no problem").doesNotContain("id=\"problem-busy_timeout\"")
                    .as("every check's name leads to its section").contains("href=\"" + GUIDE + "health.md#busy_timeout\"");
        }
    }

    @Test
    void foreignKeyAndOrphanFindingsExplainThemselves() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("app.db"));
        TestDatabases.seedInventory(dataSource);
        TestDatabases.execute(dataSource, "PRAGMA foreign_keys = OFF",
                "INSERT INTO purchase_order(id, supplier_id) VALUES (90001, 777)",
                "CREATE TABLE \"line \"\"item\" (id INTEGER PRIMARY KEY, supplier_id INTEGER REFERENCES supplier(id))",
                "INSERT INTO \"line \"\"item\" VALUES (1, 1), (2, 4242)");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults().withDocsUrl(GUIDE))) {
            String token = server.csrfToken();
            JobsApiTest.awaitEnd(server, id(server.post("/api/jobs/foreign-key-check", "X-CSRF-Token", token)));
            String keys = server.get("/jobs/foreign-key-check").body();
            assertThat(keys).contains("Child rows name a parent row that does not exist")
                    .contains("<code>PRAGMA foreign_key_check(&quot;purchase_order&quot;);</code>")
                    .as("a name with a quote, quoted as SQL").contains("<code>PRAGMA foreign_key_check(&quot;line &quot;&quot;item&quot;);</code>")
                    .contains("href=\"" + GUIDE + "integrity.md#foreign-key-violations\"")
                    .as("the child column of line \"item has no index").contains("href=\"" + GUIDE + "integrity.md#missing-index\"")
                    .containsPattern("<code>CREATE INDEX [^<]*</code></pre>\\s*<button type=\"button\" class=\"copy\" data-copy>")
                    .as("no key is broken").doesNotContain("integrity.md#a-broken-key")
                    .as("no empty statement to copy (the finding's own or a row's)").doesNotContain("<code></code>");

            JobsApiTest.awaitEnd(server, id(server.post("/api/jobs/orphan-scan", "X-CSRF-Token", token)));
            String orphans = server.get("/jobs/orphan-scan").body();
            assertThat(orphans).contains("href=\"" + GUIDE + "integrity.md#orphans\"")
                    .containsPattern("<code>DELETE FROM [^<]*</code></pre>\\s*<button type=\"button\" class=\"copy\" data-copy>")
                    .doesNotContain("<code></code>");
        }
    }

    @Test
    void costlyJobsAskFirstAndRepeatTheCostCheapOnesStartAtOnce() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("app.db"));
        TestDatabases.seedInventory(dataSource);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String page = server.get("/maintenance").body();
            for (String cheap : new String[] {"optimize", "analyze", "checkpoint"}) {
                assertThat(element(page, "section", "job-" + cheap)).as(cheap).doesNotContain("hx-confirm")
                        .contains("href=\"" + WebOptions.DEFAULT_DOCS_URL + "maintenance.md#" + cheap + "\"");
            }
            assertThat(element(page, "section", "job-analyze")).contains("<code>ANALYZE;</code>");
            assertThat(element(page, "section", "job-vacuum"))
                    .containsPattern("hx-confirm=\"VACUUM rewrites the whole file \\(\\d[^)]*\\): writers wait until it ends, "
                            + "and it needs about [^\"]+ of free disk \\([^)]+ free now\\)");
            assertThat(element(page, "section", "job-reindex"))
                    .containsPattern("hx-confirm=\"REINDEX rebuilds every index of the database \\(\\d[^)]*\\): writers wait until it ends");
            assertThat(element(server.get("/integrity").body(), "section", "job-quick-check")).doesNotContain("hx-confirm")
                    .contains("<code>PRAGMA quick_check;</code>");
        }
    }

    /** The poll of a running job renders only its state area; the poll that sees it end, the whole card, announced. */
    @Test
    void aRunningJobsPollSwapsOnlyItsStateUntilTheEndThenTheCardAnnounced() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("app.db"));
        TestDatabases.seedInventory(dataSource);
        try (GatedJobs jobs = new GatedJobs();
             SqliteConsole console = SqliteConsole.builder(dataSource).executor(jobs).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String started = server.post("/api/jobs/quick-check", "X-CSRF-Token", server.csrfToken(), "HX-Request", "true").body();
            assertThat(started).contains("id=\"job-action-quick-check\"").contains(">Cancel<")
                    .contains("jobs/quick-check?part=state\"").doesNotContain("data-announce");

            HttpResponse<String> running = server.get("/jobs/quick-check?part=state", "HX-Request", "true");
            assertThat(running.body().strip()).startsWith("<div").contains("id=\"job-state-quick-check\"").contains("RUNNING")
                    .as("the buttons are not swapped").doesNotContain("job-action-quick-check");
            assertThat(running.headers().firstValue("HX-Retarget")).isEmpty();

            jobs.open();
            await().atMost(Duration.ofSeconds(30)).until(() -> console.jobs().latest("quick-check").orElseThrow().state().finished());
            HttpResponse<String> ended = server.get("/jobs/quick-check?part=state", "HX-Request", "true");
            assertThat(ended.headers().firstValue("HX-Retarget")).hasValue("#job-quick-check");
            assertThat(ended.headers().firstValue("HX-Reswap")).hasValue("outerHTML");
            assertThat(ended.body().strip()).startsWith("<section").contains("id=\"job-action-quick-check\"").contains(">Run again<")
                    .contains("data-announce=\"Quick check finished: succeeded\"");
            assertThat(server.get("/jobs/quick-check", "HX-Request", "true").body()).as("a plain render announces nothing")
                    .doesNotContain("data-announce");
            assertThat(server.get("/jobs/quick-check?part=everything").statusCode()).isEqualTo(400);
        }
    }

    private static String id(HttpResponse<String> started) {
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.body());
        assertThat(id.find()).as(started.body()).isTrue();
        return id.group(1);
    }

    /** The element {@code <tag ... id="id">} of {@code page}, up to its first closing tag. */
    private static String element(String page, String tag, String id) {
        Matcher element = Pattern.compile("<" + tag + "[^>]*id=\"" + Pattern.quote(id) + "\".*?</" + tag + ">", Pattern.DOTALL)
                .matcher(page);
        assertThat(element.find()).as("<" + tag + " id=" + id + "> in the page").isTrue();
        return element.group();
    }
}
