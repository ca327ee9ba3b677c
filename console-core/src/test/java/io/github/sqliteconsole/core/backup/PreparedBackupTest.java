package io.github.sqliteconsole.core.backup;

import static org.awaitility.Awaitility.await;
import io.github.sqliteconsole.core.job.JobKind;
import java.util.Map;
import io.github.sqliteconsole.core.job.PreparedBackup;
import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobManagerTest;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class PreparedBackupTest {

    @TempDir
    Path dir;

    private SQLiteDataSource database(int blobs) throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("app.db"));
        execute(dataSource, "CREATE TABLE big (data BLOB)",
                "INSERT INTO big " + TestDatabases.series(blobs) + " SELECT randomblob(8000) FROM n");
        return dataSource;
    }

    @Test
    void aBackupJobReportsProgressAndHandsItsVerifiedSnapshotOutOnce() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database(4000)).backupDirectory(dir.resolve("tmp")).build()) {
            JobSnapshot started = console.start(JobKind.BACKUP, Map.of());
            assertThat(started.kind()).isEqualTo("backup");
            Set<String> messages = new HashSet<>();
            JobSnapshot job = await("the backup job ends").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                    .until(() -> console.jobs().get(started.id()).orElseThrow(), now -> {
                        messages.add(now.message());
                        return now.state().finished();
                    });
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(messages).as("the card shows what the job does while it runs")
                    .anySatisfy(message -> assertThat(message).startsWith("copying"));

            PreparedBackup prepared = (PreparedBackup) job.result();
            assertThat(prepared.fileName()).matches("app-\\d{8}T\\d{6}Z\\.db");
            assertThat(prepared.expiresAt()).isAfter(job.endedAt());
            assertThatThrownBy(() -> console.start(JobKind.BACKUP, Map.of())).as("one prepared snapshot waits at a time")
                    .isInstanceOf(JobConflict.class);
            try (Snapshot oneRequest = console.backups().take(false)) {
                assertThat(oneRequest.bytes()).as("a waiting snapshot does not block a download").isPositive();
            }

            try (Snapshot snapshot = console.backups().takePrepared(prepared.key()).orElseThrow()) {
                assertThat(snapshot.bytes()).isEqualTo(prepared.bytes()).isEqualTo(Files.size(snapshot.file()));
                assertThat(sha256(snapshot.file())).isEqualTo(prepared.sha256Base64());
                assertThat(console.backups().takePrepared(prepared.key())).as("handed out once").isEmpty();
            }
            assertThat(tempFiles()).as("deleted after the transfer").isEmpty();
            try (Snapshot next = console.backups().take(false)) {
                assertThat(next.bytes()).as("the slot is free again").isPositive();
            }
        }
    }

    @Test
    void aCancelledBackupLeavesNoFileAndFreesTheSlot() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database(4000)).backupDirectory(dir.resolve("tmp")).build()) {
            JobSnapshot started = console.start(JobKind.BACKUP, Map.of("compress", "gzip"));
            console.jobs().cancel(started.id());
            JobSnapshot ended = JobManagerTest.awaitEnd(console.jobs(), started.id());
            assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
            assertThat(ended.result()).isNull();
            assertThat(tempFiles()).isEmpty();
            JobSnapshot again = console.start(JobKind.BACKUP, Map.of("compress", "gzip"));
            assertThat(JobManagerTest.awaitEnd(console.jobs(), again.id()).state()).as("slot freed").isEqualTo(JobState.SUCCEEDED);
        }
    }

    @Test
    void aPreparedSnapshotNobodyFetchesIsDeletedWhenItExpires() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (SqliteConsole console = SqliteConsole.builder(database(10)).backupDirectory(dir.resolve("tmp")).build()) {
            Snapshot snapshot = console.backups().take(false);
            PreparedSnapshots prepared = new PreparedSnapshots(timer, Duration.ofMillis(50), Clock.systemUTC());
            PreparedBackup waiting = prepared.add(snapshot);
            assertThat(snapshot.file()).exists();
            await("deleted on expiry").atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(snapshot.file()));
            assertThat(prepared.take(waiting.key())).isEmpty();
            try (Snapshot next = console.backups().take(false)) {
                assertThat(next.file()).as("expiry freed the slot").exists();
            }
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aSnapshotIsRefusedWhenItWouldEatIntoTheDiskReserve() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database(10)).backupDirectory(dir.resolve("tmp"))
                .diskReserve(Long.MAX_VALUE / 4).build()) {
            assertThatThrownBy(() -> console.backups().take(false)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("not enough space for the snapshot").hasMessageContaining("set backupDirectory");
            assertThatThrownBy(() -> console.backups().take(true)).as("a refusal frees the slot: no 409")
                    .isInstanceOf(IOException.class);
            JobSnapshot job = JobManagerTest.awaitEnd(console.jobs(), console.start(JobKind.BACKUP, Map.of()).id());
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.error()).startsWith("not enough space for the snapshot");
            assertThat(tempFiles()).isEmpty();
        }
    }

    private Set<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return new HashSet<>(files.toList());
        }
    }

    private static String sha256(Path file) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
