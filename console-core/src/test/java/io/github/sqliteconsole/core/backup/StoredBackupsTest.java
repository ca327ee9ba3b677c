package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class StoredBackupsTest {

    private static final ConsoleConnections CONNECTIONS = new ConsoleConnections(Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private Path live;
    private SQLiteDataSource host;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:15:30Z"));

    @BeforeEach
    void liveDatabase() throws Exception {
        live = dir.resolve("inventory.db");
        host = TestDatabases.inventory(live);
        TestDatabases.execute(host, "PRAGMA user_version = 7");
    }

    private StoredBackups open(StoredBackupOptions options) throws Exception {
        return StoredBackups.open(options, live, CONNECTIONS, clock);
    }

    @Test
    void aStoredBackupIsVerifiedHashedAndDescribedByItsManifest() throws Exception {
        StoredBackups backups = open(StoredBackupOptions.of(dir.resolve("store")));

        BackupRun run = backups.backUp(BackupKind.MANUAL, JobContext.NONE);

        Path file = dir.resolve("store/inventory-20260301T101530Z.db.gz");
        assertThat(run.backup().file()).isEqualTo(file);
        BackupManifest manifest = run.backup().manifest();
        assertThat(manifest.id()).isEqualTo("inventory-20260301T101530Z");
        assertThat(manifest.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(manifest.kind()).isEqualTo(BackupKind.MANUAL);
        assertThat(manifest.source()).isEqualTo(live.toAbsolutePath().toString());
        assertThat(manifest.bytes()).isEqualTo(Files.size(file));
        assertThat(manifest.sha256()).isEqualTo(sha256sum(file));
        assertThat(manifest.compressed()).isTrue();
        assertThat(manifest.userVersion()).isEqualTo(7);
        assertThat(manifest.tables()).containsExactly(Map.entry("purchase_order", 5000L), Map.entry("supplier", 50L));
        assertThat(manifest.quickCheck()).isEqualTo("ok");
        assertThat(manifest.drill()).isNull();
        assertThat(manifest.sqliteVersion()).matches("3\\.\\d+\\.\\d+");

        Path unpacked = dir.resolve("unpacked.db");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Files.copy(in, unpacked);
        }
        assertThat(Files.size(unpacked)).isEqualTo(manifest.pageCount() * manifest.pageSize());
        try (Connection copy = CONNECTIONS.openReadOnly(unpacked)) {
            assertThat(Queries.text(copy, "PRAGMA journal_mode")).isEqualTo("delete");
            assertThat(Queries.longValue(copy, "SELECT count(*) FROM purchase_order")).isEqualTo(5000);
        }
        BackupManifest reread = BackupManifest.fromJson(Files.readString(dir.resolve("store/" + file.getFileName() + ".json")));
        assertThat(reread).isEqualTo(manifest);
        assertThat(backups.list()).singleElement().satisfies(listed -> {
            assertThat(listed.backup().damaged()).isFalse();
            assertThat(listed.tiers()).containsExactly(RetentionTier.values());
        });
    }

    @Test
    void filesAre0600InA0700StoreAndNothingTemporaryIsLeft() throws Exception {
        StoredBackups backups = open(StoredBackupOptions.builder(dir.resolve("store")).compression(false).build());

        backups.backUp(BackupKind.SCHEDULED, JobContext.NONE);

        Path store = dir.resolve("store");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rwx------");
        try (var files = Files.list(store)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("inventory-20260301T101530Z.db", "inventory-20260301T101530Z.db.json");
            for (Path file : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aWorldWritableStoreIsRefused() throws Exception {
        Path store = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> open(StoredBackupOptions.of(store)))
                .hasMessageContaining("backupStore " + store.toAbsolutePath() + " is writable by other users")
                .hasMessageContaining("chmod 700");
    }

    @Test
    void aBackupWithoutItsManifestOrWithAnUnreadableOneIsListedDamaged() throws Exception {
        StoredBackups backups = open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true).build());
        StoredBackup first = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        clock.advance(Duration.ofHours(1));
        StoredBackup second = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        clock.advance(Duration.ofHours(1));
        StoredBackup third = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();

        Files.delete(Path.of(first.file() + ".json"));
        Files.writeString(Path.of(second.file() + ".json"), "{\"id\": \"x\",}");

        List<ListedBackup> listed = backups.list();
        assertThat(listed).extracting(l -> l.backup().id()).containsExactly(third.id(), second.id(), first.id());
        assertThat(listed.get(0).backup().damaged()).isFalse();
        assertThat(listed.get(1).backup().damage()).startsWith("its manifest " + second.file().getFileName()
                + ".json cannot be read: not valid manifest JSON");
        assertThat(listed.get(2).backup().damage()).startsWith("no manifest");
        assertThat(listed.get(1).tiers()).isEmpty();
        assertThatThrownBy(() -> backups.preflight(first.id())).isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void theConsolesOwnLeftoversAreRemovedAtStartAndNothingElse() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwx------"));
        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(store.resolve(".tmp-sqlite-console-1234-inventory.db"), "partial");
        Files.writeString(store.resolve(".tmp-sqlite-console-1234-inventory.db-journal"), "journal");
        Files.writeString(copy.resolve(".tmp-sqlite-console-99-x.db.gz"), "partial");
        Files.writeString(store.resolve("notes.txt"), "the operator's");
        Files.writeString(store.resolve(".tmp-other-tool"), "not ours");

        StoredBackups backups = open(StoredBackupOptions.builder(store).copies(copy).build());

        try (var files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.txt", ".tmp-other-tool");
        }
        try (var files = Files.list(copy)) {
            assertThat(files).isEmpty();
        }
        assertThat(backups.list()).isEmpty();
    }

    @Test
    void aBackupAlteredAfterItWasTakenIsRefusedByRestoreAndFailsTheDrill() throws Exception {
        StoredBackups backups = open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true).build());
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        TestDatabases.execute(host, "DELETE FROM purchase_order WHERE id > 10");
        assertThat(backups.downloadable(backup.id())).isEqualTo(backup.file());
        flipOneByte(backup.file(), Files.size(backup.file()) / 2);
        // Listing does not hash: the size still matches, so only an explicit verify finds it.
        assertThat(backups.list().get(0).backup().damaged()).isFalse();

        assertThatThrownBy(() -> backups.restore(backup.id(), JobContext.NONE))
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("backup " + backup.id() + " refused: the SHA-256 of " + backup.file().getFileName())
                .hasMessageContaining("its manifest says " + backup.manifest().sha256());
        try (Connection connection = host.getConnection()) {
            assertThat(Queries.longValue(connection, "SELECT count(*) FROM purchase_order")).isEqualTo(10);
        }
        assertThat(backups.list()).extracting(l -> l.backup().manifest().kind()).containsExactly(BackupKind.MANUAL);
        assertThat(backups.verify(backup.id(), JobContext.NONE).damage()).startsWith("the SHA-256 of "
                + backup.file().getFileName() + " is ");
        assertThatThrownBy(() -> backups.downloadable(backup.id())).isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("is damaged and not handed out");

        DrillResult drill = backups.drill(backup.id(), JobContext.NONE);

        assertThat(drill.ok()).isFalse();
        assertThat(drill.detail()).contains("SHA-256 of " + backup.file().getFileName());
        StoredBackup listed = backups.list().get(0).backup();
        assertThat(listed.damage()).contains("the file was altered after it was taken");
        assertThat(listed.manifest().drill()).isEqualTo(drill);
        assertThat(listed.manifest().proven()).isFalse();
    }

    @Test
    void aDrillProvesAnIntactBackupAndIsRecordedInItsManifest() throws Exception {
        StoredBackups backups = open(StoredBackupOptions.of(dir.resolve("store")));
        StoredBackup backup = backups.backUp(BackupKind.SCHEDULED, JobContext.NONE).backup();
        clock.advance(Duration.ofMinutes(3));

        DrillResult drill = backups.drillNewest(JobContext.NONE).orElseThrow();

        assertThat(drill).isEqualTo(new DrillResult(Instant.parse("2026-03-01T10:18:30Z"), true,
                "ok: SHA-256, integrity_check and 2 tables' row counts match"));
        BackupManifest manifest = BackupManifest.fromJson(Files.readString(Path.of(backup.file() + ".json")));
        assertThat(manifest.drill()).isEqualTo(drill);
        assertThat(manifest.proven()).isTrue();
        assertThat(manifest.withDrill(null)).isEqualTo(backup.manifest());
        assertThat(backups.nextDrill()).isEqualTo(Instant.parse("2026-03-02T10:18:30Z"));
        try (var files = Files.list(dir.resolve("store"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp"));
        }
    }

    @Test
    void everyBackupIsCopiedAndCheckedInTheSecondaryDirectories() throws Exception {
        Path copy = dir.resolve("secondary");
        StoredBackups backups = open(StoredBackupOptions.builder(dir.resolve("store")).copies(copy)
                .retention(new Retention(2, 0, 0, 0, 0)).build());

        for (int i = 0; i < 3; i++) {
            BackupRun run = backups.backUp(BackupKind.SCHEDULED, JobContext.NONE);
            assertThat(run.copies()).singleElement().satisfies(outcome -> assertThat(outcome.ok()).isTrue());
            clock.advance(Duration.ofHours(1));
        }

        BackupStore secondary = BackupStore.open(copy, "backupCopies");
        List<StoredBackup> copied = secondary.list();
        assertThat(copied).extracting(StoredBackup::id)
                .containsExactly("inventory-20260301T121530Z", "inventory-20260301T111530Z");
        assertThat(backups.list()).extracting(l -> l.backup().id()).isEqualTo(copied.stream().map(StoredBackup::id).toList());
        for (StoredBackup each : copied) {
            assertThat(sha256sum(each.file())).isEqualTo(each.manifest().sha256());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(each.file()))).isEqualTo("rw-------");
        }
        assertThat(backups.health()).isEqualTo(new BackupHealth(true,
                "newest stored backup inventory-20260301T121530Z, 60 min old"));
    }

    @Test
    void retentionDeletesOnlyIntactBackupsTheConsoleWroteAndKeepsBeforeRestoreOnesApart() throws Exception {
        Path store = dir.resolve("store");
        StoredBackups backups = open(StoredBackupOptions.builder(store).retention(new Retention(1, 0, 0, 0, 0)).build());
        Files.writeString(store.resolve("inventory-20200101T000000Z.db"), "someone else's file, no manifest");
        StoredBackup beforeRestore = backups.backUp(BackupKind.BEFORE_RESTORE, JobContext.NONE).backup();
        clock.advance(Duration.ofHours(1));
        StoredBackup altered = backups.backUp(BackupKind.SCHEDULED, JobContext.NONE).backup();
        Files.writeString(Path.of(altered.file() + ".json"), "{}");
        clock.advance(Duration.ofHours(1));
        StoredBackup older = backups.backUp(BackupKind.SCHEDULED, JobContext.NONE).backup();
        clock.advance(Duration.ofHours(1));

        BackupRun run = backups.backUp(BackupKind.SCHEDULED, JobContext.NONE);

        assertThat(run.deleted()).containsExactly(older.id());
        assertThat(backups.list()).extracting(l -> l.backup().id()).containsExactlyInAnyOrder(run.backup().id(),
                beforeRestore.id(), altered.id(), "inventory-20200101T000000Z");
        assertThat(Files.exists(older.file())).isFalse();
        assertThat(Files.exists(Path.of(older.file() + ".json"))).isFalse();
    }

    @Test
    void aFailedCopyIsADegradedReasonAndTheStoredBackupStays() throws Exception {
        Path copy = dir.resolve("secondary");
        StoredBackups backups = open(StoredBackupOptions.builder(dir.resolve("store")).copies(copy).build());
        // The share went away and something else sits at its path (permissions do not stop root).
        Files.delete(copy);
        Files.writeString(copy, "not a directory");

        BackupRun run = backups.backUp(BackupKind.SCHEDULED, JobContext.NONE);

        assertThat(run.copies()).singleElement().satisfies(outcome -> {
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.problem()).startsWith("copying " + run.backup().manifest().file() + " to "
                    + copy.toAbsolutePath() + " failed").endsWith("the primary backup is intact");
        });
        assertThat(backups.list()).singleElement().satisfies(l -> assertThat(l.backup().damaged()).isFalse());
        assertThat(sha256sum(run.backup().file())).isEqualTo(run.backup().manifest().sha256());
        BackupHealth health = backups.health();
        assertThat(health.up()).isFalse();
        assertThat(health.detail()).isEqualTo(run.copies().get(0).problem());
    }

    @Test
    void healthIsDegradedWhenTheNewestBackupIsOlderThanTwoIntervalsOrTheLastAttemptFailed() throws Exception {
        StoredBackups backups = open(StoredBackupOptions.of(dir.resolve("store")));
        assertThat(backups.health()).isEqualTo(new BackupHealth(false, "no stored backup in "
                + dir.resolve("store").toAbsolutePath() + " yet"));
        backups.backUp(BackupKind.SCHEDULED, JobContext.NONE);
        assertThat(backups.health().up()).isTrue();
        assertThat(backups.nextBackup()).isEqualTo(Instant.parse("2026-03-01T11:15:30Z"));

        clock.advance(Duration.ofHours(2));
        assertThat(backups.health()).isEqualTo(new BackupHealth(false,
                "the newest stored backup is 120 min old, more than twice the interval of 60 min"));

        Files.delete(live);
        assertThatThrownBy(() -> backups.backUp(BackupKind.SCHEDULED, JobContext.NONE)).isInstanceOf(java.sql.SQLException.class);
        BackupHealth failed = backups.health();
        assertThat(failed.up()).isFalse();
        assertThat(failed.detail()).startsWith("the last stored backup failed at 2026-03-01T12:15:30Z: ");
        assertThat(backups.nextBackup()).isEqualTo(Instant.parse("2026-03-01T12:20:30Z"));
    }

    @Test
    void optionsSayWhatToSet() {
        assertThatThrownBy(() -> StoredBackupOptions.builder(null).build())
                .hasMessage("backupStore is not set; set it to a directory for the stored backups "
                        + "(only the application's user may write it)");
        assertThatThrownBy(() -> StoredBackupOptions.builder(dir).interval(Duration.ofSeconds(1)).build())
                .hasMessage("backupInterval is PT1S; set at least PT10S (ISO-8601, e.g. PT1H)");
        assertThatThrownBy(() -> StoredBackupOptions.builder(dir).copies(dir).build())
                .hasMessageContaining("each copy must go to its own directory");
        StoredBackupOptions defaults = StoredBackupOptions.of(dir);
        assertThat(defaults).isEqualTo(new StoredBackupOptions(dir, Duration.ofHours(1), Retention.DEFAULT, List.of(),
                Duration.ofHours(24), false, true));
        assertThat(Set.of(defaults.retention())).containsExactly(new Retention(24, 30, 12, 24, 10));
    }

    static String sha256sum(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static void flipOneByte(Path file, long at) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
    }
}
