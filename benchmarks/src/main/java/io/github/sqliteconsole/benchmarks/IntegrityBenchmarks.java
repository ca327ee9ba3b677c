package io.github.sqliteconsole.benchmarks;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.ForeignKeyReport;
import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks as jobs against the pragmas they replace. Each runs once (no warm-up): on 1 GB the
 * pragmas take tens of seconds, and the ratio, not the spread, is the point. Counts are compared,
 * so a fast wrong answer fails loudly.
 */
final class IntegrityBenchmarks {

    private IntegrityBenchmarks() {
    }

    static List<Result> run(SqliteConsole console, Path database) throws Exception {
        AtomicLong ourViolations = new AtomicLong();
        AtomicLong pragmaViolations = new AtomicLong();
        Measurement foreignKeys = Measurement.of(0, 1, () -> {
            ForeignKeyReport report = (ForeignKeyReport) runJob(console, JobKind.FOREIGN_KEY_CHECK);
            ourViolations.set(report.foreignKeys().stream().mapToLong(ForeignKeyResult::violations).sum());
        });
        Measurement pragma = Measurement.of(0, 1, () -> pragmaViolations.set(count(database, "SELECT count(*) FROM pragma_foreign_key_check")));
        if (ourViolations.get() != pragmaViolations.get()) {
            throw new IllegalStateException("foreign-key check found " + ourViolations.get() + " violations, the pragma "
                    + pragmaViolations.get());
        }
        AtomicReference<IntegrityReport> quick = new AtomicReference<>();
        AtomicReference<IntegrityReport> full = new AtomicReference<>();
        Measurement orphanJob = Measurement.of(0, 1, () -> runJob(console, JobKind.ORPHAN_SCAN));
        Measurement orphanBaseline = Measurement.of(0, 1, () -> {
            count(database, "SELECT count(*) FROM pragma_foreign_key_check");
            count(database, "SELECT count(*) FROM audit WHERE order_id NOT IN (SELECT id FROM orders)");
        });
        Measurement quickJob = Measurement.of(0, 1, () -> quick.set((IntegrityReport) runJob(console, JobKind.QUICK_CHECK)));
        Measurement quickPragma = Measurement.of(0, 1, () -> count(database, "SELECT count(*) FROM pragma_quick_check"));
        Measurement fullJob = Measurement.of(0, 1, () -> full.set((IntegrityReport) runJob(console, JobKind.INTEGRITY_CHECK)));
        Measurement fullPragma = Measurement.of(0, 1, () -> count(database, "SELECT count(*) FROM pragma_integrity_check"));
        // The suite's own database is sound: any finding (a page the accounting missed, say past
        // the lock-byte page of a file over 1 GiB) is a console bug and stops the suite.
        requireOk("quick-check", quick.get());
        requireOk("integrity-check", full.get());
        return List.of(
                new Result("foreign-key-check job", foreignKeys, "PRAGMA foreign_key_check", pragma, 0.3,
                        "same count: " + ourViolations.get()),
                new Result("orphan-scan job (declared + inferred)", orphanJob,
                        "PRAGMA foreign_key_check + NOT IN for audit.order_id", orphanBaseline, null, null),
                new Result("quick-check job", quickJob, "PRAGMA quick_check", quickPragma, null,
                        "ok; per table, with progress and cancel"),
                new Result("integrity-check job", fullJob, "PRAGMA integrity_check", fullPragma, null,
                        "ok, every page accounted for; per table, with progress and cancel"));
    }

    private static void requireOk(String check, IntegrityReport report) {
        if (!report.ok()) {
            throw new IllegalStateException(check + " job found problems in the benchmark database: " + report.errors());
        }
    }

    static Object runJob(SqliteConsole console, JobKind kind) throws Exception {
        return awaitJob(console, console.startJob(kind));
    }

    /** Waits for {@code job} and returns its result; anything but SUCCEEDED stops the suite. */
    static Object awaitJob(SqliteConsole console, JobSnapshot job) throws Exception {
        String kind = job.kind();
        while (true) {
            JobSnapshot now = console.jobs().get(job.id()).orElseThrow();
            if (now.state().finished()) {
                if (now.state() != JobState.SUCCEEDED) {
                    throw new IllegalStateException(kind + " job ended " + now.state() + ": " + now.error());
                }
                return now.result();
            }
            Thread.sleep(20);
        }
    }

    private static long count(Path database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
