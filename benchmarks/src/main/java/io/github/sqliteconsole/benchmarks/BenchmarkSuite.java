package io.github.sqliteconsole.benchmarks;

import io.github.sqliteconsole.core.job.OrphanReport;
import io.github.sqliteconsole.core.job.OrphanResult;
import io.github.sqliteconsole.core.job.JobKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every heavy console operation next to the SQLite operation that is its physical floor, as a
 * ratio, because this kind of machine is noisy and absolute times drift.
 *
 * <pre>mvn -pl benchmarks -am verify -Pbenchmark [-Dbenchmark.size=1g]</pre>
 */
public final class BenchmarkSuite {

    static final int MANY_TABLES = 5000;

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        long size = BenchmarkDatabase.ONE_GB;
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "sqlite-console-benchmarks");
        Path out = Path.of("benchmark-results.md");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--size" -> size = BenchmarkDatabase.parseSize(args[i + 1]);
                case "--cache" -> cache = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --size, --cache, --out");
            }
        }
        long started = System.nanoTime();
        Path database = BenchmarkDatabase.ensure(cache, size);
        System.out.printf(Locale.ROOT, "database %s ready (%.1f s)%n", database, (System.nanoTime() - started) / 1e9);
        List<Result> results = run(database, Files.createDirectories(cache.resolve("work")), 5);
        String table = Result.markdown(results, heading(size));
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
    }

    static String heading(long size) {
        return String.format(Locale.ROOT, "Benchmark of %s on %s, %d cores, Java %s, SQLite via sqlite-jdbc, %s",
                BenchmarkDatabase.label(size), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), LocalDate.now());
    }

    /** Runs every measurement; {@code runs} repeats each after one warm-up. */
    static List<Result> run(Path database, Path workDir, int runs) throws Exception {
        return run(database, workDir, runs, Duration.ofSeconds(20));
    }

    static List<Result> run(Path database, Path workDir, int runs, Duration loadDuration) throws Exception {
        List<Result> results = new ArrayList<>();
        Files.deleteIfExists(workDir.resolve("state.db"));
        try (ConsoleUnderTest under = new ConsoleUnderTest(database, workDir.resolve("state.db"))) {
            Measurement dbstat = Measurement.of(1, runs, () -> rawDbstat(database));
            double budget = under.console.options().rowCountBudget().toMillis();
            results.add(new Result("GET /api/tables (row counts within the " + (long) budget + " ms budget)",
                    Measurement.of(1, runs, () -> under.get("/api/tables")),
                    "dbstat aggregate + budget", dbstat.plus(budget), 1.3, null));
            results.add(new Result("GET / overview (quick_check cached)", Measurement.of(1, runs, () -> under.get("/")),
                    "dbstat aggregate", dbstat, null, "never waits for count(*)"));
            results.add(new Result("exact row counts of every table", Measurement.of(1, runs,
                    () -> under.console.space().report(Duration.ofHours(1))), "count(*) of every table + dbstat",
                    Measurement.of(1, runs, () -> { rawCounts(database); rawDbstat(database); }), null, null));
            results.addAll(IntegrityBenchmarks.run(under.console, database));
            results.addAll(BackupAndLoadBenchmarks.run(under, database, workDir, runs, loadDuration));
        }
        results.addAll(StoredBackupBenchmarks.run(database, workDir, runs));
        results.addAll(manyTables(workDir, runs));
        return results;
    }

    /**
     * Thousands of small tables: the pages and checks that visit every table, each against its
     * floor on the same file. Every table points at the one before it, every other link declared
     * and the rest a {@code t<n>_id} column for the orphan scan to infer, with an orphan in every
     * fifth table, so both checks have relations to follow and something to find.
     */
    private static List<Result> manyTables(Path workDir, int runs) throws Exception {
        Path database = workDir.resolve("many-linked-tables.db");
        if (!Files.exists(database)) {
            createManyTables(database);
        }
        Files.deleteIfExists(workDir.resolve("many-state.db"));
        List<Result> results = new ArrayList<>();
        try (ConsoleUnderTest under = new ConsoleUnderTest(database, workDir.resolve("many-state.db"))) {
            under.get("/tables");
            long before = usedHeap();
            Measurement page = Measurement.of(0, runs, () -> under.get("/tables"));
            long growth = usedHeap() - before;
            Measurement json = Measurement.of(1, runs, () -> under.get("/api/tables"));
            results.add(new Result("GET /tables with " + MANY_TABLES + " tables (a page of 500)", page,
                    "GET /api/tables (all " + MANY_TABLES + ")", json, 2.0,
                    String.format(Locale.ROOT, "heap after %d renders: %+.1f MB", runs, growth / 1e6)));

            AtomicLong pragmaViolations = new AtomicLong();
            AtomicLong declaredOrphans = new AtomicLong();
            AtomicLong allOrphans = new AtomicLong();
            Measurement pragma = Measurement.of(1, runs, () -> pragmaViolations.set(count(database,
                    "SELECT count(*) FROM pragma_foreign_key_check")));
            Measurement foreignKeys = Measurement.of(1, runs, () -> IntegrityBenchmarks.runJob(under.console, JobKind.FOREIGN_KEY_CHECK));
            Measurement orphans = Measurement.of(1, runs, () -> {
                List<OrphanResult> found = ((OrphanReport) IntegrityBenchmarks.runJob(under.console, JobKind.ORPHAN_SCAN)).relations();
                declaredOrphans.set(found.stream().filter(OrphanResult::declared).mapToLong(OrphanResult::orphans).sum());
                allOrphans.set(found.stream().mapToLong(OrphanResult::orphans).sum());
            });
            if (declaredOrphans.get() != pragmaViolations.get() || allOrphans.get() != MANY_TABLES / 5 - 1) {
                throw new IllegalStateException("orphan scan over " + MANY_TABLES + " tables found " + declaredOrphans.get()
                        + " declared orphans (the pragma " + pragmaViolations.get() + ") and " + allOrphans.get()
                        + " in all (seeded " + (MANY_TABLES / 5 - 1) + ")");
            }
            results.add(new Result("orphan-scan job with " + MANY_TABLES + " tables (declared + inferred)", orphans,
                    "PRAGMA foreign_key_check", pragma, null, String.format(Locale.ROOT,
                    "%d orphans, %d declared as the pragma; target ≤ 2 s; FK-check job %.0f ms", allOrphans.get(),
                    declaredOrphans.get(), foreignKeys.median())));
        }
        return results;
    }

    private static void createManyTables(Path database) throws Exception {
        Path partial = database.resolveSibling(database.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + partial);
             Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("CREATE TABLE t0 (id INTEGER PRIMARY KEY, v TEXT)");
            sql.execute("INSERT INTO t0(v) VALUES ('a'), ('b')");
            for (int i = 1; i < MANY_TABLES; i++) {
                String link = i % 2 == 0 ? "up INT REFERENCES t" + (i - 1) + "(id)" : "t" + (i - 1) + "_id INT";
                sql.execute("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, v TEXT, " + link + ")");
                sql.execute("CREATE INDEX t" + i + "_v ON t" + i + "(v)");
                sql.execute("INSERT INTO t" + i + " VALUES (1, 'a', 1), (2, 'b', " + (i % 5 == 0 ? 99 : 2) + ")");
            }
            connection.commit();
        }
        Files.move(partial, database);
    }

    private static long count(Path database, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement statement = connection.prepareStatement(query);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** SQLite's own answer to "how big is each b-tree": the floor under the sizes page. */
    static void rawDbstat(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT name, pgsize, unused FROM dbstat WHERE aggregate = TRUE");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getLong(2);
            }
        }
    }

    static void rawCounts(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    rows.next();
                }
            }
        }
    }
}
