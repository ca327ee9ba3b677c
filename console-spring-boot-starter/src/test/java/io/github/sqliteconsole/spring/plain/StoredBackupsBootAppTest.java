package io.github.sqliteconsole.spring.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.spring.AppDatabase;
import io.github.sqliteconsole.spring.BootHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Boot 3.5 with {@code sqlite.console.backups.store} set: the schedule stores a backup and the age gauge answers. */
@SpringBootTest(classes = PlainApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
                + "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
class StoredBackupsBootAppTest {

    private static final Path DATABASE = AppDatabase.create();
    private static final Path STORE = DATABASE.resolveSibling("backups");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE);
        registry.add("sqlite.console.backups.store", STORE::toString);
        registry.add("sqlite.console.backups.retention.hourly", () -> "48");
    }

    @LocalServerPort
    int port;

    @Autowired
    SqliteConsole console;

    @Test
    void aStoredBackupAppearsAndTheAgeGaugeAnswers() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> console.backups().stored().orElseThrow().newestIntactId().isPresent());
        List<ListedBackup> listed = console.backups().stored().orElseThrow().list();
        Instant taken = listed.get(0).backup().manifest().createdAt();
        try (Stream<Path> files = Files.list(STORE)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .contains(listed.get(0).backup().id() + ".db.gz", listed.get(0).backup().id() + ".db.gz.json");
        }
        assertThat(console.options().storedBackups().retention().hourly()).isEqualTo(48);

        BootHttp http = new BootHttp(port);
        JsonNode age = await().atMost(Duration.ofMinutes(1)).until(() -> {
            HttpResponse<String> metric = http.get("/actuator/metrics/sqlite.console.backup.age");
            return metric.statusCode() == 200 ? JSON.readTree(metric.body()) : null;
        }, node -> node != null && !Double.isNaN(node.get("measurements").get(0).get("value").asDouble()));
        double seconds = age.get("measurements").get(0).get("value").asDouble();
        assertThat(age.get("baseUnit").asText()).isEqualTo("seconds");
        assertThat(seconds).isBetween(0.0, (double) Duration.between(taken, Instant.now()).toSeconds() + 1);

        JsonNode health = JSON.readTree(http.get("/actuator/health").body());
        assertThat(health.get("components").get("sqliteConsole").get("details").get("checks").get("backups").asText())
                .startsWith("UP").contains("newest stored backup " + listed.get(0).backup().id());
    }
}
