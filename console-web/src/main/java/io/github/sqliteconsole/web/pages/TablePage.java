package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.schema.RowWindow;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.schema.TableRows;
import io.github.sqliteconsole.core.schema.UnknownColumn;
import io.github.sqliteconsole.web.routing.BadRequest;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
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
 * table's or view's schema and a window of its rows, sorted by any column ({@code sort}, {@code dir}),
 * filtered by {@code col} = {@code eq}, paged by {@code offset} and {@code limit}. An htmx request
 * for another window gets only the {@code rows} fragment.
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
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no table or view of that name.");
            return;
        }
        TableDetails table = found.get();
        Map<String, Object> model = new HashMap<>();
        model.put("table", table);
        if (!table.readable()) {
            // Its DDL is all this SQLite can show; reading its rows would fail with "no such module".
            model.put("window", null);
            views.render(exchange, HttpServletResponse.SC_OK, "pages/table", "rows", model);
            return;
        }
        RowBrowse browse = RowBrowse.of(exchange.request(), table, DEFAULT_PAGE_SIZE, TableRows.MAX_PAGE_SIZE);
        RowWindow window;
        try {
            window = console.schema().select(table, browse.query());
        } catch (UnknownColumn e) {
            throw new BadRequest("Table " + table.name() + ": " + e.getMessage() + "; pick one of its columns.");
        }
        model.put("window", window);
        model.put("browse", browse);
        model.put("headers", browse.headers(window));
        model.put("rows", browse.rows(window));
        model.put("pager", browse.pager(window));
        model.put("selfPath", new Links().table(table.name()).startsWith("table?") ? "table" : new Links().table(table.name()));
        model.put("nameInForm", new Links().table(table.name()).startsWith("table?"));
        model.put("unfilteredHref", browse.unfilteredHref());
        model.put("csvHref", browse.exportHref("csv"));
        model.put("jsonHref", browse.exportHref("json"));
        model.put("countHref", exchange.base() + new Links().count(table.name()));
        views.render(exchange, HttpServletResponse.SC_OK, "pages/table", "rows", model);
    }
}
