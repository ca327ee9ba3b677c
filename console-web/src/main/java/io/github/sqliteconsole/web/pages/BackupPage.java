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
 * {@code GET /backup}: the stored backups (schedule, list, Back up now, Drill, Download, Restore)
 * and the one-off snapshot (what it will be and cost; for an OPERATOR, the backup job's card and
 * the plain download links). An htmx request gets the list of stored backups alone: the page
 * reloads it when a backup job finished ({@link JobCards#BACKUPS_CHANGED}).
 */
public final class BackupPage implements Handler {

    private static final String STORED_LIST = "stored-list";

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
        Map<String, Object> model = new HashMap<>();
        model.put("stored", StoredBackupsSection.of(console, cards, exchange.role()));
        model.put("backupsChanged", JobCards.BACKUPS_CHANGED);
        if (exchange.htmx()) {
            views.render(exchange, HttpServletResponse.SC_OK, "pages/backup", STORED_LIST, model);
            return;
        }
        HealthReport health = console.health();
        model.put("info", health.database().orElse(null));
        model.put("status", health.status().name());
        model.put("backupDirectory", console.options().snapshotDirectory().toString());
        model.put("canDownload", exchange.role().allows(Role.OPERATOR));
        // Preparing is a POST, which read-only mode refuses (the card knows); the plain download links still work there.
        model.put("card", cards.card(JobKind.BACKUP, exchange.role()));
        // Where this console answers, for the curl hint: the Host was already checked against the allowed hosts.
        model.put("downloadUrl", exchange.request().getRequestURL() + "/download");
        views.render(exchange, HttpServletResponse.SC_OK, "pages/backup", null, model);
    }
}
