package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.security.HostCsrfToken;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's CSRF token on the console's pages, and the console's own header and field names. */
class HostCsrfTokenTest {

    private static final String RECHECK = "/api/health/recheck";

    @TempDir
    Path dir;

    @Test
    void pagesCarryTheHostsTokenAndOnlyPagesAskForIt() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        AtomicInteger asked = new AtomicInteger();
        HostCsrfToken host = request -> {
            asked.incrementAndGet();
            return Optional.of(new HostCsrfToken.Token("X-CSRF-TOKEN", "_csrf", "host<token>"));
        };
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults().withHostCsrfToken(host))) {
            String page = server.get("/").body();
            assertThat(page).contains("<meta name=\"host-csrf-header\" content=\"X-CSRF-TOKEN\">")
                    .contains("<meta name=\"host-csrf-parameter\" content=\"_csrf\">")
                    .contains("<meta name=\"host-csrf-token\" content=\"host&lt;token&gt;\">");
            int afterPage = asked.get();
            assertThat(afterPage).isEqualTo(1);
            assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
            assertThat(asked.get()).as("JSON never asks the host (no session started for a probe)").isEqualTo(afterPage);
        }
    }

    @Test
    void theConsolesOwnHeaderAndFieldWinOverTheNamesAHostUses() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String token = server.csrfToken();
            assertThat(server.post(RECHECK, "X-Console-CSRF-Token", token).statusCode()).isEqualTo(200);
            // Behind Spring Security, X-CSRF-TOKEN (the same header, names ignore case) holds Spring's token.
            assertThat(server.post(RECHECK, "X-Console-CSRF-Token", token, "X-CSRF-Token", "springs-token").statusCode())
                    .isEqualTo(200);
            assertThat(server.post(RECHECK, "X-Console-CSRF-Token", "springs-token", "X-CSRF-Token", token).statusCode())
                    .as("the console's own header decides when present").isEqualTo(403);

            HttpResponse<String> form = server.client.send(HttpRequest.newBuilder(server.uri(RECHECK))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=springs-token&_console_csrf=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).as("accepted: a plain form POST is answered with a redirect").isEqualTo(303);
            HttpResponse<String> swapped = server.client.send(HttpRequest.newBuilder(server.uri(RECHECK))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&_console_csrf=springs-token")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(swapped.statusCode()).as("the console's own field decides when present").isEqualTo(403);
        }
    }

    @Test
    void aHostTokenMayNotUseTheConsolesNames() {
        assertThatThrownBy(() -> new HostCsrfToken.Token("x-console-csrf-token", "_csrf", "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("may not be the console's own");
    }
}
