package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.audit.AuditEntry;
import io.github.sqliteconsole.web.security.Role;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Stored backups over real Jetty and HTTP on real files: {@code GET /api/backups} against the
 * store on disk, {@code GET /backups/{id}/download}, the Backup page's list and buttons, and the
 * restore confirmation (SECURITY.md rows 27, 33).
 */
class StoredBackupsWebTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SQLiteDataSource database() throws Exception {
        return TestDatabases.inventory(dir.resolve("app.db"));
    }

    private SqliteConsole console(SQLiteDataSource dataSource, boolean allowRestore) {
        return SqliteConsole.builder(dataSource).snapshotDirectory(dir.resolve("snapshots"))
                .backupStore(dir.resolve("backups")).allowRestore(allowRestore).build();
    }

    @Test
    void theApiListsTheFilesOnDiskWithTheirSha256AndADownloadCarriesIt() throws Exception {
        SqliteConsoleServlet servlet;
        try (SqliteConsole console = console(database(), false);
             ConsoleServer server = ConsoleServer.start(servlet = new SqliteConsoleServlet(console, WebOptions.defaults()))) {
            start(server, "/api/jobs/stored-backup");
            JsonNode listing = json(server.get("/api/backups").body());

            assertThat(listing.get("store").asText()).isEqualTo(dir.resolve("backups").toString());
            assertThat(listing.get("interval").asText()).isEqualTo("PT1H");
            assertThat(listing.get("allowRestore").asBoolean()).isFalse();
            assertThat(listing.get("copies")).isEmpty();
            assertThat(listing.get("lastSuccess").asText()).isNotEmpty();
            assertThat(listing.get("nextRun").asText()).matches("\\d{4}-.*Z");
            assertThat(listing.get("nextDrill").isNull()).isFalse();
            List<String> listed = new ArrayList<>();
            for (JsonNode backup : listing.get("backups")) {
                Path file = dir.resolve("backups").resolve(backup.get("file").asText());
                listed.add(backup.get("file").asText());
                assertThat(backup.get("damage").isNull()).isTrue();
                assertThat(backup.get("sha256").asText()).isEqualTo(sha256Hex(Files.readAllBytes(file)));
                assertThat(backup.get("bytes").asLong()).isEqualTo(Files.size(file));
                assertThat(backup.get("compressed").asBoolean()).as("gzip by default").isTrue();
                assertThat(backup.get("tables").get("purchase_order").asLong()).isEqualTo(5000);
                assertThat(backup.get("verification").get("quickCheck").asText()).isEqualTo("ok");
                assertThat(backup.get("createdAt").asText()).endsWith("Z");
            }
            assertThat(listed).as("every backup file in the store, and only those").containsExactlyInAnyOrderElementsOf(backupFiles());
            assertThat(listing.get("backups").get(0).get("tiers").toString()).contains("hourly", "daily", "yearly");

            JsonNode newest = listing.get("backups").get(0);
            HttpResponse<byte[]> download = server.client.send(HttpRequest.newBuilder(
                    server.uri("/backups/" + newest.get("id").asText() + "/download")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/gzip");
            assertThat(download.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + newest.get("file").asText() + "\"");
            assertThat(download.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
                    + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(download.body())) + ":");
            assertThat(sha256Hex(download.body())).isEqualTo(newest.get("sha256").asText());
            await("download audited").atMost(Duration.ofSeconds(10)).until(() -> servlet.auditLog().recent().stream()
                    .anyMatch(entry -> entry.action().endsWith("/download") && entry.outcome() == AuditEntry.Outcome.ALLOWED));

            String path = "/backups/" + newest.get("id").asText() + "/download";
            assertThat(server.get(path, "Sec-Fetch-Site", "cross-site").statusCode()).as("an <img> on another site").isEqualTo(403);
            assertThat(server.get(path, "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
            HttpResponse<String> unknown = server.get("/backups/" + URLEncoder.encode("<svg onload=alert(1)>", StandardCharsets.UTF_8) + "/download");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("no stored backup with that id").doesNotContain("<svg");
        }
    }

    @Test
    void viewersSeeTheListButNeitherDownloadNorButtons() throws Exception {
        try (SqliteConsole console = console(database(), true)) {
            String id;
            try (ConsoleServer operator = ConsoleServer.start(new SqliteConsoleServlet(console, WebOptions.defaults()))) {
                id = start(operator, "/api/jobs/stored-backup").get("result").get("id").asText();
            }
            SqliteConsoleServlet viewerServlet = new SqliteConsoleServlet(console, WebOptions.defaults().withAuthorizer(r -> Role.VIEWER));
            try (ConsoleServer viewer = ConsoleServer.start(viewerServlet)) {
                assertThat(json(viewer.get("/api/backups").body()).get("backups").findValuesAsText("id")).contains(id);
                assertThat(viewer.get("/backups/" + id + "/download").statusCode()).isEqualTo(403);
                assertThat(viewer.get("/backups/" + id + "/restore").statusCode()).isEqualTo(403);
                String page = viewer.get("/backup").body();
                assertThat(page).contains("id=\"backup-" + id + "\"").doesNotContain("restore-link").doesNotContain("drill-button")
                        .doesNotContain("download-stored").contains("need the OPERATOR role");
            }
        }
    }

    @Test
    void aBackupAlteredAfterItWasTakenIsRefusedByRestoreAndDownloadAndThenListedDamaged() throws Exception {
        SQLiteDataSource dataSource = database();
        try (SqliteConsole console = console(dataSource, true);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            JsonNode taken = start(server, "/api/jobs/stored-backup").get("result");
            String id = taken.get("id").asText();
            TestDatabases.execute(dataSource, "DELETE FROM purchase_order WHERE id > 100");
            Path file = dir.resolve("backups").resolve(fileOf(server, id));
            flipOneByte(file);

            HttpResponse<Void> head = server.client.send(HttpRequest.newBuilder(server.uri("/backups/" + id + "/download"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).as("HEAD answers from the manifest: it hashes nothing, so it cannot see the flip")
                    .isEqualTo(200);
            assertThat(head.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
                    + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(taken.get("sha256").asText())) + ":");
            assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(Files.size(file)));

            JsonNode restore = start(server, "/api/jobs/restore?backup=" + id);
            assertThat(restore.get("state").asText()).isEqualTo("FAILED");
            assertThat(restore.get("error").asText()).contains("SHA-256");
            assertThat(count(dataSource)).as("the live database is unchanged").isEqualTo(100);

            JsonNode listed = backupOf(server, id);
            assertThat(listed.get("damage").asText()).contains("SHA-256").contains("altered after it was taken");
            HttpResponse<String> download = server.get("/backups/" + id + "/download");
            assertThat(download.statusCode()).isEqualTo(409);
            assertThat(download.body()).contains("damaged and not handed out");
            String page = server.get("/backup").body();
            assertThat(rowOf(page, id)).contains("damaged").doesNotContain("restore-link").doesNotContain("download-stored");
        }
    }

    @Test
    void aBackupWithoutItsManifestIsListedDamagedAndNotHandedOut() throws Exception {
        try (SqliteConsole console = console(database(), true);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String id = start(server, "/api/jobs/stored-backup").get("result").get("id").asText();
            String file = fileOf(server, id);
            Files.delete(dir.resolve("backups").resolve(file + ".json"));

            JsonNode listed = backupOf(server, id);
            assertThat(listed.get("damage").asText()).startsWith("no manifest");
            assertThat(listed.get("createdAt").isNull()).isTrue();
            assertThat(listed.get("sha256").isNull()).isTrue();
            assertThat(server.get("/backups/" + id + "/download").statusCode()).isEqualTo(409);
            assertThat(rowOf(server.get("/backup").body(), id)).contains("damaged: no manifest").doesNotContain("restore-link");
            HttpResponse<String> confirmation = server.get("/backups/" + id + "/restore", "HX-Request", "true");
            assertThat(confirmation.body()).contains("id=\"restore-refusal\"").contains("is damaged")
                    .doesNotContain("confirm-restore");
        }
    }

    @Test
    void withoutAllowRestoreThePageOffersNoRestoreAndARestoreJobFailsSayingWhatToSet() throws Exception {
        SQLiteDataSource dataSource = database();
        try (SqliteConsole console = console(dataSource, false);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String id = start(server, "/api/jobs/stored-backup").get("result").get("id").asText();
            String page = server.get("/backup").body();
            assertThat(rowOf(page, id)).contains("drill-button").contains("download-stored").doesNotContain("restore-link");
            assertThat(page).doesNotContain("id=\"job-restore\"").contains("set allowRestore(true)");

            TestDatabases.execute(dataSource, "DELETE FROM purchase_order");
            JsonNode restore = start(server, "/api/jobs/restore?backup=" + id);
            assertThat(restore.get("state").asText()).isEqualTo("FAILED");
            assertThat(restore.get("error").asText()).contains("restore is not allowed; set allowRestore(true)");
            assertThat(count(dataSource)).isZero();
        }
    }

    /** A typo in {@code backup=} is the caller's mistake: 400 naming the id, before any job starts, and no server path. */
    @Test
    void anUnknownBackupIdIsA400ForDrillAndRestoreThatNamesTheIdAndNoPath() throws Exception {
        try (SqliteConsole console = console(database(), true);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            start(server, "/api/jobs/stored-backup");
            String token = server.csrfToken();
            for (String kind : List.of("restore-drill", "restore")) {
                HttpResponse<String> refused = server.post("/api/jobs/" + kind + "?backup=nope", "X-CSRF-Token", token);

                assertThat(refused.statusCode()).as(kind).isEqualTo(400);
                assertThat(json(refused.body()).get("error").asText()).isEqualTo("a " + kind + " job cannot take backup=nope; "
                        + "there is no stored backup with that id; pick one as GET /api/backups lists it");
                assertThat(refused.body()).doesNotContain(dir.toString());
                assertThat(console.jobs().latest(kind)).as(kind).isEmpty();
            }
        }
    }

    @Test
    void theConfirmationShowsThePreflightAndItsFormStartsTheRestore() throws Exception {
        SQLiteDataSource dataSource = database();
        try (SqliteConsole console = console(dataSource, true);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String id = start(server, "/api/jobs/stored-backup").get("result").get("id").asText();
            String page = server.get("/backup").body();
            assertThat(rowOf(page, id)).contains("restore-link").contains("backups/" + id + "/restore");
            assertThat(page).contains("id=\"job-restore\"").contains("press its Restore button");

            String confirmation = server.get("/backups/" + id + "/restore", "HX-Request", "true", "X-Console-Base", "./").body();
            assertThat(confirmation).doesNotContain("<html").contains("id=\"job-restore\"").contains(id)
                    .contains("id=\"confirm-live-size\"").containsPattern("writers wait about \\d+ s")
                    .contains("hx-post=\"./api/jobs/restore\"").contains("name=\"backup\" value=\"" + id + "\"")
                    .contains("name=\"_console_csrf\"");
            JsonNode listed = json(server.get("/api/backups").body()).get("backups").get(0);
            assertThat(listed.get("id").asText()).isEqualTo(id);
            assertThat(confirmation).as("both sizes, each named").containsPattern("id=\"confirm-backup-size\">[0-9.]+ [KMG]?i?B unpacked \\("
                    + java.util.regex.Pattern.quote(io.github.sqliteconsole.core.sql.ByteSize.format(listed.get("bytes").asLong())
                    + (listed.get("compressed").asBoolean() ? " stored, gzip)" : " stored, uncompressed)")));
            HttpResponse<String> unknown = server.get("/backups/nope%3Cx%3E/restore");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("no stored backup with that id").doesNotContain("nope<x>");

            TestDatabases.execute(dataSource, "DELETE FROM purchase_order");
            JsonNode restored = start(server, "/api/jobs/restore?backup=" + id);
            assertThat(restored.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(count(dataSource)).isEqualTo(5000);
            assertThat(json(server.get("/api/backups").body()).get("backups").findValuesAsText("kind")).contains("before-restore");
            HttpResponse<String> card = server.get("/jobs/restore", "HX-Request", "true");
            assertThat(card.headers().firstValue("HX-Trigger")).as("the page reloads its list").hasValue("backups-changed");
            assertThat(server.get("/backup", "HX-Request", "true").body()).doesNotContain("<html").contains("id=\"stored-list\"")
                    .contains("before-restore");
        }
    }

    @Test
    void whileARestoreRunsItsCardStaysInsteadOfASecondConfirmation() throws Exception {
        Queue<Runnable> held = new ConcurrentLinkedQueue<>();
        try (SqliteConsole console = SqliteConsole.builder(database()).snapshotDirectory(dir.resolve("snapshots"))
                .backupStore(dir.resolve("backups")).allowRestore(true).executor(held::add).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String token = server.csrfToken();
            HttpResponse<String> backup = startHolding(server, held, "/api/jobs/stored-backup", token);
            runHeld(held);
            String id = JobsApiTest.awaitEnd(server, json(backup.body()).get("id").asText()).get("result").get("id").asText();

            startHolding(server, held, "/api/jobs/restore?backup=" + id, token);
            String answer = server.get("/backups/" + id + "/restore", "HX-Request", "true").body();
            assertThat(answer).contains("id=\"job-restore\"").contains("RUNNING").doesNotContain("confirm-restore");
            runHeld(held);
        }
    }

    /** Starts a job whose work waits in {@code held}; a scheduled job holding the slot is run out of the way first. */
    private static HttpResponse<String> startHolding(ConsoleServer server, Queue<Runnable> held, String path, String token) {
        HttpResponse<String> started = await(path).atMost(Duration.ofSeconds(30)).until(() -> {
            runHeld(held);
            return server.post(path, "X-CSRF-Token", token);
        }, response -> response.statusCode() != 409);
        assertThat(started.statusCode()).isEqualTo(202);
        return started;
    }

    private static void runHeld(Queue<Runnable> held) {
        for (Runnable task = held.poll(); task != null; task = held.poll()) {
            task.run();
        }
    }

    @Test
    void storedBackupsOffAnswerAnEmptyListAndThePageSaysHowToTurnThemOn() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database()).snapshotDirectory(dir.resolve("snapshots")).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> api = server.get("/api/backups");
            assertThat(api.statusCode()).isEqualTo(200);
            JsonNode listing = json(api.body());
            assertThat(listing.get("store").isNull()).isTrue();
            assertThat(listing.get("backups")).isEmpty();
            String page = server.get("/backup").body();
            assertThat(page).contains("id=\"stored-off\"").contains("backupStore").doesNotContain("id=\"job-stored-backup\"");
            assertThat(server.get("/backups/app-20260101T000000Z/download").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theOneOffSnapshotShowsItsSha256InHexAndTheHintNamesThisServer() throws Exception {
        try (SqliteConsole console = console(database(), false);
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            JsonNode job = start(server, "/api/jobs/backup");
            String base64 = job.get("result").get("sha256").asText();
            String page = server.get("/backup").body();
            assertThat(page).contains(HexFormat.of().formatHex(Base64.getDecoder().decode(base64))).doesNotContain(base64)
                    .contains("curl -OJ --fail " + server.uri("/backup/download")).doesNotContain("localhost:8080")
                    .contains("data-download-once");
        }
    }

    /** Starts a job (again while another heavy job, a scheduled backup or drill, holds the slot) and waits for its end. */
    private static JsonNode start(ConsoleServer server, String path) throws Exception {
        String token = server.csrfToken();
        HttpResponse<String> started = await("start " + path).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> server.post(path, "X-CSRF-Token", token), response -> response.statusCode() != 409);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return JobsApiTest.awaitEnd(server, json(started.body()).get("id").asText());
    }

    private static JsonNode backupOf(ConsoleServer server, String id) throws Exception {
        for (JsonNode backup : json(server.get("/api/backups").body()).get("backups")) {
            if (backup.get("id").asText().equals(id)) {
                return backup;
            }
        }
        throw new AssertionError("/api/backups does not list " + id);
    }

    private static String fileOf(ConsoleServer server, String id) throws Exception {
        return backupOf(server, id).get("file").asText();
    }

    /** The page's table row of backup {@code id}. */
    private static String rowOf(String page, String id) {
        int start = page.indexOf("id=\"backup-" + id + "\"");
        assertThat(start).as("row of " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private List<String> backupFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            // Names starting with a dot are the console's files in the making, not backups.
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .filter(name -> name.endsWith(".db") || name.endsWith(".db.gz"))
                    .toList();
        }
    }

    /** The damage SECURITY.md row 33 is about: same size, one bit pattern changed in the middle. */
    private static void flipOneByte(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = raw.length() / 2;
            raw.seek(middle);
            int original = raw.read();
            raw.seek(middle);
            raw.write(original ^ 0xFF);
        }
    }

    private static long count(SQLiteDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM purchase_order")) {
            return rows.getLong(1);
        }
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
