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

    /**
     * The list is bounded by what the manager keeps, the latest started first; the last success of a
     * kind outlives the list, so hourly backups do not push the last check's verdict out of sight.
     */
    @Test
    void listsTheRunningAndTheLastKeptJobsAndRemembersEachKindsLastSuccess() throws Exception {
        try (JobManager jobs = new JobManager()) {
            JobSnapshot check = awaitEnd(jobs, jobs.start("check", Duration.ofMinutes(1), context -> result("checked")).id());
            List<String> others = new java.util.ArrayList<>();
            for (int i = 0; i < JobManager.KEPT; i++) {
                others.add(0, awaitEnd(jobs, jobs.start("backup", Duration.ofMinutes(1), context -> result("kept")).id()).id());
            }
            CountDownLatch release = new CountDownLatch(1);
            JobSnapshot running = jobs.start("long", Duration.ofMinutes(1), context -> {
                release.await(30, TimeUnit.SECONDS);
                return result("long");
            });
            try {
                List<JobSnapshot> listed = jobs.runningAndRecent();
                assertThat(listed).hasSize(JobManager.KEPT + 1);
                assertThat(listed.get(0).id()).isEqualTo(running.id());
                assertThat(listed.get(0).state()).isEqualTo(JobState.RUNNING);
                assertThat(listed.subList(1, listed.size())).extracting(JobSnapshot::id).containsExactlyElementsOf(others);
                assertThat(listed).extracting(JobSnapshot::id).as("pushed out of the list").doesNotContain(check.id());
                assertThat(jobs.lastSucceeded("check")).contains(check);
                assertThat(jobs.lastSucceeded("long")).as("still running").isEmpty();
            } finally {
                release.countDown();
            }
            JobSnapshot ended = awaitEnd(jobs, running.id());
            assertThat(jobs.lastSucceeded("long")).contains(ended);
        }
    }

    /** A later check that is cancelled has no verdict, so it must not clear the damage an earlier one found. */
    @Test
    void aCancelledCheckDoesNotHideTheDamageTheLastOneFound() throws Exception {
        Path file = dir.resolve("damaged.db");
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(file);
        TestDatabases.seedInventory(dataSource);
        TestDatabases.corruptMiddlePage(dataSource, file);
        CountDownLatch gate = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.existingOnly(file)).executor(job -> {
            boolean wait = hold.get();
            threads.execute(() -> {
                try {
                    if (wait) {
                        gate.await(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                job.run();
            });
        }).build()) {
            JobSnapshot found = awaitEnd(console.jobs(), console.startJob(JobKind.INTEGRITY_CHECK).id());
            assertThat(found.result()).isInstanceOfSatisfying(IntegrityReport.class, report -> assertThat(report.ok()).isFalse());

            hold.set(true);
            JobSnapshot next = console.startJob(JobKind.INTEGRITY_CHECK);
            assertThat(console.health().checks()).as("while the next one runs").anySatisfy(check -> {
                assertThat(check.name()).isEqualTo("integrity_job");
                assertThat(check.status()).isEqualTo(HealthStatus.DOWN);
            });
            console.jobs().cancel(next.id());
            gate.countDown();
            assertThat(awaitEnd(console.jobs(), next.id()).state()).isEqualTo(JobState.CANCELLED);
            assertThat(console.health().checks()).as("after it was cancelled").anySatisfy(check -> {
                assertThat(check.name()).isEqualTo("integrity_job");
                assertThat(check.status()).isEqualTo(HealthStatus.DOWN);
            });
            assertThat(console.health().lastChecks().integrity().jobId()).isEqualTo(found.id());
        } finally {
            gate.countDown();
            threads.shutdown();
        }
    }
}
