package io.github.sqliteconsole.spring.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.spring.AppDatabase;
import io.github.sqliteconsole.spring.BootHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Boot 3.5, the starter alone (no Spring Security): a real app on embedded Tomcat over real HTTP. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = PlainApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
                + "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always",
        "sqlite.console.docs-url=https://intranet.example/sqlite-console/docs/"})
class PlainBootAppTest {

    private static final Path DATABASE = AppDatabase.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    SqliteConsole console;

    @Test
    void mountsTheConsoleAndSaysWhere(CapturedOutput output) throws Exception {
        BootHttp http = new BootHttp(port);
        HttpResponse<String> overview = http.get("/admin/");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("SQLite Console").doesNotContain("host-csrf-header")
                .as("findings link into the docs-url the host set")
                .contains("href=\"https://intranet.example/sqlite-console/docs/health.md#");
        assertThat(http.get("/admin").statusCode()).as("the mount without its slash redirects").isEqualTo(301);
        assertThat(output.getAll()).contains("SQLite Console available at '/admin' for database '" + DATABASE + "'")
                .contains("SQLite Console serves the DataSource 'dataSource'");
        assertThat(console.database().dataSource().getClass().getSimpleName()).isEqualTo("HikariDataSource");
    }

    @Test
    void runsAJobWithTheConsolesToken() throws Exception {
        BootHttp http = new BootHttp(port);
        String token = BootHttp.consoleToken(http.get("/admin/").body());
        assertThat(http.post("/admin/api/jobs/quick-check").statusCode()).as("no token").isEqualTo(403);

        HttpResponse<String> started = http.post("/admin/api/jobs/quick-check", "X-Console-CSRF-Token", token);
        assertThat(started.statusCode()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("id").asText();
        JsonNode job = await().atMost(Duration.ofSeconds(30)).until(
                () -> JSON.readTree(http.get("/admin/api/jobs/" + id).body()),
                node -> !node.get("state").asText().equals("RUNNING"));
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("ok").asBoolean()).isTrue();
    }

    @Test
    void downloadsAVerifiedBackup() throws Exception {
        HttpResponse<byte[]> download = new BootHttp(port).getBytes("/admin/backup/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.sqlite3"));
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(download.body()));
        assertThat(download.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + digest + ":");
        assertThat(new String(download.body(), 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
    }

    @Test
    void actuatorHealthShowsTheConsoleAndItsDegradedStatus() throws Exception {
        HttpResponse<String> health = new BootHttp(port).get("/actuator/health");
        // Boot's defaults leave the file in journal DELETE and foreign keys off: DEGRADED, still 200.
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).as("DEGRADED is in the aggregate order").isEqualTo("DEGRADED");
        JsonNode console = body.get("components").get("sqliteConsole");
        assertThat(console.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(console.get("description").asText()).isEqualTo("works, with a setting or state that needs attention");
        assertThat(console.get("details").get("database").asText()).isEqualTo(DATABASE.toString());
        assertThat(console.get("details").get("checks").get("journal_mode").asText())
                .startsWith("DEGRADED").contains("spring.datasource.hikari.data-source-properties.journal_mode=WAL");
    }

    @Test
    void metricsAnswerFromCachedFacts() throws Exception {
        BootHttp http = new BootHttp(port);
        assertThat(http.get("/actuator/metrics/sqlite.console.file.bytes").statusCode()).isEqualTo(200);
        JsonNode fileBytes = await().atMost(Duration.ofSeconds(30)).until(
                () -> JSON.readTree(http.get("/actuator/metrics/sqlite.console.file.bytes").body()),
                node -> node.get("measurements").get(0).get("value").asDouble() > 0);
        assertThat(fileBytes.get("baseUnit").asText()).isEqualTo("bytes");
        assertThat(fileBytes.get("measurements").get(0).get("value").asDouble())
                .isEqualTo((double) java.nio.file.Files.size(DATABASE));
        for (String gauge : new String[] {"sqlite.console.wal.bytes", "sqlite.console.freelist.bytes", "sqlite.console.quickcheck.ok"}) {
            assertThat(http.get("/actuator/metrics/" + gauge).statusCode()).as(gauge).isEqualTo(200);
        }
        assertThat(http.get("/actuator/metrics/sqlite.console.backup.age").statusCode())
                .as("no backup.age gauge while stored backups are off").isEqualTo(404);

        assertThat(http.post("/admin/api/jobs/analyze").statusCode()).as("no CSRF token").isEqualTo(403);
        JsonNode denied = await().atMost(Duration.ofSeconds(30)).until(() -> {
            http.get("/actuator/metrics/sqlite.console.file.bytes"); // a scrape collects the audit log
            HttpResponse<String> counter = http.get("/actuator/metrics/sqlite.console.denied?tag=reason:csrf");
            return counter.statusCode() == 200 ? JSON.readTree(counter.body()) : null;
        }, node -> node != null);
        assertThat(denied.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }
}
