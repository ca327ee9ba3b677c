package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.schema.RowPage;
import io.github.sqliteconsole.core.sql.InvalidCursor;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.schema.TableRows;
import io.github.sqliteconsole.web.routing.BadRequest;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Links;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /tables/{name}} (and {@code GET /table?name=} for names no URL path can carry): a
 * table's schema and a read-only page of its rows. An htmx request for another page of rows gets
 * only the {@code rows} fragment.
 */
public final class TablePage implements Handler {

    public static final int DEFAULT_PAGE_SIZE = 50;

    private final SqliteConsole console;
    private final Views views;

    public TablePage(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        Optional<TableDetails> found = TableLookup.find(console, exchange);
        if (found.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no table of that name.");
            return;
        }
        TableDetails table = found.get();
        if (!table.readable()) {
            // Its DDL is all this SQLite can show; reading its rows would fail with "no such module".
            Map<String, Object> model = new HashMap<>();
            model.put("table", table);
            model.put("page", null);
            views.render(exchange, HttpServletResponse.SC_OK, "pages/table", "rows", model);
            return;
        }
        int limit = Params.integer(exchange.request(), "limit", DEFAULT_PAGE_SIZE, 1, TableRows.MAX_PAGE_SIZE);
        String after = Params.text(exchange.request(), "after");
        RowPage page;
        try {
            page = console.rows(table, after, limit);
        } catch (InvalidCursor e) {
            throw new BadRequest("The page cursor is not valid for table " + table.name() + "; start again from the first page.");
        }
        String self = new Links().table(table.name());
        String separator = self.contains("?") ? "&" : "?";
        Map<String, Object> model = new HashMap<>();
        model.put("table", table);
        model.put("page", page);
        model.put("firstHref", exchange.base() + self + separator + "limit=" + limit);
        model.put("nextHref", page.nextCursor() == null ? null
                : exchange.base() + self + separator + "limit=" + limit + "&after=" + Links.encode(page.nextCursor()));
        model.put("isFirstPage", after == null);
        model.put("countHref", exchange.base() + new Links().count(table.name()));
        views.render(exchange, HttpServletResponse.SC_OK, "pages/table", "rows", model);
    }
}
