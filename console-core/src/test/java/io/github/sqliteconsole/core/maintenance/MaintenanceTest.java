package io.github.sqliteconsole.core.maintenance;

import io.github.sqliteconsole.core.job.JobKind;
import java.util.List;
import java.util.Map;
import io.github.sqliteconsole.core.job.MaintenanceResult;
import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.ConsoleOptions;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobManagerTest;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MaintenanceTest {

    @TempDir
    Path dir;

    private static JobSnapshot awaitEnd(SqliteConsole console, JobSnapshot started) throws InterruptedException {
        return JobManagerTest.awaitEnd(console.jobs(), started.id());
    }

    private SQLiteDataSource bloated(Path file) throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        execute(dataSource, "CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)", "CREATE TABLE notes (body TEXT)",
                "INSERT INTO blobs(data) " + TestDatabases.series(400) + " SELECT randomblob(16000) FROM n",
                "DELETE FROM blobs WHERE id > 50", "PRAGMA wal_checkpoint(TRUNCATE)");
        return dataSource;
    }

    @Test
    void vacuumReclaimsFreePagesAndReportsIt() throws Exception {
        Path file = dir.resolve("bloated.db");
        SQLiteDataSource dataSource = bloated(file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            VacuumPreflight preflight = console.vacuumPreflight();
            assertThat(preflight.allowed()).isTrue();
            assertThat(preflight.freelistBytes()).isGreaterThan(4_000_000);
            assertThat(preflight.renumberedTables()).containsExactly("notes");
            assertThat(Files.size(dir.resolve("bloated.db-wal"))).as("checkpointed: the file is the whole database").isZero();
            assertThat(preflight.neededBytes()).isEqualTo(2 * Files.size(file) + ConsoleOptions.DEFAULT_DISK_RESERVE);

            JobSnapshot job = awaitEnd(console, console.startJob(JobKind.VACUUM));
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            MaintenanceResult result = (MaintenanceResult) job.result();
            assertThat(result.operation()).isEqualTo("vacuum");
            assertThat(result.bytesBefore() - result.bytesAfter()).isGreaterThan(4_000_000);
            assertThat(console.vacuumPreflight().freelistBytes()).isZero();
        }
    }

    /** A WAL holds many versions of the same pages: it says little about what VACUUM will write. */
    @Test
    void aWalManyTimesTheDatabaseDoesNotInflateTheSpaceVacuumNeeds() throws Exception {
        Path file = dir.resolve("busy-wal.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        execute(dataSource, "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INT)", "INSERT INTO counter VALUES (1, 0)",
                "PRAGMA wal_checkpoint(TRUNCATE)");
        try (Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            for (int i = 0; i < 2000; i++) {
                statement.executeUpdate("UPDATE counter SET n = n + 1");
            }
            long walBytes = Files.size(dir.resolve("busy-wal.db-wal"));
            assertThat(walBytes).as("the writer's connection is open: its WAL is not checkpointed")
                    .isGreaterThan(100 * Files.size(file));
            try (SqliteConsole console = SqliteConsole.builder(dataSource).diskReserve(0).build();
                 ResultSet pages = statement.executeQuery("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")) {
                long databaseBytes = pages.getLong(1);
                assertThat(console.vacuumPreflight().neededBytes()).isEqualTo(2 * databaseBytes)
                        .isLessThan(walBytes);
            }
        }
    }

    /**
     * A full disk cannot be faked without mounting a small filesystem, so the test asks the console
     * to keep more free space than any disk has: the real free space then falls short.
     */
    @Test
    void vacuumIsRefusedWhenItWouldEatIntoTheDiskReserveAndTheFileIsUntouched() throws Exception {
        Path file = dir.resolve("bloated.db");
        SQLiteDataSource dataSource = bloated(file);
        long sizeBefore = Files.size(file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).diskReserve(Long.MAX_VALUE / 4).build()) {
            VacuumPreflight preflight = console.vacuumPreflight();
            assertThat(preflight.allowed()).isFalse();
            assertThat(preflight.refusal()).startsWith("only ").contains("free next to the database").contains("Free disk space first");

            JobSnapshot job = awaitEnd(console, console.startJob(JobKind.VACUUM));
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.error()).isEqualTo("bloated.db - VACUUM refused: " + preflight.refusal());
            assertThat(Files.size(file)).isEqualTo(sizeBefore);
            assertThat(console.vacuumPreflight().freelistBytes()).as("nothing reclaimed, nothing lost").isGreaterThan(4_000_000);
            assertThat(console.health().checks()).anySatisfy(check -> {
                assertThat(check.name()).isEqualTo("disk_space");
                assertThat(check.status().name()).isEqualTo("DEGRADED");
            });
        }
    }

    @Test
    void vacuumBehindAnotherWriterFailsPlainlyAndQuickly() throws Exception {
        Path file = dir.resolve("busy.db");
        SQLiteDataSource dataSource = bloated(file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).busyTimeout(Duration.ofMillis(300)).build();
             Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO notes VALUES ('in flight')");

            JobSnapshot job = awaitEnd(console, console.startJob(JobKind.VACUUM));

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.error()).as("names the file, the job, the state and the fix")
                    .startsWith("busy.db - vacuum failed: the database is locked by another connection; retry later, or raise the busy timeout (");
            statement.execute("COMMIT");
        }
    }

    @Test
    void analyzeOptimizeReindexAndCheckpointRun() throws Exception {
        Path file = dir.resolve("ops.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            for (JobKind kind : List.of(JobKind.ANALYZE, JobKind.OPTIMIZE, JobKind.REINDEX, JobKind.CHECKPOINT)) {
                Map<String, String> arguments = kind == JobKind.CHECKPOINT ? Map.of("mode", "TRUNCATE") : Map.of();
                JobSnapshot job = awaitEnd(console, console.start(kind, arguments));
                assertThat(job.state()).as(kind.apiName()).isEqualTo(JobState.SUCCEEDED);
                assertThat(((MaintenanceResult) job.result()).operation()).isEqualTo(kind.apiName());
            }
            JobSnapshot checkpoint = console.jobs().latest("checkpoint").orElseThrow();
            assertThat(((MaintenanceResult) checkpoint.result()).detail()).startsWith("busy 0, log");
            assertThat(io.github.sqliteconsole.core.sql.DatabaseFiles.sizeOrZero(dir.resolve("ops.db-wal")))
                    .as("TRUNCATE empties the WAL").isZero();
            try (Connection connection = dataSource.getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT count(*) FROM sqlite_stat1")) {
                assertThat(rows.getInt(1)).isPositive();
            }
        }
    }

    @Test
    void incrementalVacuumReturnsEveryFreePageWhenAutoVacuumIsIncremental() throws Exception {
        Path file = dir.resolve("incremental.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        // A file that exists (WAL mode was set) takes a new auto_vacuum mode only through a VACUUM.
        execute(dataSource, "PRAGMA auto_vacuum = INCREMENTAL", "VACUUM", "CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)",
                "INSERT INTO blobs(data) " + TestDatabases.series(400) + " SELECT randomblob(16000) FROM n",
                "DELETE FROM blobs WHERE id > 50", "PRAGMA wal_checkpoint(TRUNCATE)");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            VacuumPreflight before = console.vacuumPreflight();
            assertThat(before.incrementalAutoVacuum()).isTrue();
            assertThat(before.freelistBytes()).isGreaterThan(4_000_000);

            JobSnapshot job = awaitEnd(console, console.startJob(JobKind.INCREMENTAL_VACUUM));

            assertThat(job.state()).as(String.valueOf(job.error())).isEqualTo(JobState.SUCCEEDED);
            MaintenanceResult result = (MaintenanceResult) job.result();
            assertThat(result.operation()).isEqualTo("incremental-vacuum");
            assertThat(result.detail()).isEmpty();
            assertThat(console.vacuumPreflight().freelistBytes()).as("every free page given back").isZero();
            try (Connection connection = dataSource.getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM blobs")) {
                assertThat(rows.getInt(1)).as("no row lost").isEqualTo(50);
            }
        }
    }
}
