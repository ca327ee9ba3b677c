package io.github.sqliteconsole.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.backup.BackupKind;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.RestoreRefused;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthStatus;
import io.github.sqliteconsole.core.job.DrillReport;
import io.github.sqliteconsole.core.job.InvalidJobArgument;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import io.github.sqliteconsole.core.job.RestoreReport;
import io.github.sqliteconsole.core.job.StoredBackupReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The three stored-backup job kinds through the console's one job model, on real files. */
class StoredBackupJobsTest {

    @TempDir
    Path temp;

    @Test
    void backUpDrillAndRestoreAsJobsBringDeletedRowsBack() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(temp.resolve("shop.db"));
        long rows = count(dataSource);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupStore(temp.resolve("backups"))
                .allowRestore(true).build()) {
            StoredBackupReport taken = (StoredBackupReport) finished(console, console.startJob(JobKind.STORED_BACKUP)).result();
            assertThat(taken.sha256()).matches("[0-9a-f]{64}");
            assertThat(console.backups().stored().orElseThrow().list()).extracting(listed -> listed.backup().id())
                    .containsExactly(taken.id());
            assertThat(console.backups().stored().orElseThrow().list().get(0).backup().manifest().kind()).isEqualTo(BackupKind.MANUAL);

            DrillReport drill = (DrillReport) finished(console, console.startJob(JobKind.RESTORE_DRILL)).result();
            assertThat(drill.backupId()).isEqualTo(taken.id());
            assertThat(drill.ok()).isTrue();

            TestDatabases.execute(dataSource, "DELETE FROM purchase_order");
            assertThat(count(dataSource)).isZero();
            RestoreReport restored = (RestoreReport) finished(console,
                    console.start(JobKind.RESTORE, Map.of("backup", taken.id()))).result();

            assertThat(restored.restoredFrom()).isEqualTo(taken.id());
            assertThat(restored.quickCheck()).isEqualTo("ok");
            assertThat(count(dataSource)).isEqualTo(rows);
            assertThat(console.backups().stored().orElseThrow().list()).extracting(ListedBackup::backup)
                    .anySatisfy(backup -> assertThat(backup.id()).isEqualTo(restored.preRestoreBackup()));
            assertThat(backupsCheck(console).status()).isEqualTo(HealthStatus.UP);
        }
    }

    @Test
    void aRestoreWithoutAnIdIsRefusedAndStoredBackupsOffFailWithWhatToSet() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(temp.resolve("shop.db"));
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            assertThatThrownBy(() -> console.startJob(JobKind.RESTORE))
                    .hasMessage("a restore job cannot take backup=; name the stored backup to restore, as GET /api/backups lists it");
            JobSnapshot off = finished(console, console.startJob(JobKind.STORED_BACKUP));
            assertThat(off.state()).isEqualTo(JobState.FAILED);
            assertThat(off.error()).isEqualTo("shop.db - stored-backup refused: stored backups are off; "
                    + "set backupStore to a directory to turn them on");
            assertThat(backupsCheck(console)).isEqualTo(new HealthCheckResult("backups", HealthStatus.UP, "stored backups off"));
        }
    }

    /** A typo in the id is refused before any job starts, for a drill as for a restore, and names no server path. */
    @Test
    void anUnknownBackupIdIsRefusedBeforeAnyJobStartsAndNamesNoPath() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(temp.resolve("shop.db"));
        Path store = temp.resolve("backups");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupStore(store).allowRestore(true).build()) {
            finished(console, console.startJob(JobKind.STORED_BACKUP));
            for (JobKind kind : List.of(JobKind.RESTORE_DRILL, JobKind.RESTORE)) {
                assertThatThrownBy(() -> console.start(kind, Map.of("backup", "nope")))
                        .isInstanceOf(InvalidJobArgument.class)
                        .hasMessage("a " + kind.apiName() + " job cannot take backup=nope; "
                                + "there is no stored backup with that id; pick one as GET /api/backups lists it");
                assertThat(console.jobs().latest(kind.apiName())).as(kind.apiName()).isEmpty();
            }
            // Asked directly, past the job's check: the refusal still keeps the store's directory to itself.
            StoredBackups stored = console.backups().stored().orElseThrow();
            for (ThrowingCallable direct : List.<ThrowingCallable>of(() -> stored.drill("nope", null),
                    () -> stored.verify("nope", null), () -> stored.downloadable("nope"), () -> stored.preflight("nope"))) {
                assertThatThrownBy(direct).isInstanceOf(RestoreRefused.class).hasMessageContaining("no stored backup nope")
                        .hasMessageNotContaining(store.toString());
            }
        }
    }

    @Test
    void heavyJobsRunOneAtATime() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(temp.resolve("shop.db"));
        Queue<Runnable> held = new ArrayDeque<>();
        Executor holding = held::add;
        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupStore(temp.resolve("backups"))
                .executor(holding).build()) {
            JobSnapshot backup = console.startJob(JobKind.STORED_BACKUP);

            assertThatThrownBy(() -> console.startJob(JobKind.VACUUM)).isInstanceOf(JobConflict.class)
                    .satisfies(e -> assertThat(((JobConflict) e).running().id()).isEqualTo(backup.id()));
            assertThat(console.startJob(JobKind.QUICK_CHECK).state()).isEqualTo(JobState.RUNNING);

            held.forEach(Runnable::run);
            assertThat(console.jobs().get(backup.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(console.startJob(JobKind.VACUUM).state()).isEqualTo(JobState.RUNNING);
        }
    }

    @Test
    void theScheduleTakesTheFirstBackupSoonAfterStartMarkedScheduled() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.inventory(temp.resolve("shop.db"));
        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupStore(temp.resolve("backups")).build()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !console.backups().stored().orElseThrow().list().isEmpty());

            assertThat(console.backups().stored().orElseThrow().list().get(0).backup().manifest().kind())
                    .isEqualTo(BackupKind.SCHEDULED);
        }
    }

    private static JobSnapshot finished(SqliteConsole console, JobSnapshot started) {
        await().atMost(Duration.ofSeconds(30)).until(() -> console.jobs().get(started.id()).orElseThrow().state().finished());
        return console.jobs().get(started.id()).orElseThrow();
    }

    private static HealthCheckResult backupsCheck(SqliteConsole console) {
        return console.health().checks().stream().filter(check -> check.name().equals("backups")).findFirst().orElseThrow();
    }

    private static long count(SQLiteDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM purchase_order")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
