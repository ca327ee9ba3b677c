package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.sql.NoSuchTable;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Formats;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /table/count?name=}: an exact {@code count(*)} for one table whose count the sizes
 * page only estimated. A read, so a GET; bounded by a deadline, and one at a time (409 while one
 * runs) so a user cannot stack full-table scans.
 */
public final class RowCountFragment implements Handler {

    static final Duration BUDGET = Duration.ofSeconds(60);

    private final SqliteConsole console;
    private final Views views;
    private final Semaphore oneAtATime = new Semaphore(1);

    public RowCountFragment(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        Optional<TableDetails> table = TableLookup.find(console, exchange);
        if (table.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no table of that name.");
            return;
        }
        if (!table.get().readable()) {
            Responses.error(exchange, views, HttpServletResponse.SC_CONFLICT, "The rows of " + table.get().name()
                    + " cannot be counted here: its module " + table.get().missingModule() + " is not available in this SQLite.");
            return;
        }
        if (!oneAtATime.tryAcquire()) {
            Responses.error(exchange, views, HttpServletResponse.SC_CONFLICT,
                    "Another exact count is running; try again when it has finished.");
            return;
        }
        try {
            Optional<Long> rows;
            try {
                rows = console.space().exactRowCount(table.get().name(), BUDGET);
            } catch (NoSuchTable e) {
                // Dropped between the lookup and the count.
                Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no table of that name.");
                return;
            }
            views.renderFragment(exchange, HttpServletResponse.SC_OK, "fragments/count", "count",
                    Map.of("rows", rows.map(count -> new Formats().count(count)).orElse(""),
                            "budgetSeconds", BUDGET.toSeconds()));
        } finally {
            oneAtATime.release();
        }
    }
}
