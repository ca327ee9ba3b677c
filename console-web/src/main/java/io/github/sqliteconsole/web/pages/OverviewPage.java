package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.core.schema.MigrationHistory;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.space.TableSpace;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** {@code GET /}: health and database facts; an htmx poll gets only the {@code health} fragment. */
public final class OverviewPage implements Handler {

    private static final int LARGEST_SHOWN = 5;
    private static final Duration SUMMARY_MAX_AGE = Duration.ofMinutes(1);

    private final AtomicReference<Summary> latestSummary = new AtomicReference<>();

    private final SqliteConsole console;
    private final HealthView health;

    public OverviewPage(SqliteConsole console, HealthView health) {
        this.console = console;
        this.health = health;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        HealthReport report = console.health();
        Map<String, Object> model = new HashMap<>();
        if (!exchange.htmx() && report.database().isPresent()) {
            addSummary(model);
        }
        render(exchange, report, model);
    }

    /**
     * The largest tables (rows from the dbstat scan; virtual tables estimated: the overview never
     * waits for {@code count(*)}) and the
     * migration history. Only on a full page load, and computed at most once a minute: the dbstat
     * scan behind it reads every page, and a dashboard left open by many people must not repeat it.
     */
    private void addSummary(Map<String, Object> model) {
        Summary summary = latestSummary.get();
        if (summary == null || System.nanoTime() - summary.takenAtNanos() > SUMMARY_MAX_AGE.toNanos()) {
            summary = takeSummary();
            latestSummary.set(summary);
        }
        model.put("largestTables", summary.largestTables());
        model.put("migrations", summary.migrations());
        model.put("summaryProblem", summary.problem());
    }

    private Summary takeSummary() {
        try {
            SpaceReport space = console.space().report(Duration.ZERO);
            return new Summary(space.tables().stream().limit(LARGEST_SHOWN).toList(), console.schema().migrations().orElse(null),
                    null, System.nanoTime());
        } catch (SQLException e) {
            // Health above already says what is wrong with the database; the summary says it briefly.
            return new Summary(null, null, SqliteErrors.describe(e), System.nanoTime());
        }
    }

    private record Summary(List<TableSpace> largestTables, MigrationHistory migrations, String problem, long takenAtNanos) {
    }

    private void render(Exchange exchange, HealthReport report, Map<String, Object> model) throws IOException {
        health.render(exchange, report, model);
    }
}
