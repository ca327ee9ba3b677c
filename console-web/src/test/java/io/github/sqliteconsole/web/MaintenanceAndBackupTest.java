package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.audit.AuditEntry;
import io.github.sqliteconsole.web.security.Role;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MaintenanceAndBackupTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SQLiteDataSource database() throws Exception {
        return TestDatabases.inventory(dir.resolve("app.db"));
    }

    private SqliteConsole console(SQLiteDataSource dataSource) {
        return SqliteConsole.builder(dataSource).backupDirectory(dir.resolve("snapshots")).build();
    }

    @Test
    void maintenanceNeedsAnOperatorAndEveryAttemptIsAudited() throws Exception {
        SQLiteDataSource dataSource = database();
        try (SqliteConsole console = console(dataSource)) {
            SqliteConsoleServlet viewerServlet = new SqliteConsoleServlet(console, WebOptions.defaults().withAuthorizer(r -> Role.VIEWER));
            try (ConsoleServer viewer = ConsoleServer.start(viewerServlet)) {
                assertThat(viewer.post("/api/jobs/vacuum", "X-CSRF-Token", viewer.csrfToken()).statusCode()).isEqualTo(403);
                assertThat(viewer.get("/maintenance").body()).contains("need the OPERATOR role").doesNotContain("class=\"run\"");
                assertThat(viewer.post("/api/jobs/quick-check", "X-CSRF-Token", viewer.csrfToken()).statusCode())
                        .as("checks only read").isEqualTo(202);
            }
            SqliteConsoleServlet operatorServlet = new SqliteConsoleServlet(console, WebOptions.defaults());
            try (ConsoleServer operator = ConsoleServer.start(operatorServlet)) {
                String token = operator.csrfToken();
                HttpResponse<String> started = operator.post("/api/jobs/analyze", "X-CSRF-Token", token);
                assertThat(started.statusCode()).isEqualTo(202);
                assertThat(operator.post("/api/jobs/checkpoint?mode=SOMETIMES", "X-CSRF-Token", token).statusCode()).isEqualTo(400);
                assertThat(operator.get("/api/jobs/analyze").statusCode()).as("no job has that id").isEqualTo(404);

                JsonNode analyzed = JobsApiTest.awaitEnd(operator, json(started.body()).get("id").asText());
                assertThat(analyzed.get("state").asText()).isEqualTo("SUCCEEDED");
                JsonNode vacuum = JobsApiTest.awaitEnd(operator,
                        json(operator.post("/api/jobs/vacuum", "X-CSRF-Token", token).body()).get("id").asText());
                assertThat(vacuum.get("result").get("bytesBefore").asLong()).isPositive();
                assertThat(vacuum.get("result").has("bytesAfter")).isTrue();

                String page = operator.get("/maintenance").body();
                assertThat(page).contains("id=\"vacuum-preflight\"").contains("id=\"job-vacuum\"").contains("hx-confirm=")
                        .contains("POST /api/jobs/vacuum").contains("DENIED").contains("POST /api/jobs/analyze")
                        .as("issue 13: VACUUM's confirmation repeats its cost")
                        .containsPattern("hx-confirm=\"VACUUM rewrites the whole file \\([^)]+\\): writers wait until it ends, "
                                + "and it needs about [^\"]+ of free disk \\([^)]+ free now\\)")
                        .as("the reserve is part of the need").contains("of free disk (twice the database and the "
                                + io.github.sqliteconsole.core.sql.ByteSize.format(console.options().diskReserve())
                                + " kept free for the application; ");
            }
            assertThat(new AuditTrailReader(console).actions()).as("kept in the state file across servlets")
                    .contains("DENIED POST /api/jobs/vacuum", "ALLOWED POST /api/jobs/analyze", "FAILED POST /api/jobs/checkpoint");
        }
    }

    @Test
    void downloadIsAVerifiedSnapshotWithItsDigest() throws Exception {
        SQLiteDataSource dataSource = database();
        SqliteConsoleServlet servlet;
        try (SqliteConsole console = console(dataSource);
             ConsoleServer server = ConsoleServer.start(servlet = new SqliteConsoleServlet(console, WebOptions.defaults()))) {
            HttpResponse<byte[]> response = server.client.send(HttpRequest.newBuilder(server.uri("/backup/download")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.sqlite3");
            assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(response.body().length));
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"app-\\d{8}T\\d{6}Z\\.db\"");
            String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(response.body()));
            assertThat(response.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + digest + ":");

            Path saved = dir.resolve("saved.db");
            Files.write(saved, response.body());
            try (Connection copy = TestDatabases.existingOnly(saved).getConnection();
                 ResultSet rows = copy.createStatement().executeQuery("SELECT count(*) FROM purchase_order")) {
                assertThat(rows.getInt(1)).isEqualTo(5000);
            }
            // The client has every byte before the servlet returns: the temp file is deleted and the
            // download audited on the way out, a moment after the last byte.
            awaitTrue("temp file deleted", this::noSnapshotLeft);
            awaitTrue("download audited", () -> !servlet.auditLog().recent().isEmpty());
            assertThat(servlet.auditLog().recent().get(0).action()).isEqualTo("GET /backup/download");

            HttpResponse<byte[]> gzip = server.client.send(HttpRequest.newBuilder(server.uri("/backup/download?compress=gzip")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzip.headers().firstValue("Content-Type")).hasValue("application/gzip");
            assertThat(gzip.body()[0] & 0xff).isEqualTo(0x1f);
            assertThat(server.get("/backup/download?compress=zip").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aPreparedBackupShowsItsDigestAndIsDownloadedOnce() throws Exception {
        try (SqliteConsole console = console(database())) {
            SqliteConsoleServlet viewerServlet = new SqliteConsoleServlet(console, WebOptions.defaults().withAuthorizer(r -> Role.VIEWER));
            SqliteConsoleServlet operatorServlet = new SqliteConsoleServlet(console, WebOptions.defaults());
            try (ConsoleServer viewer = ConsoleServer.start(viewerServlet);
                 ConsoleServer operator = ConsoleServer.start(operatorServlet)) {
                assertThat(viewer.post("/api/jobs/backup", "X-CSRF-Token", viewer.csrfToken()).statusCode()).isEqualTo(403);
                assertThat(operator.post("/api/jobs/backup").statusCode()).as("no CSRF token").isEqualTo(403);
                assertThat(operator.post("/api/jobs/backup?compress=zip", "X-CSRF-Token", operator.csrfToken()).statusCode())
                        .isEqualTo(400);

                HttpResponse<String> started = operator.post("/api/jobs/backup", "X-CSRF-Token", operator.csrfToken());
                assertThat(started.statusCode()).isEqualTo(202);
                String id = json(started.body()).get("id").asText();
                JsonNode job = JobsApiTest.awaitEnd(operator, id);
                assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
                JsonNode result = job.get("result");
                assertThat(result.get("fileName").asText()).matches("app-\\d{8}T\\d{6}Z\\.db");
                assertThat(result.has("key")).as("the snapshot's key stays inside").isFalse();
                assertThat(operator.post("/api/jobs/backup", "X-CSRF-Token", operator.csrfToken()).statusCode())
                        .as("one prepared snapshot waits at a time").isEqualTo(409);
                assertThat(viewer.post("/api/jobs/" + id + "/cancel", "X-CSRF-Token", viewer.csrfToken()).statusCode())
                        .as("a viewer does not cancel an operator's backup").isEqualTo(403);
                assertThat(viewer.get("/" + result.get("download").asText()).statusCode()).isEqualTo(403);
                assertThat(operator.get("/backup").body()).contains("id=\"download-prepared\"")
                        .as("in hex, as sha256sum prints it").contains(java.util.HexFormat.of().formatHex(
                                Base64.getDecoder().decode(result.get("sha256").asText())));

                HttpResponse<byte[]> download = operator.client.send(
                        HttpRequest.newBuilder(operator.uri("/" + result.get("download").asText())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(download.statusCode()).isEqualTo(200);
                String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(download.body()));
                assertThat(digest).isEqualTo(result.get("sha256").asText());
                assertThat(download.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + digest + ":");
                assertThat(download.body().length).isEqualTo(result.get("bytes").asInt());

                HttpResponse<String> again = operator.get("/" + result.get("download").asText());
                assertThat(again.statusCode()).isEqualTo(410);
                assertThat(again.body()).contains("already downloaded or has expired");
                assertThat(operator.get("/backup/download?job=no-such-job").statusCode()).isEqualTo(404);
                HttpResponse<String> hostile = operator.get("/backup/download?job=%3Csvg%20onload%3Dalert(1)%3E%3Brestore%20from%20x");
                assertThat(hostile.statusCode()).as("the id only selects a job").isEqualTo(404);
                assertThat(hostile.body()).doesNotContain("<svg").doesNotContain("restore from");
                awaitTrue("temp file deleted", this::noSnapshotLeft);
                // Four POSTs (no token, bad compress, started, 409) and four downloads (200, 410, two 404s).
                awaitTrue("downloads audited", () -> operatorServlet.auditLog().recent().size() == 8);
                assertThat(operatorServlet.auditLog().recent()).extracting(AuditEntry::action)
                        .filteredOn("POST /api/jobs/backup"::equals).hasSize(4);
                assertThat(operatorServlet.auditLog().recent()).extracting(AuditEntry::action)
                        .filteredOn("GET /backup/download"::equals).hasSize(4);
            }
        }
    }

    @Test
    void aPreparedBackupWaitingForItsDownloadDoesNotBlockAOneRequestDownload() throws Exception {
        try (SqliteConsole console = console(database());
             ConsoleServer operator = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> started = operator.post("/api/jobs/backup", "X-CSRF-Token", operator.csrfToken());
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode job = JobsApiTest.awaitEnd(operator, json(started.body()).get("id").asText());
            assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");

            HttpResponse<byte[]> oneRequest = operator.client.send(HttpRequest.newBuilder(operator.uri("/backup/download")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(oneRequest.statusCode()).as("only a snapshot being taken holds the taking slot").isEqualTo(200);
            assertThat(new String(oneRequest.body(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
            assertThat(operator.post("/api/jobs/backup", "X-CSRF-Token", operator.csrfToken()).statusCode())
                    .as("one prepared snapshot waits at a time, so the disk holds at most two").isEqualTo(409);
            assertThat(operator.get("/" + job.get("result").get("download").asText()).statusCode())
                    .as("the prepared one is still there").isEqualTo(200);
            awaitTrue("temp files deleted", this::noSnapshotLeft);
        }
    }

    @Test
    void shortDiskSpaceRefusesBackupAndVacuumWithAPlainMessage() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database()).backupDirectory(dir.resolve("snapshots"))
                .diskReserve(Long.MAX_VALUE / 4).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> download = server.get("/backup/download");
            assertThat(download.statusCode()).isEqualTo(503);
            assertThat(download.body()).contains("No backup: not enough space for the snapshot").doesNotContain("Exception");
            assertThat(server.get("/maintenance").body()).contains("id=\"vacuum-refusal\"");
            assertThat(server.get("/api/health").body()).contains("VACUUM and backups cannot run");
            assertThat(noSnapshotLeft()).isTrue();
        }
    }

    @Test
    void viewersCannotDownloadAndTheRefusalIsAudited() throws Exception {
        try (SqliteConsole console = console(database())) {
            SqliteConsoleServlet servlet = new SqliteConsoleServlet(console, WebOptions.defaults().withAuthorizer(r -> Role.VIEWER));
            try (ConsoleServer server = ConsoleServer.start(servlet)) {
                assertThat(server.get("/backup/download").statusCode()).isEqualTo(403);
                assertThat(server.get("/backup").body()).contains("needs the OPERATOR role").doesNotContain("id=\"download\"");
                assertThat(servlet.auditLog().recent()).singleElement()
                        .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.DENIED));
            }
        }
    }

    @Test
    void clientThatDisconnectsMidDownloadLeavesNoTempFileAndASecondDownloadWaitsItsTurn() throws Exception {
        SQLiteDataSource dataSource = database();
        TestDatabases.execute(dataSource, "CREATE TABLE big (data BLOB)",
                "INSERT INTO big " + TestDatabases.series(3000) + " SELECT randomblob(8000) FROM n");
        try (SqliteConsole console = console(dataSource);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
                socket.getOutputStream().write(("GET /admin/backup/download HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                byte[] head = in.readNBytes(64 * 1024);
                assertThat(new String(head, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
                assertThat(server.get("/backup/download").statusCode()).as("one snapshot at a time").isEqualTo(409);
            }
            awaitTrue("temp file deleted after the disconnect", this::noSnapshotLeft);
            assertThat(server.get("/backup/download").statusCode()).as("the slot was freed").isEqualTo(200);
            assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rollbackJournalModeWarnsThatWritersWaitForTheSnapshot() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.dataSource(dir.resolve("legacy.db"), new org.sqlite.SQLiteConfig());
        TestDatabases.seedInventory(dataSource);
        try (SqliteConsole console = console(dataSource);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            assertThat(server.get("/backup").body()).contains("id=\"journal-warning\"").contains("journal_mode is DELETE");
            assertThat(server.get("/backup/download").statusCode()).isEqualTo(200);
        }
    }

    private boolean noSnapshotLeft() throws IOException {
        try (Stream<Path> snapshots = Files.list(dir.resolve("snapshots"))) {
            return snapshots.findAny().isEmpty();
        }
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    /** Reads the audit trail the way a later process would: from the state file. */
    private record AuditTrailReader(SqliteConsole console) {
        java.util.List<String> actions() throws Exception {
            return console.auditTrail().orElseThrow().recent(100).stream()
                    .map(entry -> entry.outcome() + " " + entry.action()).toList();
        }
    }

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
