package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class CancelTest {

    @TempDir
    Path dir;

    private Path live;
    private SQLiteDataSource host;
    private StoredBackups backups;

    /** Reports progress into a list and says "cancelled" from the first message starting with {@code at} on. */
    private static final class CancelAt implements JobContext {
        private final String at;
        private final List<String> messages = new ArrayList<>();
        private boolean cancelled;

        CancelAt(String at) {
            this.at = at;
        }

        @Override
        public void progress(double fraction, String message) {
            messages.add(message);
            cancelled |= message.startsWith(at);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }

    @BeforeEach
    void liveDatabase() throws Exception {
        live = dir.resolve("stock.db");
        host = TestDatabases.inventory(live);
        backups = StoredBackups.open(StoredBackupOptions.builder(dir.resolve("store")).allowRestore(true).build(), live,
                new ConsoleConnections(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @Test
    void aStoredBackupCancelledAfterTheCopyStoresNothing() throws Exception {
        CancelAt context = new CancelAt("verifying");

        assertThatThrownBy(() -> backups.backUp(BackupKind.MANUAL, context)).isInstanceOf(IOException.class)
                .hasMessage("stock.db - stored backup cancelled; nothing was stored");
        try (var files = Files.list(dir.resolve("store"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aRestoreCancelledBeforeTheCopyLeavesTheLiveDatabaseUnchanged() throws Exception {
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        TestDatabases.execute(host, "DELETE FROM purchase_order");

        assertThatThrownBy(() -> backups.restore(backup.id(), new CancelAt("taking the before-restore backup")))
                .isInstanceOf(IOException.class).hasMessageContaining("cancelled");
        assertThat(orders()).isZero();
        assertThat(backups.list()).extracting(l -> l.backup().id()).containsExactly(backup.id());
        try (var files = Files.list(dir.resolve("store"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp"));
        }
    }

    @Test
    void aRestoreCancelledOnceTheCopyStartedCompletesTheCopy() throws Exception {
        StoredBackup backup = backups.backUp(BackupKind.MANUAL, JobContext.NONE).backup();
        TestDatabases.execute(host, "DELETE FROM purchase_order");
        CancelAt context = new CancelAt("copying " + backup.id() + " into");

        RestoreResult result = backups.restore(backup.id(), context);

        assertThat(context.cancelled()).isTrue();
        assertThat(result.quickCheck()).isEqualTo("ok");
        assertThat(orders()).isEqualTo(5000);
    }

    private long orders() throws Exception {
        try (Connection connection = host.getConnection()) {
            return Queries.longValue(connection, "SELECT count(*) FROM purchase_order");
        }
    }
}
