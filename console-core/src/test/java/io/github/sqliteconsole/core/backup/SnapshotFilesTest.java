package io.github.sqliteconsole.core.backup;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** SECURITY.md rows 27 and 28 for snapshots: private files in a private directory, no clutter after a crash. */
class SnapshotFilesTest {

    @TempDir
    Path dir;

    private SQLiteDataSource seeded() throws Exception {
        Path file = dir.resolve("app.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        // A host database that others may read: the copy must still be the owner's alone.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return dataSource;
    }

    private static String modeOf(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void snapshotFilesAre0600InA0700Directory() throws Exception {
        Path backups = dir.resolve("backups");
        try (SqliteConsole console = SqliteConsole.builder(seeded()).backupDirectory(backups).build()) {
            try (Snapshot plain = console.backups().take(false)) {
                assertThat(modeOf(plain.file())).isEqualTo("rw-------");
            }
            try (Snapshot gzip = console.backups().take(true)) {
                assertThat(modeOf(gzip.file())).isEqualTo("rw-------");
            }
        }
        assertThat(modeOf(backups)).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryOthersCanWriteIsRefused() throws Exception {
        Path backups = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (SqliteConsole console = SqliteConsole.builder(seeded()).backupDirectory(backups).build()) {
            assertThatThrownBy(() -> console.backups().take(false)).isInstanceOf(IOException.class)
                    .hasMessageContaining("is writable by other users").hasMessageContaining("chmod 700");
        }
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: giving a directory to another user (chown nobody) needs root");
        Path backups = Files.createDirectory(dir.resolve("theirs"));
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody = backups.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(backups, nobody);
        try (SqliteConsole console = SqliteConsole.builder(seeded()).backupDirectory(backups).build()) {
            assertThatThrownBy(() -> console.backups().take(false)).isInstanceOf(IOException.class)
                    .hasMessageContaining("belongs to nobody");
        }
    }

    @Test
    void leftoversOfAKilledProcessAreRemovedAtTheNextStartAndNothingElse() throws Exception {
        SQLiteDataSource dataSource = seeded();
        execute(dataSource, "CREATE TABLE filler (b BLOB)",
                "INSERT INTO filler " + TestDatabases.series(2000) + " SELECT randomblob(4000) FROM n");
        Path backups = dir.resolve("backups");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SnapshotChild.class.getName(),
                dir.resolve("app.db").toString(), backups.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String childFiles = "snapshot-" + child.pid() + "-";
        // Killed as soon as its copy exists: mid-copy, mid-check, or while it holds the finished copy.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> !namesIn(backups, childFiles).isEmpty());
        child.destroyForcibly();
        assertThat(child.waitFor()).isEqualTo(137);
        assertThat(namesIn(backups, childFiles)).isNotEmpty();
        // A live process's copy (this JVM's) and a file of another name stay untouched.
        Path live = Files.createFile(backups.resolve("snapshot-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".db"));
        Path foreign = Files.createFile(backups.resolve("snapshot-notes.db"));

        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupDirectory(backups).build()) {
            assertThat(namesIn(backups, childFiles)).isEmpty();
            assertThat(live).exists();
            assertThat(foreign).exists();
        }
        try (Connection check = dataSource.getConnection(); ResultSet verdict = check.createStatement()
                .executeQuery("PRAGMA quick_check")) {
            assertThat(verdict.next()).isTrue();
            assertThat(verdict.getString(1)).isEqualTo("ok");
        }
    }

    private static List<String> namesIn(Path directory, String prefix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(prefix)).toList();
        }
    }
}
