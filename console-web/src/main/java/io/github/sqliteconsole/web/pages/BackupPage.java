package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.security.Role;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /backup}: what a backup will be and cost; for an OPERATOR, the backup job's card
 * (progress, then the prepared file) and the plain download links.
 */
public final class BackupPage implements Handler {

    private final SqliteConsole console;
    private final JobCards cards;
    private final Views views;

    public BackupPage(SqliteConsole console, JobCards cards, Views views) {
        this.console = console;
        this.cards = cards;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        HealthReport health = console.health();
        Map<String, Object> model = new HashMap<>();
        model.put("info", health.database().orElse(null));
        model.put("status", health.status().name());
        model.put("backupDirectory", console.options().snapshotDirectory().toString());
        model.put("canDownload", exchange.role().allows(Role.OPERATOR));
        // Preparing is a POST, which read-only mode refuses (the card knows); the plain download links still work there.
        model.put("card", cards.card(JobKind.BACKUP, exchange.role()));
        views.render(exchange, HttpServletResponse.SC_OK, "pages/backup", null, model);
    }
}
