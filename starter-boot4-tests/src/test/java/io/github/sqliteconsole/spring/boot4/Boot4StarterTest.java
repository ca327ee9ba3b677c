package io.github.sqliteconsole.spring.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.spring.AppDatabase;
import io.github.sqliteconsole.spring.BootHttp;
import io.github.sqliteconsole.spring.plain.PlainApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter, compiled against Boot 3.5, alone in a Boot 4 app (the Boot 3.5 tests' {@link PlainApp})
 * on embedded Tomcat 11 over real HTTP. Spring Security is on this module's classpath for
 * {@link Boot4SecuredAppTest}; this app leaves it out, as an app without it would be.
 */
@SpringBootTest(classes = PlainApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
class Boot4StarterTest {

    private static final Path DATABASE = AppDatabase.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void servesTheConsoleAndRunsAJob() throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.");
        BootHttp http = new BootHttp(port);
        HttpResponse<String> overview = http.get("/admin/");
        assertThat(overview.statusCode()).isEqualTo(200);

        HttpResponse<String> started = http.post("/admin/api/jobs/quick-check",
                "X-Console-CSRF-Token", BootHttp.consoleToken(overview.body()));
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(http.get("/admin/api/health").body()).contains("\"status\":\"DEGRADED\"");
    }

    @Test
    void actuatorHealthAndMetricsWorkThroughBoot4sApis() throws Exception {
        BootHttp http = new BootHttp(port);
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("the aggregate").endsWith("\"status\":\"DEGRADED\"}")
                .containsPattern("\"sqliteConsole\":\\{\"details\":\\{\"checks\".*\"description\":"
                        + "\"works, with a setting or state that needs attention\",\"status\":\"DEGRADED\"},\"ssl\"")
                .contains("spring.datasource.hikari.data-source-properties.journal_mode=WAL");
        assertThat(http.get("/actuator/metrics/sqlite.console.file.bytes").statusCode()).isEqualTo(200);
    }
}
