package io.github.sqliteconsole.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite on a 20 MB database, so that it cannot rot between real runs. It checks that every
 * measurement ran and produced a line, never how fast: timings belong in the suite's output.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path dir;

    @Test
    void everyMeasurementRunsOnASmallDatabase() throws Exception {
        Path database = BenchmarkDatabase.ensure(dir.resolve("cache"), BenchmarkDatabase.parseSize("20m"));
        assertThat(Files.size(database)).isBetween(10L << 20, 40L << 20);

        List<Result> results = BenchmarkSuite.run(database, Files.createDirectories(dir.resolve("work")), 1,
                java.time.Duration.ofSeconds(2));

        assertThat(results).hasSize(24);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.console().millis()).isNotEmpty();
            assertThat(result.baseline().median()).isPositive();
        });
        String table = Result.markdown(results, BenchmarkSuite.heading(20L << 20));
        assertThat(table).contains("| GET /api/tables").contains("dbstat aggregate").contains("heap after").contains("GET /tables with 5000 tables").contains("orphan-scan job with 5000 tables").contains("foreign-key-check job").contains("same count")
                .contains("backup download over HTTP").contains("host writer while backup download").contains("p99")
                .contains("host writer while integrity-check job").contains("host writer while orphan-scan job")
                .contains("host writer while backup job").contains("host writer while optimize job")
                .contains("sqlite3 .backup + quick_check + sha256sum + cat").contains("| stored backup")
                .contains("| restore a stored backup").contains("sqlite3 .restore").contains("host writer while restore")
                .contains("| stored backup, gzip").contains("sqlite3 .backup + gzip -1");
        assertThat(BenchmarkDatabase.ensure(dir.resolve("cache"), BenchmarkDatabase.parseSize("20m")))
                .as("reused from the cache").isEqualTo(database);
    }
}
