package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class JobsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static JsonNode awaitEnd(ConsoleServer server, String id) {
        return await("job " + id + " ends").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> JSON.readTree(server.get("/api/jobs/" + id).body()), job -> !job.get("state").asText().equals("RUNNING"));
    }

    private SQLiteDataSource inventoryWithViolation() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(dir.resolve("app.db"));
        TestDatabases.execute(dataSource, "PRAGMA foreign_keys = OFF",
                "INSERT INTO purchase_order(id, supplier_id) VALUES (90001, 777), (90002, 778)");
        return dataSource;
    }

    @Test
    void foreignKeyCheckRunsAsAJobWithTheContractResult() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(inventoryWithViolation()).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> started = server.post("/api/jobs/foreign-key-check", "X-CSRF-Token", server.csrfToken());
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode job = JSON.readTree(started.body());
            assertThat(job.get("kind").asText()).isEqualTo("foreign-key-check");

            JsonNode done = awaitEnd(server, job.get("id").asText());
            assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
            JsonNode key = done.get("result").get("foreignKeys").get(0);
            assertThat(key.get("table").asText()).isEqualTo("purchase_order");
            assertThat(key.get("parent").asText()).isEqualTo("supplier");
            assertThat(key.get("columns").get(0).asText()).isEqualTo("supplier_id");
            assertThat(key.get("parentColumns").get(0).asText()).isEqualTo("id");
            assertThat(key.get("violations").asLong()).isEqualTo(2);
            assertThat(key.get("error").isNull()).isTrue();
            assertThat(key.get("sampleRowids")).extracting(JsonNode::asLong).containsExactly(90001L, 90002L);
        }
    }

    @Test
    void orphanScanAddsRelationsIncludingConfiguredOnes() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(inventoryWithViolation())
                .relations("purchase_order.supplier_id -> supplier.id").build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            JsonNode job = JSON.readTree(server.post("/api/jobs/orphan-scan", "X-CSRF-Token", server.csrfToken()).body());
            JsonNode done = awaitEnd(server, job.get("id").asText());

            assertThat(done.get("result").get("foreignKeys")).hasSize(1);
            assertThat(done.get("result").get("relations")).anySatisfy(relation -> {
                assertThat(relation.get("child").asText()).isEqualTo("purchase_order");
                assertThat(relation.get("declared").asBoolean()).isTrue();
                assertThat(relation.get("orphans").asLong()).isEqualTo(2);
            }).anySatisfy(relation -> {
                assertThat(relation.get("origin").asText()).isEqualTo("configured");
                assertThat(relation.get("orphans").asLong()).isEqualTo(2);
                assertThat(relation.get("deleteSql").asText()).startsWith("DELETE FROM \"purchase_order\"");
            });
        }
    }

    @Test
    void secondJobOfAKindIs409AndCancelStopsIt() throws Exception {
        Path file = dir.resolve("locked.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        SQLiteDataSource dataSource = TestDatabases.dataSource(file, config);
        TestDatabases.seedInventory(dataSource);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).busyTimeout(Duration.ofSeconds(10)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults());
             Connection writer = dataSource.getConnection(); Statement lock = writer.createStatement()) {
            String token = server.csrfToken();
            assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
            lock.execute("BEGIN EXCLUSIVE");
            lock.execute("UPDATE supplier SET name = name");

            JsonNode first = JSON.readTree(server.post("/api/jobs/integrity-check", "X-CSRF-Token", token).body());
            HttpResponse<String> second = server.post("/api/jobs/integrity-check", "X-CSRF-Token", token);
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.body()).contains("already running");

            HttpResponse<String> cancelled = server.post("/api/jobs/" + first.get("id").asText() + "/cancel", "X-CSRF-Token", token);
            assertThat(cancelled.statusCode()).isEqualTo(200);
            lock.execute("ROLLBACK");
            JsonNode ended = awaitEnd(server, first.get("id").asText());
            assertThat(ended.get("state").asText()).as("stopped while it waited for the lock").isEqualTo("CANCELLED");
            assertThat(ended.get("error").asText()).isEqualTo("cancelled by a user");
        }
    }

    /** GET /api/jobs: every job as GET /api/jobs/{id} shows it, the latest started first. */
    @Test
    void listShowsRecentJobsNewestFirstInTheSingleJobShape() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(inventoryWithViolation()).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            HttpResponse<String> empty = server.get("/api/jobs");
            assertThat(empty.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(empty.body()).get("jobs")).isEmpty();

            String token = server.csrfToken();
            String first = JSON.readTree(server.post("/api/jobs/quick-check", "X-CSRF-Token", token).body()).get("id").asText();
            awaitEnd(server, first);
            String second = JSON.readTree(server.post("/api/jobs/foreign-key-check", "X-CSRF-Token", token).body()).get("id").asText();
            awaitEnd(server, second);

            HttpResponse<String> listed = server.get("/api/jobs");
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode jobs = JSON.readTree(listed.body()).get("jobs");
            assertThat(jobs).extracting(job -> job.get("id").asText()).containsExactly(second, first);
            assertThat(jobs.get(0)).isEqualTo(JSON.readTree(server.get("/api/jobs/" + second).body()));
            assertThat(jobs.get(1)).isEqualTo(JSON.readTree(server.get("/api/jobs/" + first).body()));
            assertThat(jobs.get(0).get("result").get("foreignKeys").get(0).get("violations").asLong()).isEqualTo(2);
            assertThat(jobs.get(1).get("result").get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void unknownKindsAndIdsAre404AndGetCannotStartAJob() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(inventoryWithViolation()).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String token = server.csrfToken();
            assertThat(server.post("/api/jobs/drop-everything", "X-CSRF-Token", token).statusCode()).isEqualTo(404);
            assertThat(server.get("/api/jobs/%3Cscript%3E").statusCode()).isEqualTo(404);
            assertThat(server.post("/api/jobs/nope/cancel", "X-CSRF-Token", token).statusCode()).isEqualTo(404);
            assertThat(server.post("/api/jobs/quick-check").statusCode()).as("no token").isEqualTo(403);
            assertThat(console.jobs().recent()).isEmpty();
            assertThat(console.jobs().latest("quick-check")).isEmpty();
        }
    }

    @Test
    void integrityPageShowsCardsAndHtmxStartReturnsTheCard() throws Exception {
        Path file = dir.resolve("damaged.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        TestDatabases.corruptMiddlePage(dataSource, file);
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(file)).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String page = server.get("/integrity").body();
            assertThat(page).contains("id=\"job-quick-check\"").contains("id=\"job-integrity-check\"")
                    .contains("id=\"job-foreign-key-check\"").contains("id=\"job-orphan-scan\"");

            HttpResponse<String> card = server.post("/api/jobs/integrity-check", "X-CSRF-Token", server.csrfToken(),
                    "HX-Request", "true");
            assertThat(card.statusCode()).isEqualTo(200);
            assertThat(card.body().strip()).startsWith("<section").contains("id=\"job-integrity-check\"");
            JsonNode done = awaitEnd(server, console.jobs().latest("integrity-check").orElseThrow().id());
            assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.get("result").get("ok").asBoolean()).isFalse();
            assertThat(done.get("result").get("errors")).isNotEmpty();
            String finished = server.get("/jobs/integrity-check").body();
            assertThat(finished).contains("problems found")
                    .as("no green SUCCEEDED beside the damage").doesNotContain("state-succeeded").doesNotContain(">SUCCEEDED<")
                    .contains(">PROBLEMS FOUND<").contains("class=\"corruption-advice\"").contains(".recover");
            assertThat(server.get("/api/health").statusCode()).isEqualTo(503);
            assertThat(server.get("/").body()).as("the overview leads to the advice")
                    .containsPattern("class=\"problem-link\"\\s+href=\"\\./integrity\"");
        }
    }

    /** The one-per-kind rule holds under a race: of two POSTs sent together, exactly one starts a job. */
    @Test
    void twoSimultaneousStartsOfOneKindGiveExactlyOne202() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(dir.resolve("race.db"));
        // Jobs wait at this gate before they begin, so the first is surely still running when the second arrives.
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService jobThreads = java.util.concurrent.Executors.newCachedThreadPool();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).executor(job -> jobThreads.execute(() -> {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    job.run();
                })).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String token = server.csrfToken();
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.Callable<HttpResponse<String>> send = () -> {
                together.await();
                return server.post("/api/jobs/integrity-check", "X-CSRF-Token", token);
            };
            var first = senders.submit(send);
            var second = senders.submit(send);
            java.util.List<HttpResponse<String>> answers = java.util.List.of(first.get(), second.get());

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
            HttpResponse<String> accepted = answers.stream().filter(a -> a.statusCode() == 202).findFirst().orElseThrow();
            HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            String id = JSON.readTree(accepted.body()).get("id").asText();
            assertThat(JSON.readTree(refused.body()).get("job").get("id").asText()).as("the 409 names the running job").isEqualTo(id);
            gate.countDown();
            assertThat(awaitEnd(server, id).get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(console.jobs().recent()).as("one job ran, not two").hasSize(1);
        } finally {
            gate.countDown();
            senders.shutdown();
            jobThreads.shutdown();
        }
    }
}
