package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /api/health/recheck}: runs {@code quick_check} now instead of serving the cached
 * verdict. htmx gets the refreshed health fragment, a plain form post is sent back to the
 * overview, and a script gets the health JSON.
 */
public final class HealthRecheck implements Handler {

    private final SqliteConsole console;
    private final HealthView health;

    public HealthRecheck(SqliteConsole console, HealthView health) {
        this.console = console;
        this.health = health;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        console.recheckIntegrity();
        HealthReport report = console.health();
        if (exchange.htmx()) {
            health.render(exchange, report, new java.util.HashMap<>());
        } else if (isFormPost(exchange)) {
            exchange.response().setStatus(HttpServletResponse.SC_SEE_OTHER);
            exchange.response().setHeader("Location", exchange.base());
        } else {
            Responses.json(exchange.response(), HttpServletResponse.SC_OK, HealthJson.of(report));
        }
    }

    private static boolean isFormPost(Exchange exchange) {
        String type = exchange.request().getContentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }
}
