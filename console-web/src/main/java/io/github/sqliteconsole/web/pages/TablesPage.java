package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.space.SizeHistory;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.space.TableSpace;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Links;
import io.github.sqliteconsole.web.view.SizeChart;
import io.github.sqliteconsole.web.view.Sparkline;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /tables}: where the bytes are, table by table, with a chart and growth over time.
 * The sizes table shows {@link #ROWS_PER_PAGE} tables at a time ({@code ?page=}): rendering a
 * row costs far more than measuring its table, so over 5,000 tables a single page took five
 * times as long as the same sizes as JSON.
 */
public final class TablesPage implements Handler {

    /** One row of the sizes table. */
    public record Row(TableSpace table, double sharePercent, Sparkline sparkline) {
    }

    /** Which tables of how many this page shows, and the links to its neighbours (null at either end). */
    public record Pager(int page, int pages, int first, int last, int total, String previousHref, String nextHref) {
    }

    static final int ROWS_PER_PAGE = 500;

    private static final Set<String> SORTS = Set.of("name", "rows", "bytes");
    private static final Set<String> DIRECTIONS = Set.of("asc", "desc");
    private static final System.Logger LOGGER = System.getLogger(TablesPage.class.getName());

    private final SqliteConsole console;
    private final Views views;

    public TablesPage(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        String sort = Params.oneOf(exchange.request(), "sort", "bytes", SORTS);
        String dir = Params.oneOf(exchange.request(), "dir", sort.equals("name") ? "asc" : "desc", DIRECTIONS);
        int requestedPage = Params.integer(exchange.request(), "page", 1, 1, 1_000_000);
        SpaceReport report = console.space().report();

        List<TableSpace> sorted = report.tables().stream().sorted(order(sort, dir)).toList();
        // A page past the end (tables were dropped since the link was made) shows the last one.
        int pages = Math.max(1, (sorted.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        int page = Math.min(requestedPage, pages);
        int first = (page - 1) * ROWS_PER_PAGE;
        List<TableSpace> shown = sorted.subList(first, Math.min(sorted.size(), first + ROWS_PER_PAGE));
        String link = "tables?sort=" + sort + "&dir=" + dir + "&page=";
        Pager pager = new Pager(page, pages, first + 1, first + shown.size(), sorted.size(),
                page > 1 ? link + (page - 1) : null, page < pages ? link + (page + 1) : null);

        Map<String, List<SizeHistory.Point>> history = Map.of();
        String historyProblem = null;
        try {
            SizeHistory sizes = console.space().history();
            sizes.recordIfDue(report);
            history = sizes.lastDays(30, shown.stream().map(TableSpace::name).toList());
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "SQLite Console size history unavailable: " + e.getMessage());
            historyProblem = e.getMessage();
        }
        Instant now = Instant.now();
        Map<String, List<SizeHistory.Point>> points = history;
        List<Row> rows = shown.stream()
                .map(table -> new Row(table, 100 * report.shareOf(table), Sparkline.of(points.get(table.name()), now)))
                .toList();

        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        // The app's tables, counted as the overview counts them; SQLite's own (sqlite_*) named apart.
        long internal = report.tables().stream().filter(table -> table.type().equals("internal")).count();
        model.put("appTables", report.tables().size() - internal);
        model.put("viewNames", console.schema().views());
        model.put("internalTables", internal);
        model.put("rows", rows);
        model.put("pager", pager);
        model.put("sort", sort);
        model.put("dir", dir);
        model.put("chart", SizeChart.of(report, 15, new Links()));
        model.put("historyProblem", historyProblem);
        views.render(exchange, HttpServletResponse.SC_OK, "pages/tables", "sizes", model);
    }

    private static Comparator<TableSpace> order(String sort, String dir) {
        Comparator<TableSpace> byName = Comparator.comparing(TableSpace::name);
        Comparator<TableSpace> comparator = switch (sort) {
            case "name" -> byName;
            case "rows" -> Comparator.comparingLong(TableSpace::rows).thenComparing(byName);
            default -> Comparator.comparingLong(TableSpace::totalBytes).thenComparing(byName);
        };
        return dir.equals("desc") ? comparator.reversed() : comparator;
    }
}
