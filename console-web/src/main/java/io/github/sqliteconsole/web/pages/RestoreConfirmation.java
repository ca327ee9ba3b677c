package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.backup.RestorePreflight;
import io.github.sqliteconsole.core.backup.RestoreRefused;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /backups/{id}/restore}: the confirmation a restore needs before it is started, from the
 * restore's preflight (nothing is hashed or changed here): which backup and when it was taken, the
 * live database and its size, about how long writers will wait; or why the restore would be refused.
 * With htmx it replaces the restore card, and its form starts the {@code restore} job in its place.
 */
public final class RestoreConfirmation implements Handler {

    private final SqliteConsole console;
    private final JobCards cards;
    private final Views views;

    public RestoreConfirmation(SqliteConsole console, JobCards cards, Views views) {
        this.console = console;
        this.cards = cards;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        JobCard restore = cards.card(JobKind.RESTORE, exchange.role());
        if (restore.running()) {
            // A restore runs: its card keeps polling in place of a second confirmation.
            cards.render(exchange, restore);
            return;
        }
        String id = exchange.pathParams().get("id");
        Map<String, Object> model = new HashMap<>();
        int status = HttpServletResponse.SC_OK;
        try {
            Optional<StoredBackups> stored = console.backups().stored();
            if (stored.isEmpty() || stored.get().list().stream().map(ListedBackup::backup).noneMatch(b -> b.id().equals(id))) {
                // Never the id itself in the answer: it came from the URL.
                model.put("refusal", "There is no stored backup with that id; reload the Backup page and pick one from the list.");
                status = exchange.htmx() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND;
            } else {
                RestorePreflight preflight = stored.get().preflight(id);
                model.put("preflight", preflight);
            }
        } catch (RestoreRefused e) {
            model.put("refusal", e.getMessage());
        } catch (IOException e) {
            model.put("refusal", "Stored backups cannot be used: " + e.getMessage());
        } catch (SQLException e) {
            model.put("refusal", "The live database could not be read: " + SqliteErrors.plainSummary(e) + ".");
        }
        views.render(exchange, status, "pages/restore", "confirm", model);
    }
}
