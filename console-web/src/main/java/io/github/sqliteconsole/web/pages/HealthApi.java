package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.health.HealthStatus;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/health}: the health document, HTTP 503 when DOWN so load balancers can act on it. */
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
        Responses.json(exchange.response(), status, HealthJson.of(report));
    }
}
