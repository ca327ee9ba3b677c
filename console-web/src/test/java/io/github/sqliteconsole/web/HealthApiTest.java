package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpResponse<String> healthOf(DataSource dataSource) throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            return server.get("/api/health");
        }
    }

    @Test
    void healthyDatabaseAnswersUpWithTheContractFields() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));

        HttpResponse<String> response = healthOf(TestDatabases.wellConfigured(file));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks")).isNotEmpty();
        for (JsonNode check : body.get("checks")) {
            assertThat(check.has("name") && check.has("status") && check.has("detail")).as(check.toString()).isTrue();
        }
        JsonNode database = body.get("database");
        assertThat(database.get("path").asText()).isEqualTo(file.toString());
        assertThat(database.get("journalMode").asText()).isEqualTo("WAL");
        assertThat(database.get("tables").asInt()).isEqualTo(2);
        assertThat(database.get("fileBytes").asLong()).isEqualTo(Files.size(file));
        assertThat(body.get("probeMillis").asLong()).isNotNegative();
    }

    @Test
    void missingDatabaseAnswers503Down() throws Exception {
        Path file = dir.resolve("missing.db");

        HttpResponse<String> response = healthOf(TestDatabases.existingOnly(file));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("database").isNull()).isTrue();
        assertThat(body.get("checks").get(0).get("detail").asText()).contains("missing");
        assertThat(file).doesNotExist();
    }

    @Test
    void corruptDatabaseAnswers503DownWithSqlitesFinding() throws Exception {
        Path file = dir.resolve("corrupt.db");
        var dataSource = TestDatabases.inventory(file);
        TestDatabases.corruptMiddlePage(dataSource, file);

        HttpResponse<String> response = healthOf(TestDatabases.existingOnly(file));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.toString()).containsAnyOf("damaged", "corrupt", "malformed");
    }

    @Test
    void fileThatIsNotSqliteAnswers503Down() throws Exception {
        Path file = dir.resolve("readme.db");
        Files.writeString(file, "# not a database\n".repeat(100));

        HttpResponse<String> response = healthOf(TestDatabases.existingOnly(file));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).toString()).contains("not an SQLite database");
    }
}
