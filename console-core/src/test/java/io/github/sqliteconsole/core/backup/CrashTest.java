package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** SECURITY.md row 28: a JVM killed with {@code kill -9} mid stored-backup and mid-restore. */
class CrashTest {

    private static final ConsoleConnections CONNECTIONS = new ConsoleConnections(Duration.ofSeconds(5));

    @TempDir
    Path dir;

    @Test
    void killedMidStoredBackupLeavesNoBackupListedAndItsLeftoversGoAtTheNextStart() throws Exception {
        Path live = dir.resolve("orders.db");
        SQLiteDataSource host = TestDatabases.inventory(live);
        Path store = dir.resolve("store");
        Path marker = dir.resolve("marker");

        Process child = start("backup", live, store, marker);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker) || !child.isAlive());
            assertThat(Files.readString(marker)).startsWith("verifying the copy").endsWith("and compressing it");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(tempFiles(store)).isNotEmpty();
        StoredBackups restarted = StoredBackups.open(StoredBackupOptions.of(store), live, CONNECTIONS, Clock.systemUTC());
        assertThat(restarted.list()).isEmpty();
        assertThat(tempFiles(store)).isEmpty();
        try (Connection connection = host.getConnection()) {
            assertThat(Queries.text(connection, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(Queries.longValue(connection, "SELECT count(*) FROM purchase_order")).isEqualTo(5000);
        }
    }

    @Test
    void killedMidRestoreLeavesTheLiveDatabaseAllBeforeOrAllAfter() throws Exception {
        Path live = dir.resolve("orders.db");
        SQLiteDataSource host = TestDatabases.wellConfigured(live);
        // Big enough (about 40 MiB) that the copy into the live database takes a while.
        TestDatabases.execute(host, "CREATE TABLE blob_row (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)",
                "INSERT INTO blob_row(payload) " + TestDatabases.series(40_000) + " SELECT randomblob(1000) FROM n");
        Path store = dir.resolve("store");
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(store).compression(false).build(), live,
                CONNECTIONS, Clock.systemUTC());
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        TestDatabases.execute(host, "DELETE FROM blob_row WHERE id % 2 = 0",
                "UPDATE blob_row SET payload = randomblob(1000)", "PRAGMA wal_checkpoint(TRUNCATE)");
        Path marker = dir.resolve("marker");

        Process child = start("restore", live, store, marker, backup.id());
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(2))
                    .until(() -> Files.exists(marker) || !child.isAlive());
            assertThat(Files.readString(marker)).startsWith("mid-copy: the WAL holds");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (Connection connection = host.getConnection()) {
            assertThat(Queries.text(connection, "PRAGMA integrity_check")).isEqualTo("ok");
            long rows = Queries.longValue(connection, "SELECT count(*) FROM blob_row");
            long maxId = Queries.longValue(connection, "SELECT max(id) FROM blob_row");
            // All before (the odd half) or all after (every row), never a mixture.
            assertThat(List.of(rows, maxId)).isIn(List.of(20_000L, 39_999L), List.of(40_000L, 40_000L));
        }
        StoredBackups restarted = StoredBackups.open(StoredBackupOptions.builder(store).compression(false).build(), live,
                CONNECTIONS, Clock.systemUTC());
        assertThat(tempFiles(store)).isEmpty();
        assertThat(restarted.list()).allSatisfy(listed -> assertThat(listed.backup().damaged()).isFalse());
        assertThat(restarted.list()).extracting(listed -> listed.backup().manifest().kind())
                .containsExactlyInAnyOrder(BackupKind.MANUAL, BackupKind.BEFORE_RESTORE);
    }

    private static Process start(String mode, Path live, Path store, Path marker, String... more) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), mode, live.toString(), store.toString(),
                marker.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(marker.resolveSibling("child.log").toFile()).start();
    }

    private static List<Path> tempFiles(Path store) throws Exception {
        try (var files = Files.list(store)) {
            return files.filter(file -> file.getFileName().toString().startsWith(BackupStore.TEMP_PREFIX)).toList();
        }
    }
}
