package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class RestoreIntoLiveTest {

    private static final ConsoleConnections CONNECTIONS = new ConsoleConnections(Duration.ofSeconds(5));

    @TempDir
    Path dir;

    @Test
    void restoreWhileTheHostPoolHoldsConnectionsAndAWriterIsBusy() throws Exception {
        Path live = dir.resolve("shop.db");
        SQLiteDataSource sqlite = TestDatabases.wellConfigured(live);
        TestDatabases.execute(sqlite, "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                "CREATE TABLE audit (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
                "INSERT INTO item(name) " + TestDatabases.series(1000) + " SELECT 'item ' || n FROM n");
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true)
                .build(), live, CONNECTIONS, Clock.systemUTC());
        StoredBackup good = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        TestDatabases.execute(sqlite, "DELETE FROM item WHERE id > 100");
        Object inode = Files.readAttributes(live, BasicFileAttributes.class).fileKey();

        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setDataSource(sqlite);
        poolConfig.setMaximumPoolSize(4);
        poolConfig.setMinimumIdle(4);
        try (HikariDataSource pool = new HikariDataSource(poolConfig);
             Connection held = pool.getConnection();
             PreparedStatement heldCount = held.prepareStatement("SELECT count(*) FROM item")) {
            assertThat(count(heldCount)).isEqualTo(100);
            Set<Integer> committed = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> writerError = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection connection = pool.getConnection();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO audit(n) VALUES (?)")) {
                    for (int n = 1; writing.get(); n++) {
                        insert.setInt(1, n);
                        insert.executeUpdate();
                        committed.add(n);
                    }
                } catch (Throwable e) {
                    writerError.set(e);
                }
            }, "host-writer");
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> committed.size() >= 50 || writerError.get() != null);
            Set<Integer> committedBeforeRestore = Set.copyOf(committed);

            RestoreResult result = backups.restore(good.id(), JobContext.NONE);

            await().atMost(Duration.ofSeconds(30)).until(() -> committed.size() >= committedBeforeRestore.size() + 50
                    || writerError.get() != null);
            writing.set(false);
            writer.join();
            assertThat(writerError.get()).isNull();
            assertThat(result.restoredFrom()).isEqualTo(good.id());
            assertThat(result.quickCheck()).isEqualTo("ok");
            assertThat(result.foreignKeyViolations()).isZero();
            assertThat(count(heldCount)).isEqualTo(1000);
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    all.add(pool.getConnection());
                }
                all.add(held);
                for (Connection connection : all) {
                    assertThat(Queries.longValue(connection, "SELECT count(*) FROM item")).isEqualTo(1000);
                }
            } finally {
                for (Connection connection : all.subList(0, Math.min(3, all.size()))) {
                    connection.close();
                }
            }
            assertThat(Files.readAttributes(live, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
            try (Connection connection = pool.getConnection()) {
                assertThat(Queries.text(connection, "PRAGMA integrity_check")).isEqualTo("ok");
                assertThat(Queries.text(connection, "PRAGMA journal_mode")).isEqualTo("wal");
            }

            StoredBackup before = backups.store().find(result.preRestoreBackup()).orElseThrow();
            assertThat(before.manifest().kind()).isEqualTo(BackupKind.BEFORE_RESTORE);
            Path unpacked = dir.resolve("before.db");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(before.file()))) {
                Files.copy(in, unpacked);
            }
            try (Connection connection = CONNECTIONS.openReadOnly(unpacked)) {
                assertThat(Queries.longValue(connection, "SELECT count(*) FROM item")).isEqualTo(100);
                List<String> audited = Queries.texts(connection, "SELECT n FROM audit");
                assertThat(audited.stream().map(Integer::valueOf).toList()).containsAll(committedBeforeRestore);
            }
        }
    }

    @Test
    void aWalDatabaseWithAnotherPageSizeIsRefusedBeforeAnythingChanges() throws Exception {
        Path live = dir.resolve("pages.db");
        SQLiteDataSource plain = TestDatabases.existingOnly(live);
        TestDatabases.seedInventory(TestDatabases.dataSource(live, new org.sqlite.SQLiteConfig()));
        TestDatabases.execute(plain, "PRAGMA page_size = 8192", "VACUUM");
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true)
                .build(), live, CONNECTIONS, Clock.systemUTC());
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        assertThat(backup.manifest().pageSize()).isEqualTo(8192);
        TestDatabases.execute(plain, "PRAGMA page_size = 4096", "VACUUM", "PRAGMA journal_mode = WAL",
                "DELETE FROM purchase_order");

        assertThatThrownBy(() -> backups.restore(backup.id(), JobContext.NONE))
                .isInstanceOf(RestoreRefused.class)
                .hasMessage("pages.db - restore refused: the live database is in WAL mode with pages of 4096 bytes, backup "
                        + backup.id() + " has pages of 8192 bytes, and SQLite cannot change the page size of a WAL "
                        + "database; nothing was changed. Restore it offline (sqlite3 pages.db \".restore backup.db\" "
                        + "with the application stopped)");
        assertThat(backups.list()).hasSize(1);
        try (Connection connection = plain.getConnection()) {
            assertThat(Queries.longValue(connection, "SELECT count(*) FROM purchase_order")).isZero();
        }
    }

    @Test
    void restoreIsRefusedUnlessAllowedAndAPreflightEstimatesTheWait() throws Exception {
        Path live = dir.resolve("shop.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(live));
        StoredBackups refusing = StoredBackups.open(StoredBackupOptions.of(dir.resolve("store")), live, CONNECTIONS,
                Clock.systemUTC());
        StoredBackup backup = refusing.backUp(BackupKind.MANUAL, JobContext.NONE).backup();

        assertThatThrownBy(() -> refusing.restore(backup.id(), JobContext.NONE)).isInstanceOf(RestoreRefused.class)
                .hasMessage("shop.db - restore is not allowed; set allowRestore(true) in the console's options to "
                        + "restore stored backups into the live database");

        StoredBackups allowing = StoredBackups.open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true)
                .build(), live, CONNECTIONS, Clock.systemUTC());
        RestorePreflight preflight = allowing.preflight(backup.id());
        assertThat(preflight.backupId()).isEqualTo(backup.id());
        assertThat(preflight.backupCreatedAt()).isEqualTo(backup.manifest().createdAt());
        assertThat(preflight.backupBytes()).isEqualTo(backup.manifest().pageCount() * backup.manifest().pageSize());
        assertThat(preflight.liveJournalMode()).isEqualTo("wal");
        assertThat(preflight.writerWaitMessage()).matches("writers wait about \\d+ s");
        assertThatThrownBy(() -> allowing.restore("shop-19990101T000000Z", JobContext.NONE))
                .isInstanceOf(RestoreRefused.class).hasMessageContaining("no stored backup shop-19990101T000000Z");
    }

    @Test
    void foreignKeyViolationsOfTheRestoredDatabaseAreCountedAsThePragmaCountsThem() throws Exception {
        Path live = dir.resolve("shop.db");
        SQLiteDataSource sqlite = TestDatabases.wellConfigured(live);
        TestDatabases.execute(sqlite, "PRAGMA foreign_keys = OFF",
                "CREATE TABLE customer (id INTEGER PRIMARY KEY)",
                "CREATE TABLE purchase (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer(id))",
                "INSERT INTO customer(id) " + TestDatabases.series(10) + " SELECT n FROM n",
                "INSERT INTO purchase(customer_id) " + TestDatabases.series(100) + " SELECT 1 + n % 13 FROM n");
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true)
                .build(), live, CONNECTIONS, Clock.systemUTC());
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        TestDatabases.execute(sqlite, "DELETE FROM purchase WHERE customer_id > 10");

        RestoreResult result = backups.restore(backup.id(), JobContext.NONE);

        try (Connection connection = sqlite.getConnection()) {
            long pragma = Queries.longValue(connection, "SELECT count(*) FROM pragma_foreign_key_check");
            assertThat(pragma).isEqualTo(21); // customer_id 11, 12 and 13 of 1 + n % 13 for n = 1..100
            assertThat(result.foreignKeyViolations()).isEqualTo(pragma);
        }
        assertThat(result.quickCheck()).isEqualTo("ok");
    }

    /**
     * A backup whose SHA-256 matches a manifest that says its quick_check passed holds the bytes
     * that passed, so the restore does not check them again; one whose manifest does not say so is
     * checked, and refused when the check fails, before anything changed.
     */
    @Test
    void theBackupIsCheckedBeforeTheCopyOnlyWhenItsManifestDoesNotSayItPassed() throws Exception {
        Path live = dir.resolve("shop.db");
        SQLiteDataSource sqlite = TestDatabases.wellConfigured(live);
        TestDatabases.seedInventory(sqlite);
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(dir.resolve("store")).compression(false)
                .allowRestore(true).build(), live, CONNECTIONS, Clock.systemUTC());
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        List<String> steps = new ArrayList<>();
        JobContext recording = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                steps.add(message);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        backups.restore(backup.id(), recording);
        assertThat(steps).noneMatch(step -> step.startsWith("quick_check of " + backup.id()))
                .contains("quick_check of shop.db");

        BackupManifest proven = backup.manifest();
        TestDatabases.overwrite(backup.file(), proven.pageSize() * (proven.pageCount() / 2), (int) proven.pageSize());
        String sha256 = BackupStore.hashFile(backup.file(), () -> false);
        backups.store().writeManifest(new BackupManifest(proven.id(), proven.createdAt(), proven.kind(), proven.source(),
                proven.file(), proven.bytes(), sha256, proven.compressed(), proven.pageCount(), proven.pageSize(),
                proven.sqliteVersion(), proven.userVersion(), proven.tables(), "not checked", null));
        TestDatabases.execute(sqlite, "DELETE FROM purchase_order");
        steps.clear();

        assertThatThrownBy(() -> backups.restore(backup.id(), recording)).isInstanceOf(RestoreRefused.class)
                .hasMessageStartingWith("shop.db - restore refused: backup " + backup.id() + " fails quick_check (")
                .hasMessageEndingWith("); nothing was changed; restore another backup");
        assertThat(steps).contains("quick_check of " + backup.id()).noneMatch(step -> step.startsWith("copying "));
        try (Connection connection = sqlite.getConnection()) {
            assertThat(Queries.longValue(connection, "SELECT count(*) FROM purchase_order")).isZero();
        }
    }

    /**
     * Restore is how a damaged database is repaired: the before-restore backup keeps what was there
     * as found, with its quick_check verdict in the manifest, instead of stopping the restore.
     */
    @Test
    void aDamagedLiveDatabaseIsRestoredAndKeptAsFoundInItsBeforeRestoreBackup() throws Exception {
        Path live = dir.resolve("shop.db");
        SQLiteDataSource sqlite = TestDatabases.wellConfigured(live);
        TestDatabases.seedInventory(sqlite);
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true)
                .build(), live, CONNECTIONS, Clock.systemUTC());
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        TestDatabases.corruptMiddlePage(sqlite, live);
        try (Connection connection = sqlite.getConnection()) {
            assertThat(Queries.text(connection, "PRAGMA quick_check(1)")).isNotEqualTo("ok");
        }

        RestoreResult result = backups.restore(backup.id(), JobContext.NONE);

        assertThat(result.quickCheck()).isEqualTo("ok");
        try (Connection connection = sqlite.getConnection()) {
            assertThat(Queries.text(connection, "PRAGMA quick_check(1)")).isEqualTo("ok");
            assertThat(Queries.longValue(connection, "SELECT count(*) FROM purchase_order")).isEqualTo(5000);
        }
        StoredBackup before = backups.store().find(result.preRestoreBackup()).orElseThrow();
        assertThat(before.manifest().kind()).isEqualTo(BackupKind.BEFORE_RESTORE);
        assertThat(before.manifest().quickCheck()).isNotEqualTo("ok").isNotBlank();
        assertThat(before.manifest().tables()).containsEntry("supplier", 50L);
        assertThatThrownBy(() -> backups.preflight(before.id())).isInstanceOf(RestoreRefused.class)
                .hasMessageStartingWith("shop.db - restore refused: backup " + before.id() + " was taken of a damaged "
                        + "database (")
                .hasMessageEndingWith("); nothing was changed; restore another backup");
    }

    private static long count(PreparedStatement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
