package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.maintenance.VacuumPreflight;
import io.github.sqliteconsole.web.WebOptions;
import io.github.sqliteconsole.web.audit.AuditLog;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.security.Role;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /maintenance}: VACUUM's cost before it runs, a card per operation, and the audit log.
 * Buttons show only to an OPERATOR outside read-only mode; the routes refuse everyone else anyway.
 */
public final class MaintenancePage implements Handler {

    private final SqliteConsole console;
    private final WebOptions options;
    private final AuditLog auditLog;
    private final JobCards cards;
    private final Views views;

    public MaintenancePage(SqliteConsole console, WebOptions options, AuditLog auditLog, JobCards cards, Views views) {
        this.console = console;
        this.options = options;
        this.auditLog = auditLog;
        this.cards = cards;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        VacuumPreflight preflight = console.vacuumPreflight();
        Map<String, Object> model = new HashMap<>();
        model.put("preflight", preflight);
        // Incremental vacuum does nothing unless auto_vacuum is INCREMENTAL: its card would only confuse.
        model.put("cards", cards.cards(JobKind.Group.MAINTENANCE, exchange.role()).stream()
                .filter(card -> card.type() != JobKind.INCREMENTAL_VACUUM || preflight.incrementalAutoVacuum())
                .toList());
        model.put("canOperate", exchange.role().allows(Role.OPERATOR) && !options.readOnly());
        model.put("readOnlyMode", options.readOnly());
        model.put("audit", auditLog.persisted(50));
        views.render(exchange, HttpServletResponse.SC_OK, "pages/maintenance", null, model);
    }
}
