package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.health.HealthStatus;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/health}: the health document, HTTP 503 when DOWN so load balancers can act on it.
 * A caller with only the {@link Role#HEALTH} role gets the summary: no paths, details or findings.
 */
public final class HealthApi implements Handler {

    private final SqliteConsole console;

    public HealthApi(SqliteConsole console) {
        this.console = console;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        HealthReport report = console.health();
        int status = report.status() == HealthStatus.DOWN
                ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_OK;
        boolean summaryOnly = exchange.role() == Role.HEALTH;
        Responses.json(exchange.response(), status, summaryOnly ? HealthJson.summary(report) : HealthJson.of(report));
    }
}
