package io.github.sqliteconsole.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManagerTest;
import io.github.sqliteconsole.core.job.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The console's threads end with it; a host's executor runs its jobs and outlives it. */
class ConsoleThreadsTest {

    @TempDir
    Path dir;

    private static List<String> consoleThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("sqlite-console-")).toList();
    }

    private SQLiteDataSource database() throws Exception {
        return TestDatabases.inventory(dir.resolve("app.db"));
    }

    @Test
    void closeLeavesNoConsoleThread() throws Exception {
        await("threads of earlier tests end").atMost(Duration.ofSeconds(10)).until(() -> consoleThreads().isEmpty());
        SqliteConsole console = SqliteConsole.builder(database()).backupDirectory(dir.resolve("tmp")).build();
        assertThat(console.health().status().name()).isEqualTo("UP");
        assertThat(JobManagerTest.awaitEnd(console.jobs(), console.startJob(JobKind.QUICK_CHECK).id()).state())
                .isEqualTo(JobState.SUCCEEDED);
        assertThat(JobManagerTest.awaitEnd(console.jobs(), console.startJob(JobKind.BACKUP).id()).state())
                .isEqualTo(JobState.SUCCEEDED);
        assertThat(consoleThreads()).as("the console runs on threads of its own")
                .contains("sqlite-console-timer", "sqlite-console-job", "sqlite-console-host-probe");

        console.close();

        await("every sqlite-console-* thread ends").atMost(Duration.ofSeconds(10)).until(() -> consoleThreads().isEmpty());
    }

    @Test
    void jobsRunOnTheHostsExecutorWhichOutlivesTheConsole() throws Exception {
        ExecutorService hostPool = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "host-pool"));
        AtomicInteger submitted = new AtomicInteger();
        try (SqliteConsole console = SqliteConsole.builder(database())
                .executor(command -> {
                    submitted.incrementAndGet();
                    hostPool.execute(command);
                }).build()) {
            assertThat(JobManagerTest.awaitEnd(console.jobs(), console.start(JobKind.CHECKPOINT, Map.of("mode", "TRUNCATE")).id())
                    .state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(submitted).hasValue(1);
            assertThat(consoleThreads()).doesNotContain("sqlite-console-job");
        }
        assertThat(hostPool.isShutdown()).as("the host's executor is the host's to stop").isFalse();
        hostPool.shutdown();
    }

    @Test
    void anExecutorThatRefusesLeavesNoJobRunning() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database())
                .executor(command -> {
                    throw new java.util.concurrent.RejectedExecutionException("pool is shut down");
                }).build()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> console.startJob(JobKind.QUICK_CHECK))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the quick-check job was not started: the executor refused it (pool is shut down)");
            assertThat(console.jobs().latest("quick-check")).as("nothing stays RUNNING").isEmpty();
        }
    }
}
