package io.github.sqliteconsole.web;

import static io.github.sqliteconsole.web.ConsoleServer.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.CountingDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.audit.AuditEntry;
import io.github.sqliteconsole.web.security.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The rules of SECURITY.md's test matrix that the foundation owns, each over real HTTP. */
class SecurityTest {

    private static final String RECHECK = "/api/health/recheck";

    @TempDir
    Path dir;

    @RegisterExtension
    final ServedConsole served = new ServedConsole();

    private CountingDataSource dataSource;
    private ConsoleServer server;

    @BeforeEach
    void startConsole() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        dataSource = new CountingDataSource(TestDatabases.wellConfigured(file));
        server = served.start(SqliteConsole.builder(dataSource));
    }

    @Test
    void remoteClientIsDeniedEverywhereBeforeAnyConnectionIsBorrowed() throws Exception {
        for (String path : List.of("/", "/api/health", "/assets/console.js", "/no/such/page", "/api/jobs/vacuum")) {
            String response = server.sendAs("203.0.113.7", server.rawRequest("GET", path));
            assertThat(statusOf(response)).as(path).isEqualTo(403);
        }
        String post = server.sendAs("203.0.113.7", server.rawRequest("POST", RECHECK));
        assertThat(statusOf(post)).isEqualTo(403);
        String ipv6 = server.sendAs("2001:db8::5", server.rawRequest("GET", "/api/health"));
        assertThat(statusOf(ipv6)).isEqualTo(403);

        assertThat(dataSource.borrowed()).isZero();
        // Clients with no role are counted, not given an entry each (SECURITY.md row 26).
        assertThat(served.servlet().auditLog().recent()).isEmpty();
        assertThat(served.servlet().auditLog().deniedCounts(10)).filteredOn(count -> count.remoteAddress().equals("203.0.113.7"))
                .singleElement().satisfies(count -> assertThat(count.count()).isEqualTo(6));
    }

    @Test
    void forwardingHeadersNeverGrantLoopbackAccess() throws Exception {
        String spoofed = server.sendAs("203.0.113.7", server.rawRequest("GET", "/api/health",
                "X-Forwarded-For: 127.0.0.1", "Forwarded: for=127.0.0.1", "X-Real-IP: 127.0.0.1"));
        assertThat(statusOf(spoofed)).isEqualTo(403);

        HttpResponse<String> proxiedFromLocalhost = server.get("/api/health", "X-Forwarded-For", "198.51.100.9");
        assertThat(proxiedFromLocalhost.statusCode())
                .as("a local reverse proxy forwards remote users: their requests are not loopback").isEqualTo(403);
        assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void pathTricksNeverReachAPageForARemoteClient() throws Exception {
        List<String> tricks = List.of("/..;/", "//", "/%2e%2e/", "/;jsessionid=abc", "/API/HEALTH", "/api/health/",
                "/api//health", "/./api/health", "/%2e/api/health", "/assets/../api/health", "/api/health;x=1");
        for (String trick : tricks) {
            int remote = statusOf(server.sendAs("203.0.113.7", server.rawRequest("GET", trick)));
            assertThat(remote).as("remote " + trick).isIn(400, 403, 404);
            int local = statusOf(server.sendAs("127.0.0.1", server.rawRequest("GET", trick)));
            assertThat(local).as("local " + trick).isLessThan(500);
        }
        String upperMount = server.sendAs("203.0.113.7", "GET /ADMIN/api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(statusOf(upperMount)).isIn(400, 403, 404);
    }

    @Test
    void wrongMethodIs405AndRunsNothing() throws Exception {
        HttpResponse<String> getOnPost = server.get(RECHECK);
        assertThat(getOnPost.statusCode()).isEqualTo(405);
        assertThat(getOnPost.headers().firstValue("Allow")).hasValue("POST");
        assertThat(getOnPost.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

        HttpResponse<String> postOnGet = server.post("/", "X-CSRF-Token", server.csrfToken());
        assertThat(postOnGet.statusCode()).isEqualTo(405);
        assertThat(postOnGet.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void postNeedsThisSessionsTokenAndDeniedPostsRunNothing() throws Exception {
        String token = server.csrfToken();
        String othersToken = server.newSession().csrfToken();
        assertThat(othersToken).isNotEqualTo(token);
        int borrowedBefore = dataSource.borrowed();

        assertThat(server.post(RECHECK).statusCode()).isEqualTo(403);
        assertThat(server.post(RECHECK, "X-CSRF-Token", "forged").statusCode()).isEqualTo(403);
        assertThat(server.post(RECHECK, "X-CSRF-Token", othersToken).statusCode()).isEqualTo(403);
        assertThat(dataSource.borrowed()).as("denied POSTs never reach the database").isEqualTo(borrowedBefore);

        HttpResponse<String> allowed = server.post(RECHECK, "X-CSRF-Token", token);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"status\":\"UP\"");
        assertThat(dataSource.borrowed()).isGreaterThan(borrowedBefore);

        List<AuditEntry> audit = served.servlet().auditLog().recent();
        assertThat(audit).extracting(AuditEntry::outcome).containsExactly(AuditEntry.Outcome.ALLOWED,
                AuditEntry.Outcome.DENIED, AuditEntry.Outcome.DENIED, AuditEntry.Outcome.DENIED);
        assertThat(audit.get(1).detail()).contains("CSRF");
        assertThat(audit.get(0).action()).isEqualTo("POST " + RECHECK);
    }

    @Test
    void validTokenFromAnotherSiteIsRefused() throws Exception {
        String token = server.csrfToken();
        String origin = "http://" + server.uri("/").getAuthority();

        assertThat(server.post(RECHECK, "X-CSRF-Token", token, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(server.post(RECHECK, "X-CSRF-Token", token, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(server.post(RECHECK, "X-CSRF-Token", token, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(server.post(RECHECK, "X-CSRF-Token", token, "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
        assertThat(server.post(RECHECK, "X-CSRF-Token", token, "Origin", origin, "Sec-Fetch-Site", "same-origin")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void viewersAndReadOnlyModeCannotMutate() throws Exception {
        server = served.mount(WebOptions.defaults().withAuthorizer(request -> Role.VIEWER));
        assertThat(server.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> viewerPost = server.post(RECHECK, "X-CSRF-Token", server.csrfToken());
        assertThat(viewerPost.statusCode()).isEqualTo(403);
        assertThat(viewerPost.body()).contains("OPERATOR");

        server = served.mount(WebOptions.defaults().withReadOnly(true));
        HttpResponse<String> readOnlyPost = server.post(RECHECK, "X-CSRF-Token", server.csrfToken());
        assertThat(readOnlyPost.statusCode()).isEqualTo(403);
        assertThat(readOnlyPost.body()).contains("read-only");
        assertThat(served.servlet().auditLog().recent()).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.DENIED));
    }

    @Test
    void failingAuthorizerDeniesInsteadOfFailing() throws Exception {
        server = served.mount(WebOptions.defaults().withAuthorizer(request -> {
            throw new IllegalStateException("identity provider unreachable");
        }));
        HttpResponse<String> response = server.get("/");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("identity provider");
    }

    @Test
    void unknownPathIs404WithoutEchoingIt() throws Exception {
        HttpResponse<String> page = server.get("/tables/%3Csvg%20onload%3Dalert(1)%3E");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("svg").doesNotContain("onload");
        HttpResponse<String> api = server.get("/api/%3Cscript%3E");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("script");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> response : List.of(server.get("/"), server.get("/api/health"), server.get("/missing"),
                server.get(RECHECK), server.get("/assets/console.css"), server.post(RECHECK))) {
            var headers = response.headers();
            String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(server.get("/api/health").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void fuzzedPathsAndMethodsNeverFailOrReflectMarkup() throws Exception {
        java.util.Random random = new java.util.Random(42);
        String[] pieces = {"api", "health", "tables", "%3Csvg%3E", "..", "%00", "%ff", "x".repeat(300), "jobs",
                "%22onmouseover%3D", "assets", "console.js", "%2F", "ñ表", "select", "'", "recheck", ""};
        String[] methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
        for (int i = 0; i < 150; i++) {
            StringBuilder path = new StringBuilder();
            for (int part = 0, parts = 1 + random.nextInt(4); part < parts; part++) {
                path.append('/').append(pieces[random.nextInt(pieces.length)]);
            }
            String method = methods[random.nextInt(methods.length)];
            String response = server.sendAs("127.0.0.1", server.rawRequest(method, path.toString()));
            assertThat(statusOf(response)).as(method + " " + path).isLessThan(500);
            assertThat(response).as(method + " " + path).doesNotContain("<svg").doesNotContain("onmouseover=");
        }
    }
}
