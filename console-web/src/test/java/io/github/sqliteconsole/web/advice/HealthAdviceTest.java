package io.github.sqliteconsole.web.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.job.JobKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each health check the console runs has its advice, and no advice names a check that does not exist. */
class HealthAdviceTest {

    @TempDir
    Path dir;

    @Test
    void everyCheckOfTheConsoleHasAdviceAndEveryAdviceAConsoleCheck() throws Exception {
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file))
                .backupStore(dir.resolve("backups")).build()) {
            // The integrity_job check appears once a quick or integrity check job has finished.
            String id = console.startJob(JobKind.QUICK_CHECK).id();
            await().atMost(Duration.ofSeconds(30)).until(() -> console.jobs().get(id).orElseThrow().state().finished());

            List<String> checks = console.health().checks().stream().map(HealthCheckResult::name).toList();

            assertThat(checks).as("the health report of a file database with stored backups, after a quick check")
                    .contains("connection", "quick_check", "backups", "integrity_job");
            assertThat(Arrays.stream(HealthAdvice.values()).map(HealthAdvice::check).toList())
                    .containsExactlyInAnyOrderElementsOf(checks);
            assertThat(checks).allSatisfy(check -> assertThat(HealthAdvice.of(check)).isPresent());
        }
        assertThat(HealthAdvice.of("no_such_check")).isEmpty();
    }

    /** Only costly jobs ask first: those that hold the write lock long enough to stop the application's writers. */
    @Test
    void onlyJobsThatStopWritersAreConfirmed() {
        assertThat(Arrays.stream(JobKind.values()).filter(kind -> JobAdvice.of(kind).confirm()))
                .containsExactlyInAnyOrder(JobKind.VACUUM, JobKind.REINDEX, JobKind.RESTORE);
    }
}
