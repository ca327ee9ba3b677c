package io.github.sqliteconsole.spring.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter, compiled against Boot 3.5, in a Boot 4 app on embedded Tomcat 11 over real HTTP. */
@SpringBootTest(classes = Boot4App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
class Boot4StarterTest {

    private static final Path DATABASE = createDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE);
    }

    @Autowired
    Environment environment;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void servesTheConsoleAndRunsAJob() throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.");
        HttpResponse<String> overview = get("/admin/");
        assertThat(overview.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"").matcher(overview.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> started = client.send(HttpRequest.newBuilder(uri("/admin/api/jobs/quick-check"))
                .header("X-Console-CSRF-Token", token.group(1)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(get("/admin/api/health").body()).contains("\"status\":\"DEGRADED\"");
    }

    @Test
    void actuatorHealthAndMetricsWorkThroughBoot4sApis() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("the aggregate").endsWith("\"status\":\"DEGRADED\"}")
                .containsPattern("\"sqliteConsole\":\\{\"details\":\\{\"checks\".*\"description\":"
                        + "\"works, with a setting or state that needs attention\",\"status\":\"DEGRADED\"},\"ssl\"")
                .contains("spring.datasource.hikari.data-source-properties.journal_mode=WAL");
        assertThat(get("/actuator/metrics/sqlite.console.file.bytes").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }

    private static Path createDatabase() {
        try {
            Path file = Files.createTempDirectory("sqlite-console-boot4").resolve("app.db");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note(id INTEGER PRIMARY KEY, text TEXT)");
                statement.execute("INSERT INTO note(text) VALUES ('hello')");
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
    }
}
