package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/backups}: the stored backups, their schedule and verification. Listing reads
 * manifests and file sizes only; a SHA-256 mismatch shows once a download, drill or restore hashed the file.
 */
public final class BackupsApi implements Handler {

    private final SqliteConsole console;
    private final Views views;

    public BackupsApi(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        Map<String, Object> document;
        try {
            Optional<StoredBackups> stored = console.backups().stored();
            document = stored.isEmpty() ? BackupsJson.off()
                    : BackupsJson.of(stored.get().status(), stored.get().options(), stored.get().nextDrill());
        } catch (IOException e) {
            // The store's own words: which directory, what is wrong with it, what to do.
            Responses.error(exchange, views, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Stored backups cannot be used: " + e.getMessage());
            return;
        }
        Responses.json(exchange.response(), HttpServletResponse.SC_OK, document);
    }
}
