package io.github.sqliteconsole.core.backup;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobConflict;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SnapshotBackupTest {

    @TempDir
    Path dir;

    @Test
    void snapshotUnderAConcurrentWriterIsConsistentAndVerified() throws Exception {
        Path file = dir.resolve("ledger.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        execute(dataSource, "CREATE TABLE ledger (id INTEGER PRIMARY KEY, account INT, amount INT, memo TEXT)",
                "INSERT INTO ledger(account, amount, memo) " + TestDatabases.series(20000)
                        + " SELECT n % 100, CASE n % 2 WHEN 0 THEN 500 ELSE -500 END, hex(randomblob(40)) FROM n");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger transfers = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO ledger(account, amount, memo) VALUES (?, ?, 'transfer')")) {
                connection.setAutoCommit(false);
                while (writing.get()) {
                    int amount = 1 + transfers.get() % 97;
                    insert.setInt(1, transfers.get() % 100);
                    insert.setInt(2, amount);
                    insert.executeUpdate();
                    insert.setInt(1, (transfers.get() + 1) % 100);
                    insert.setInt(2, -amount);
                    insert.executeUpdate();
                    connection.commit();
                    transfers.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupDirectory(dir.resolve("tmp")).build()) {
            await("the writer is busy").atMost(Duration.ofSeconds(30)).until(() -> transfers.get() >= 50);
            Path copy;
            try (Snapshot snapshot = console.backups().take(false)) {
                copy = snapshot.file();
                assertThat(snapshot.downloadName()).matches("ledger-\\d{8}T\\d{6}Z\\.db");
                assertThat(snapshot.bytes()).isEqualTo(Files.size(copy));
                assertThat(snapshot.sha256Base64()).isEqualTo(sha256(Files.newInputStream(copy)));
                Path kept = dir.resolve("kept.db");
                Files.copy(copy, kept);
                assertThatThrownBy(() -> console.backups().take(false)).isInstanceOf(JobConflict.class);
            }
            assertThat(copy).as("closing deletes the temp file").doesNotExist();
            int during = transfers.get();
            writing.set(false);
            writer.join();
            assertThat(transfers.get()).as("the writer kept committing").isGreaterThan(50);
            assertThat(during).isPositive();

            SQLiteDataSource snapshot = TestDatabases.existingOnly(dir.resolve("kept.db"));
            assertThat(single(snapshot, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(single(snapshot, "SELECT sum(amount) FROM ledger")).isEqualTo("0");
            assertThat(single(snapshot, "PRAGMA journal_mode")).as("self-contained").isEqualTo("delete");
            try (Snapshot next = console.backups().take(true)) {
                assertThat(next.downloadName()).endsWith(".db.gz");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(next.file()))) {
                    assertThat(new String(in.readNBytes(16), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
                }
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(Files.list(dir.resolve("tmp"))).isEmpty();
    }

    @Test
    void unsafeDatabaseNamesBecomeSafeDownloadNames() {
        assertThat(SnapshotBackup.safeName(Path.of("/x/app.db"))).isEqualTo("app");
        assertThat(SnapshotBackup.safeName(Path.of("/x/we\"ird\r\nname ñ.sqlite"))).isEqualTo("we_ird__name__");
    }

    private static String sha256(InputStream in) throws Exception {
        try (in) {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    private static String single(SQLiteDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
