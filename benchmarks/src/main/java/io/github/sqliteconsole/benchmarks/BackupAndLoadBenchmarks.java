package io.github.sqliteconsole.benchmarks;

import io.github.sqliteconsole.core.job.PreparedBackup;
import io.github.sqliteconsole.core.job.JobKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Backup download against the shell pipeline a user would write, heap growth while it streams, the
 * host writer's pace during each heavy operation, and page latency under concurrent load.
 */
final class BackupAndLoadBenchmarks {

    private BackupAndLoadBenchmarks() {
    }

    static List<Result> run(ConsoleUnderTest under, Path database, Path workDir, int runs, Duration loadDuration)
            throws Exception {
        List<Result> results = new ArrayList<>();
        // Heap first, with nothing else running: the writer's own garbage would count otherwise.
        // Downloaded by curl when there is one, so the heap measured is the server's alone.
        long heapGrowth = peakHeapGrowth(() -> under.download("/backup/download"));
        Path shellCopy = workDir.resolve("shell-copy.db");
        List<Measurement> sideBySide = interleaved(Math.min(runs, 3), () -> under.download("/backup/download"),
                () -> SqliteShell.verifiedCopy(database, shellCopy));
        Files.deleteIfExists(shellCopy);
        Path copy = workDir.resolve("backup-api.db");
        results.add(new Result("backup download over HTTP (snapshot, verify, transfer)", sideBySide.get(0),
                "sqlite3 .backup + quick_check + sha256sum + cat", sideBySide.get(1), 0.5,
                String.format(Locale.ROOT, "heap growth %.1f MB (target < 32); cp of the file %s; backup API alone %s",
                        heapGrowth / 1e6, format(Measurement.of(0, 1, () -> copyFile(database, workDir))),
                        format(Measurement.of(0, 1, () -> backupApi(database, copy))))));
        try (HostWriter writer = new HostWriter(database)) {
            double alone = writer.millisPerCommit(null, 2000);
            double duringBackup = writer.millisPerCommit(() -> under.get("/backup/download"), 0);
            results.add(writerResult("backup download", duringBackup, alone, 1 / 0.7));
            results.add(writerResult("GET /api/tables", writer.millisPerCommit(() -> under.get("/api/tables"), 0), alone, null));
            results.add(writerResult("foreign-key-check job", writer.millisPerCommit(
                    () -> IntegrityBenchmarks.runJob(under.console, JobKind.FOREIGN_KEY_CHECK), 0), alone, null));
            results.add(writerResult("quick-check job", writer.millisPerCommit(
                    () -> IntegrityBenchmarks.runJob(under.console, JobKind.QUICK_CHECK), 0), alone, null));
            results.add(writerResult("integrity-check job", writer.millisPerCommit(
                    () -> IntegrityBenchmarks.runJob(under.console, JobKind.INTEGRITY_CHECK), 0), alone, null));
            results.add(writerResult("orphan-scan job", writer.millisPerCommit(
                    () -> IntegrityBenchmarks.runJob(under.console, JobKind.ORPHAN_SCAN), 0), alone, null));
            results.add(writerResult("backup job (prepare, then discard)", writer.millisPerCommit(
                    () -> prepareAndDiscardBackup(under), 0), alone, null));
            results.add(writerResult("optimize job", writer.millisPerCommit(() -> IntegrityBenchmarks.awaitJob(under.console,
                    under.console.startJob(JobKind.OPTIMIZE)), 0), alone, null));
            results.add(writerResult("checkpoint (PASSIVE) job", writer.millisPerCommit(() -> IntegrityBenchmarks.awaitJob(
                    under.console, under.console.startJob(JobKind.CHECKPOINT)), 0), alone, null));
            // Not measured: VACUUM and ANALYZE hold the write lock for their whole run by design (the
            // Maintenance page says so); the writer waits, which is no news.
            if (writer.busyErrors() > 0) {
                throw new IllegalStateException("the host writer got " + writer.busyErrors() + " SQLITE_BUSY errors");
            }
        }
        Files.deleteIfExists(workDir.resolve("backup-api.db"));
        Files.deleteIfExists(workDir.resolve("cp.db"));
        results.add(overviewUnderLoad(under, loadDuration));
        return results;
    }

    /**
     * Runs two operations in turns, {@code runs} times each after one warm-up of each, so that the
     * machine's load drifts over both alike.
     */
    static List<Measurement> interleaved(int runs, Measurement.Operation first, Measurement.Operation second)
            throws Exception {
        first.run();
        second.run();
        List<Double> firstTimes = new ArrayList<>();
        List<Double> secondTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            firstTimes.add(timed(first));
            secondTimes.add(timed(second));
        }
        Collections.sort(firstTimes);
        Collections.sort(secondTimes);
        return List.of(new Measurement(List.copyOf(firstTimes)), new Measurement(List.copyOf(secondTimes)));
    }

    static double timed(Measurement.Operation operation) throws Exception {
        long started = System.nanoTime();
        operation.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static void prepareAndDiscardBackup(ConsoleUnderTest under) throws Exception {
        PreparedBackup prepared = (PreparedBackup) IntegrityBenchmarks.awaitJob(under.console, under.console.startJob(JobKind.BACKUP));
        under.console.backups().takePrepared(prepared.key()).orElseThrow().close();
    }

    private static Result writerResult(String operation, double during, double alone, Double target) {
        return new Result("host writer while " + operation, new Measurement(List.of(during)), "host writer alone",
                new Measurement(List.of(alone)), target, String.format(Locale.ROOT, "%.0f vs %.0f commits/s (paced at %d); 0 busy errors",
                1000 / during, 1000 / alone, HostWriter.COMMITS_PER_SECOND));
    }

    /** 8 clients GET the overview for {@code duration}; p50 and p99 against one client's median. */
    private static Result overviewUnderLoad(ConsoleUnderTest under, Duration duration) throws Exception {
        Measurement single = Measurement.of(1, 5, () -> under.get("/"));
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long stopAt = System.nanoTime() + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < stopAt) {
                    long started = System.nanoTime();
                    under.get("/");
                    latencies.add((System.nanoTime() - started) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.99)));
        return new Result("GET / p50 with 8 concurrent clients for " + duration.toSeconds() + " s", new Measurement(sorted),
                "GET / with one client", single, null, String.format(Locale.ROOT, "p99 %.0f ms over %d requests", p99, sorted.size()));
    }

    private static long peakHeapGrowth(Measurement.Operation operation) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(base);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            operation.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return Math.max(0, peak.get() - base);
    }

    private static void copyFile(Path database, Path workDir) throws Exception {
        Files.copy(database, workDir.resolve("cp.db"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void backupApi(Path database, Path copy) throws Exception {
        Files.deleteIfExists(copy);
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + database);
        try (Connection connection = source.getConnection()) {
            connection.unwrap(SQLiteConnection.class).getDatabase().backup("main", copy.toString(), null, 100, 50, -1);
        }
    }

    private static String format(Measurement measurement) {
        return String.format(Locale.ROOT, "%.0f ms", measurement.median());
    }
}
