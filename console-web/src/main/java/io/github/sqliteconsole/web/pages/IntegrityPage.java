package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /integrity}: a card per check with its running or latest job. When the database
 * cannot be opened at all (missing, not SQLite, unreadable), every check would fail: the page
 * says why instead of offering Run buttons.
 */
public final class IntegrityPage implements Handler {

    private final SqliteConsole console;
    private final JobCards cards;
    private final Views views;

    public IntegrityPage(SqliteConsole console, JobCards cards, Views views) {
        this.console = console;
        this.cards = cards;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        HealthReport health = console.health();
        String unavailable = health.database().isPresent() ? null : health.problems().stream()
                .map(HealthCheckResult::detail).findFirst().orElse("the database cannot be opened");
        List<JobCard> shown = cards.cards(JobKind.Group.CHECK, exchange.role());
        if (unavailable != null) {
            shown = shown.stream().map(card -> new JobCard(card.type(), card.job(), false)).toList();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("cards", shown);
        model.put("unavailable", unavailable);
        views.render(exchange, HttpServletResponse.SC_OK, "pages/integrity", null, model);
    }
}
