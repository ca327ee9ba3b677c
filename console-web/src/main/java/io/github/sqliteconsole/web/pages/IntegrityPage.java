package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code GET /integrity}: a card per check with its running or latest job. */
public final class IntegrityPage implements Handler {

    private final JobCards cards;
    private final Views views;

    public IntegrityPage(JobCards cards, Views views) {
        this.cards = cards;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        views.render(exchange, HttpServletResponse.SC_OK, "pages/integrity", null,
                Map.of("cards", cards.cards(JobKind.Group.CHECK, exchange.role())));
    }
}
