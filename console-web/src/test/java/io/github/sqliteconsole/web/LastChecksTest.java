package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Issue 13: foreign-key violations and the last integrity verdict reach the overview and
 * {@code /api/health}, with when they were found; the existing health fields stay as they were.
 */
class LastChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAST_FOREIGN_KEYS = Pattern.compile("<dd id=\"last-foreign-keys\"[^>]*>(.*?)</dd>", Pattern.DOTALL);
    private static final Pattern LAST_INTEGRITY = Pattern.compile("<dd id=\"last-integrity\"[^>]*>(.*?)</dd>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void aFinishedForeignKeyCheckWithViolationsShowsOnTheOverviewAndInHealth() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("app.db"));
        TestDatabases.seedInventory(dataSource);
        TestDatabases.execute(dataSource, "PRAGMA foreign_keys = OFF",
                "INSERT INTO purchase_order(id, supplier_id) VALUES (90001, 777), (90002, 778), (90003, 779)");
        long pragmaCount;
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM pragma_foreign_key_check")) {
            rows.next();
            pragmaCount = rows.getLong(1);
        }
        assertThat(pragmaCount).isEqualTo(3);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            JsonNode before = JSON.readTree(server.get("/api/health").body());
            assertThat(before.get("lastChecks").get("integrity").isNull()).isTrue();
            assertThat(before.get("lastChecks").get("foreignKeys").isNull()).isTrue();
            assertThat(text(LAST_FOREIGN_KEYS, server.get("/").body())).contains("not checked since the console started");

            String token = server.csrfToken();
            String fk = JSON.readTree(server.post("/api/jobs/foreign-key-check", "X-CSRF-Token", token).body()).get("id").asText();
            JsonNode fkJob = JobsApiTest.awaitEnd(server, fk);
            String quick = JSON.readTree(server.post("/api/jobs/quick-check", "X-CSRF-Token", token).body()).get("id").asText();
            JsonNode quickJob = JobsApiTest.awaitEnd(server, quick);

            JsonNode health = JSON.readTree(server.get("/api/health").body());
            JsonNode keys = health.get("lastChecks").get("foreignKeys");
            assertThat(keys.get("violations").asLong()).isEqualTo(pragmaCount);
            assertThat(keys.get("ok").asBoolean()).isFalse();
            assertThat(keys.get("keys").asInt()).isEqualTo(1);
            assertThat(keys.get("keysViolated").asInt()).isEqualTo(1);
            assertThat(keys.get("keysWithErrors").asInt()).isZero();
            assertThat(keys.get("jobId").asText()).isEqualTo(fk);
            assertThat(keys.get("at").asText()).isEqualTo(fkJob.get("endedAt").asText());
            JsonNode integrity = health.get("lastChecks").get("integrity");
            assertThat(integrity.get("kind").asText()).isEqualTo("quick-check");
            assertThat(integrity.get("ok").asBoolean()).isTrue();
            assertThat(integrity.get("problems").asInt()).isZero();
            assertThat(integrity.get("at").asText()).isEqualTo(quickJob.get("endedAt").asText());
            assertThat(health.get("status").asText()).as("existing fields unchanged").isEqualTo("UP");
            assertThat(health.get("database").get("tables").asInt()).isEqualTo(2);

            String overview = server.get("/").body();
            assertThat(text(LAST_FOREIGN_KEYS, overview)).contains("3 violations in 1 of 1 keys")
                    .contains("href=\"./integrity#job-foreign-key-check\"");
            assertThat(text(LAST_INTEGRITY, overview)).contains("quick-check: no problems").doesNotContain("integrity#");
            assertThat(server.get("/", "HX-Request", "true").body()).as("the polled fragment carries it too")
                    .contains("3 violations in 1 of 1 keys");
        }
    }

    @Test
    void damageFoundByAnIntegrityCheckShowsWithALinkToTheAdvice() throws Exception {
        Path file = dir.resolve("damaged.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        TestDatabases.seedInventory(dataSource);
        TestDatabases.corruptMiddlePage(dataSource, file);
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String id = JSON.readTree(server.post("/api/jobs/integrity-check", "X-CSRF-Token", server.csrfToken()).body())
                    .get("id").asText();
            JsonNode job = JobsApiTest.awaitEnd(server, id);
            int problems = job.get("result").get("errors").size();
            assertThat(problems).isPositive();

            JsonNode integrity = JSON.readTree(server.get("/api/health").body()).get("lastChecks").get("integrity");
            assertThat(integrity.get("kind").asText()).isEqualTo("integrity-check");
            assertThat(integrity.get("ok").asBoolean()).isFalse();
            assertThat(integrity.get("problems").asInt()).isEqualTo(problems);
            assertThat(integrity.get("firstProblem").asText()).isEqualTo(job.get("result").get("errors").get(0).asText());
            assertThat(text(LAST_INTEGRITY, server.get("/").body())).contains("integrity-check: " + problems)
                    .contains("href=\"./integrity#job-integrity-check\"");
        }
    }

    private static String text(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }
}
