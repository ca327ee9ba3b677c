package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.DatabaseInfo;
import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.health.HealthStatus;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The console's meters, named as in the design. Gauges read {@link ConsoleFacts}, so a scrape
 * never runs a check nor lists the backup store; a value not known yet is NaN, which registries
 * skip. {@code sqlite.console.backup.age} exists only when stored backups are on.
 *
 * <p>{@code sqlite.console.jobs} times every finished job once, tagged {@code kind} and
 * {@code outcome}, and {@code sqlite.console.denied} counts refused mutations by {@code reason}:
 * both are collected from in-memory lists (the console's recent jobs, the servlet's audit log)
 * each time a gauge is read, which costs a copy of a few hundred records at most.
 */
final class SqliteConsoleMetrics implements MeterBinder {

    private final SqliteConsole console;
    private final ConsoleFacts facts;
    private final DeniedRequests denied;
    private final Set<String> timedJobs = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    SqliteConsoleMetrics(SqliteConsole console, ConsoleFacts facts, DeniedRequests denied) {
        this.console = console;
        this.facts = facts;
        this.denied = denied;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        gauge(registry, "sqlite.console.file.bytes", "size of the main database file", "bytes",
                database(DatabaseInfo::fileBytes));
        gauge(registry, "sqlite.console.wal.bytes", "size of the -wal file", "bytes", database(DatabaseInfo::walBytes));
        gauge(registry, "sqlite.console.freelist.bytes", "bytes on the freelist, reclaimable by VACUUM", "bytes",
                database(DatabaseInfo::freelistBytes));
        gauge(registry, "sqlite.console.quickcheck.ok", "1 when the latest quick_check passed, 0 when it failed", null,
                SqliteConsoleMetrics::quickCheckOk);
        if (console.options().storedBackups() != null) {
            Gauge.builder("sqlite.console.backup.age", facts, SqliteConsoleMetrics::backupAgeSeconds)
                    .description("seconds since the newest stored backup was taken").baseUnit("seconds")
                    .strongReference(true).register(registry);
        }
    }

    /** NaN (skipped by registries) until the store was listed and holds a backup. */
    private static double backupAgeSeconds(ConsoleFacts facts) {
        return facts.newestStoredBackup()
                .map(taken -> Duration.between(taken, Instant.now()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
                       ToDoubleFunction<HealthReport> value) {
        Gauge.builder(name, this, metrics -> metrics.read(value))
                .description(description).baseUnit(unit).strongReference(true).register(registry);
    }

    private double read(ToDoubleFunction<HealthReport> value) {
        recordFinishedJobs();
        if (denied != null && registry != null) {
            denied.countNew(registry);
        }
        Optional<HealthReport> report = facts.latest();
        return report.map(value::applyAsDouble).orElse(Double.NaN);
    }

    private static ToDoubleFunction<HealthReport> database(ToDoubleFunction<DatabaseInfo> fact) {
        return report -> report.database().map(fact::applyAsDouble).orElse(Double.NaN);
    }

    private static double quickCheckOk(HealthReport report) {
        return report.checks().stream().filter(check -> check.name().equals("quick_check")).findFirst()
                .map(HealthCheckResult::status)
                .map(status -> status == HealthStatus.DOWN ? 0.0 : 1.0)
                .orElse(Double.NaN);
    }

    /** Times each job that ended since the last look, once. */
    void recordFinishedJobs() {
        MeterRegistry target = registry;
        if (target == null) {
            return;
        }
        List<JobSnapshot> recent = console.jobs().recent();
        for (JobSnapshot job : recent) {
            if (job.state() != JobState.RUNNING && job.endedAt() != null && timedJobs.add(job.id())) {
                Timer.builder("sqlite.console.jobs").description("background jobs of the console, by kind and outcome")
                        .tag("kind", job.kind()).tag("outcome", job.state().name().toLowerCase(Locale.ROOT))
                        .register(target).record(Duration.between(job.startedAt(), job.endedAt()));
            }
        }
        // A job that left the recent list never comes back: forget its id.
        timedJobs.retainAll(recent.stream().map(JobSnapshot::id).toList());
    }
}
