package io.github.sqliteconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo webapp in a real Jetty, started the way the README starts it, with and without {@code -Ddemo.db}. */
class DemoAppTest {

    private static final Pattern JOB_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JOB_STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");

    @TempDir
    Path dir;

    @Test
    void ownDatabaseListsAVerifiedStoredBackupWithinAMinute() throws Exception {
        Map<String, String> properties = Map.of("demo.defaultDb", dir.resolve("demo/inventory.db").toString());
        try (DemoServer demo = new DemoServer(properties)) {
            SqliteConsole console = demo.app().console();

            // Until its manifest is written a new backup file is listed as damaged: wait for an intact one.
            await().atMost(Duration.ofMinutes(1)).until(() -> storedBackups(console).newestIntactId().isPresent());

            StoredBackups stored = storedBackups(console);
            assertThat(stored.options().store()).isEqualTo(dir.resolve("demo/backups"));
            assertThat(stored.options().allowRestore()).isTrue();
            try (Stream<Path> files = Files.list(dir.resolve("demo/backups"))) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .anyMatch(name -> name.startsWith("inventory-") && name.endsWith(".db.gz.json"));
            }
        }
    }

    /**
     * Every job button a user can press, the schedule's stored backup, a restore drill and a
     * snapshot, on someone's file served with {@code -Ddemo.db}: its bytes stay the same and no
     * file appears beside it, in either journal mode.
     */
    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void someonesFileIsNeverWrittenAndNothingAppearsBesideIt(String journalMode) throws Exception {
        Path theirs = dir.resolve("theirs");
        Path file = theirs.resolve("history.db");
        createTheirDatabase(file, journalMode);
        String md5Before = md5(file);
        List<String> filesBefore = namesIn(theirs);

        Map<String, String> properties = new HashMap<>();
        properties.put("demo.db", file.toString());
        properties.put("demo.defaultDb", dir.resolve("demo/inventory.db").toString());
        properties.put("demo.backups", dir.resolve("their-backups").toString());
        try (DemoServer demo = new DemoServer(properties)) {
            String token = demo.csrfToken();
            for (JobKind kind : JobKind.values()) {
                HttpResponse<String> started = demo.post("/admin/api/jobs/" + kind.apiName(), token);
                if (kind.access() == JobKind.Access.OPERATOR) {
                    assertThat(started.statusCode()).as(kind.apiName() + " needs OPERATOR, refused read-only").isEqualTo(403);
                } else {
                    assertThat(started.statusCode()).as(kind.apiName() + ": " + started.body()).isEqualTo(202);
                    assertThat(endedJob(demo, jobId(started.body()))).as(kind.apiName()).contains("\"SUCCEEDED\"");
                }
            }
            SqliteConsole console = demo.app().console();
            await().atMost(Duration.ofMinutes(1)).until(() -> storedBackups(console).newestIntactId().isPresent());
            assertThat(runToTheEnd(console, JobKind.RESTORE_DRILL).state()).isEqualTo(JobState.SUCCEEDED);
            try (var snapshot = console.backups().take(false)) {
                assertThat(snapshot).isNotNull();
            }
            if (journalMode.equals("DELETE")) {
                assertThat(namesIn(theirs)).as("while the demo runs").isEqualTo(filesBefore);
            }
        }

        assertThat(md5(file)).isEqualTo(md5Before);
        if (journalMode.equals("WAL")) {
            // Any reader of a WAL database creates SQLite's -shm and an empty -wal, and only a
            // connection that may write removes them at close: those two, empty of changes, and nothing else.
            assertThat(namesIn(theirs)).containsExactly("history.db", "history.db-shm", "history.db-wal");
            assertThat(theirs.resolve("history.db-wal")).isEmptyFile();
        } else {
            assertThat(namesIn(theirs)).isEqualTo(filesBefore);
        }
        assertThat(dir.resolve("demo/state")).isDirectoryContaining(path -> path.toString().endsWith(".sqlite-console"));
    }

    @Test
    void writableFileLetsTheOperatorRunMaintenance() throws Exception {
        Path file = dir.resolve("theirs/app.db");
        createTheirDatabase(file, "DELETE");
        Map<String, String> properties = Map.of("demo.db", file.toString(),
                "demo.defaultDb", dir.resolve("demo/inventory.db").toString(), "demo.writable", "true");
        try (DemoServer demo = new DemoServer(properties)) {
            HttpResponse<String> analyze = demo.post("/admin/api/jobs/analyze", demo.csrfToken());

            assertThat(analyze.statusCode()).isEqualTo(202);
            assertThat(endedJob(demo, jobId(analyze.body()))).contains("\"SUCCEEDED\"");
            assertThat(demo.app().console().backups().stored()).as("no -Ddemo.backups").isEmpty();
        }
    }

    private static void createTheirDatabase(Path file, String journalMode) throws Exception {
        Files.createDirectories(file.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA journal_mode = " + journalMode);
            sql.execute("CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT NOT NULL, visit_count INTEGER)");
            sql.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, url INTEGER REFERENCES urls(id), visit_time INTEGER)");
            sql.execute("CREATE INDEX visits_url ON visits(url)");
            sql.execute("WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < 2000) "
                    + "INSERT INTO urls SELECT n, 'https://example.com/' || n, n % 7 FROM n");
            sql.execute("WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < 5000) "
                    + "INSERT INTO visits SELECT n, 1 + n % 2100, n * 1000 FROM n");
            sql.execute("DELETE FROM urls WHERE id % 10 = 0");
        }
    }

    /** The job's JSON once it ended. */
    private static String endedJob(DemoServer demo, String id) {
        AtomicReference<String> json = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            json.set(demo.get("/admin/api/jobs/" + id).body());
            Matcher state = JOB_STATE.matcher(json.get());
            return state.find() && !state.group(1).equals("RUNNING");
        });
        return json.get();
    }

    /** Starts {@code kind} through the console, waiting out a scheduled job that holds the slot. */
    private static JobSnapshot runToTheEnd(SqliteConsole console, JobKind kind) {
        AtomicReference<JobSnapshot> started = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            try {
                started.set(console.startJob(kind));
                return true;
            } catch (JobConflict e) {
                return false;
            }
        });
        AtomicReference<JobSnapshot> ended = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            Optional<JobSnapshot> now = console.jobs().get(started.get().id());
            ended.set(now.orElseThrow());
            return now.get().state() != JobState.RUNNING;
        });
        return ended.get();
    }

    private static StoredBackups storedBackups(SqliteConsole console) throws Exception {
        return console.backups().stored().orElseThrow();
    }

    private static String jobId(String json) {
        Matcher id = JOB_ID.matcher(json);
        assertThat(id.find()).as("a job id in " + json).isTrue();
        return id.group(1);
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
