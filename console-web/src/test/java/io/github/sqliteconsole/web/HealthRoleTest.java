package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The HEALTH role (a load balancer let in without logging in) reads the health summary and nothing else. */
class HealthRoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final ServedConsole served = new ServedConsole();

    @TempDir
    Path dir;

    @Test
    void aHealthOnlyCallerGetsTheStatusOfEachCheckWithoutDetailsPathsOrFindings() throws Exception {
        Path file = dir.resolve("shop.db");
        ConsoleServer server = served.start(SqliteConsole.builder(TestDatabases.inventory(file)),
                WebOptions.defaults().withAuthorizer(request -> Role.HEALTH));

        JsonNode summary = JSON.readTree(server.get("/api/health").body());
        ConsoleServer viewer = served.mount(WebOptions.defaults().withAuthorizer(request -> Role.VIEWER));
        JsonNode full = JSON.readTree(viewer.get("/api/health").body());

        assertThat(full.get("database").get("path").asText()).contains("shop.db");
        List<String> fields = new ArrayList<>();
        summary.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("status", "checks", "checkedAt");
        assertThat(summary.get("status").asText()).isEqualTo(full.get("status").asText());
        assertThat(summary.get("checks")).hasSameSizeAs(full.get("checks"));
        for (int i = 0; i < full.get("checks").size(); i++) {
            JsonNode check = summary.get("checks").get(i);
            assertThat(check.size()).as("name and status only").isEqualTo(2);
            assertThat(check.get("name")).isEqualTo(full.get("checks").get(i).get("name"));
            assertThat(check.get("status")).isEqualTo(full.get("checks").get(i).get("status"));
        }
        assertThat(summary.toString()).doesNotContain(dir.toString());
    }

    @Test
    void aHealthOnlyCallerIsRefusedEverythingElse() throws Exception {
        ConsoleServer server = served.start(SqliteConsole.builder(TestDatabases.inventory(dir.resolve("shop.db"))),
                WebOptions.defaults().withAuthorizer(request -> Role.HEALTH));

        for (String path : List.of("/", "/tables", "/api/tables", "/api/tables/supplier", "/api/jobs", "/integrity",
                "/backup", "/api/backups")) {
            assertThat(server.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(server.post("/api/health/recheck").statusCode()).isEqualTo(403);
    }
}
