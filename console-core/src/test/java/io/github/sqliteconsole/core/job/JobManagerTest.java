package io.github.sqliteconsole.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.health.HealthStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

public class JobManagerTest {

    @TempDir
    Path dir;

    /** Waits until the job has ended; fails the test after 30 s. */
    public static JobSnapshot awaitEnd(JobManager jobs, String id) {
        return await("job " + id + " ends").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.get(id).orElseThrow(), job -> job.state().finished());
    }

    private static IntegrityReport result(String text) {
        return new IntegrityReport(List.of(text), false);
    }

    @Test
    void oneJobPerKindAndCancelStopsIt() throws Exception {
        try (JobManager jobs = new JobManager()) {
            CountDownLatch started = new CountDownLatch(1);
            JobSnapshot running = jobs.start("scan", Duration.ofMinutes(1), context -> {
                while (!context.cancelled()) {
                    context.progress(0.5, "working");
                    started.countDown(); // after the first report, which the test reads
                    Thread.sleep(10);
                }
                return result("unreachable");
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> jobs.start("scan", Duration.ofMinutes(1), context -> result("second")))
                    .isInstanceOf(JobConflict.class).hasMessageContaining("already running");
            assertThat(jobs.get(running.id()).orElseThrow().message()).isEqualTo("working");

            assertThat(jobs.cancel(running.id())).isTrue();
            JobSnapshot ended = awaitEnd(jobs, running.id());
            assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
            assertThat(ended.error()).contains("cancelled by a user");
            assertThat(jobs.latest("scan")).contains(ended);
            JobSnapshot next = jobs.start("scan", Duration.ofMinutes(1), context -> result("again"));
            assertThat(awaitEnd(jobs, next.id()).result()).isEqualTo(result("again"));
        }
    }

    @Test
    void deadlineStopsAJobAndFailuresArePlain() throws Exception {
        try (JobManager jobs = new JobManager()) {
            JobSnapshot slow = jobs.start("slow", Duration.ofMillis(100), context -> {
                while (!context.cancelled()) {
                    Thread.sleep(10);
                }
                return null;
            });
            assertThat(awaitEnd(jobs, slow.id()).error()).contains("deadline");
            JobSnapshot failing = jobs.start("failing", Duration.ofMinutes(1), context -> {
                throw new java.sql.SQLException("[SQLITE_BUSY] The database file is locked (database is locked)", "", 5);
            });
            JobSnapshot failed = awaitEnd(jobs, failing.id());
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.error()).contains("locked by another connection");
        }
    }

    @Test
    void consoleRunsTheForeignKeyCheckAndAFailedIntegrityJobKeepsHealthDown() throws Exception {
        Path file = dir.resolve("jobs.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        TestDatabases.execute(dataSource, "PRAGMA foreign_keys = OFF", "INSERT INTO purchase_order(supplier_id) VALUES (999)");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build()) {
            JobSnapshot fk = awaitEnd(console.jobs(), console.startJob(JobKind.FOREIGN_KEY_CHECK).id());
            assertThat(fk.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(fk.result()).isInstanceOfSatisfying(ForeignKeyReport.class, report -> assertThat(report.foreignKeys()).singleElement().satisfies(r -> assertThat(r.violations()).isEqualTo(1)));

            TestDatabases.corruptMiddlePage(dataSource, file);
            JobSnapshot check = awaitEnd(console.jobs(), console.startJob(JobKind.INTEGRITY_CHECK).id());
            assertThat(check.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(console.health().checks()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("integrity_job");
                assertThat(c.status()).isEqualTo(HealthStatus.DOWN);
            });
        }
    }
}
