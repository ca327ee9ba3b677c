package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /integrity}: a card per check with its running or latest job; {@code GET
 * /jobs/{kind}} is one card of any kind, which a running job's card polls for its progress.
 */
public final class IntegrityPage {

    private final SqliteConsole console;
    private final boolean readOnly;
    private final Views views;

    /** @param readOnly in read-only mode the console starts no job at all, so no card offers to */
    public IntegrityPage(SqliteConsole console, boolean readOnly, Views views) {
        this.console = console;
        this.readOnly = readOnly;
        this.views = views;
    }

    public Handler page() {
        return exchange -> {
            List<JobCard> cards = Arrays.stream(JobKind.values()).map(kind -> card(kind.apiName()).orElseThrow()).toList();
            views.render(exchange, HttpServletResponse.SC_OK, "pages/integrity", null,
                    Map.of("cards", cards, "canOperate", !readOnly));
        };
    }

    /** One card; its buttons show only to those who may run that kind. */
    public Handler card() {
        return exchange -> {
            Optional<JobCard> card = card(exchange.pathParams().get("kind"));
            if (card.isEmpty()) {
                Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no job of that kind.");
                return;
            }
            boolean canOperate = !readOnly && card.get().allows(exchange.role());
            views.renderFragment(exchange, HttpServletResponse.SC_OK, "fragments/job", "job",
                    Map.of("card", card.get(), "canOperate", canOperate));
        };
    }

    Optional<JobCard> card(String kind) {
        return JobCard.of(kind, console.jobs().latest(kind).orElse(null));
    }
}
