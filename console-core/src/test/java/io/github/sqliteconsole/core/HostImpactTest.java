package io.github.sqliteconsole.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.backup.Snapshot;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManagerTest;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** SECURITY.md row 12: in WAL mode the host's writers never see SQLITE_BUSY while the console works. */
class HostImpactTest {

    @TempDir
    Path dir;

    @Test
    void hostWritersNeverFailWhileChecksAndABackupRun() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(dir.resolve("busy.db"));
        TestDatabases.execute(dataSource, "CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT)");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger commits = new AtomicInteger();
        List<SQLException> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Thread writer = new Thread(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO events(body) VALUES (hex(randomblob(64)))")) {
                    while (writing.get()) {
                        try {
                            insert.executeUpdate();
                            commits.incrementAndGet();
                        } catch (SQLException e) {
                            failures.add(e);
                        }
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            });
            writer.start();
            writers.add(writer);
        }
        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupDirectory(dir.resolve("tmp")).build()) {
            JobSnapshot integrity = console.startJob(JobKind.INTEGRITY_CHECK);
            JobSnapshot foreignKeys = console.startJob(JobKind.FOREIGN_KEY_CHECK);
            try (Snapshot snapshot = console.backups().take(false)) {
                assertThat(snapshot.bytes()).isPositive();
            }
            assertThat(JobManagerTest.awaitEnd(console.jobs(), integrity.id()).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(JobManagerTest.awaitEnd(console.jobs(), foreignKeys.id()).state()).isEqualTo(JobState.SUCCEEDED);
            console.space().report(java.time.Duration.ofSeconds(5));
        } finally {
            writing.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
        }
        assertThat(failures).as("errors the host's writers saw").isEmpty();
        assertThat(commits.get()).isPositive();
    }
}
