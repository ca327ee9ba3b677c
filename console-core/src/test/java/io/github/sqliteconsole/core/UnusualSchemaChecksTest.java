package io.github.sqliteconsole.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthStatus;
import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManagerTest;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The health check and the check jobs on an FTS5 table whose tokenizer this SQLite lacks: since
 * SQLite 3.44 {@code quick_check} asks such a table to check itself, which fails with "SQL logic
 * error"; the console said DOWN and its check jobs FAILED on a sound file.
 */
class UnusualSchemaChecksTest {

    @TempDir
    Path dir;

    @Test
    void aFullTextTableWithATokenizerThisSqliteLacksPassesTheHealthCheckAndTheCheckJobs() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("notes.db"));
        TestDatabases.fullTextWithForeignTokenizer(dataSource);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).stateFile(dir.resolve("state")).build()) {
            HealthCheckResult quickCheck = console.health().checks().stream()
                    .filter(check -> check.name().equals("quick_check")).findFirst().orElseThrow();
            assertThat(quickCheck.status()).as(quickCheck.detail()).isEqualTo(HealthStatus.UP);
            for (JobKind kind : new JobKind[] {JobKind.QUICK_CHECK, JobKind.INTEGRITY_CHECK}) {
                JobSnapshot done = JobManagerTest.awaitEnd(console.jobs(), console.startJob(kind).id());
                assertThat(done.state()).as(kind + ": " + done.error()).isEqualTo(JobState.SUCCEEDED);
                assertThat(((IntegrityReport) done.result()).errors()).as(kind.apiName()).isEmpty();
            }
        }
    }

    @Test
    void damageBesideSuchATableIsStillFound() throws Exception {
        Path file = dir.resolve("notes.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        TestDatabases.seedInventory(dataSource);
        TestDatabases.fullTextWithForeignTokenizer(dataSource);
        TestDatabases.corruptMiddlePage(dataSource, file);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).stateFile(dir.resolve("state")).build()) {
            HealthCheckResult quickCheck = console.health().checks().stream()
                    .filter(check -> check.name().equals("quick_check")).findFirst().orElseThrow();
            assertThat(quickCheck.status()).as(quickCheck.detail()).isEqualTo(HealthStatus.DOWN);
            JobSnapshot done = JobManagerTest.awaitEnd(console.jobs(), console.startJob(JobKind.INTEGRITY_CHECK).id());
            assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
            assertThat(((IntegrityReport) done.result()).errors()).isNotEmpty();
        }
    }
}
