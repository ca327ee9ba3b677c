package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.web.WebOptions;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.security.Role;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The overview with its {@code health} fragment: the whole page on a full load, the fragment for
 * htmx (the overview's poll, a recheck). Shared, so that no page renders through another page.
 */
public final class HealthView {

    private final WebOptions options;
    private final Views views;

    public HealthView(WebOptions options, Views views) {
        this.options = options;
        this.views = views;
    }

    /** @param model more for the full page (the summary); the health entries are added here */
    public void render(Exchange exchange, HealthReport report, Map<String, Object> model) throws IOException {
        model.put("report", report);
        model.put("status", report.status().name());
        model.put("info", report.database().orElse(null));
        model.put("canOperate", exchange.role().allows(Role.OPERATOR) && !options.readOnly());
        model.put("readOnlyMode", options.readOnly());
        long seconds = options.refreshInterval().toSeconds();
        model.put("refreshTrigger", seconds > 0 ? "every " + seconds + "s" : null);
        model.put("refreshSeconds", seconds);
        views.render(exchange, HttpServletResponse.SC_OK, "pages/overview", "health", model);
    }
}
