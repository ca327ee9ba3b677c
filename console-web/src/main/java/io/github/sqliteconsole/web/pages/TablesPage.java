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

/** {@code GET /tables}: where the bytes are, table by table, with a chart and growth over time. */
public final class TablesPage implements Handler {

    /** One row of the sizes table. */
    public record Row(TableSpace table, double sharePercent, Sparkline sparkline) {
    }

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
        SpaceReport report = console.space();

        Map<String, List<SizeHistory.Point>> history = Map.of();
        String historyProblem = null;
        try {
            SizeHistory sizes = console.sizeHistory();
            sizes.recordIfDue(report);
            history = sizes.lastDays(30);
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "SQLite Console size history unavailable: " + e.getMessage());
            historyProblem = e.getMessage();
        }
        Instant now = Instant.now();
        Map<String, List<SizeHistory.Point>> points = history;
        List<Row> rows = report.tables().stream()
                .map(table -> new Row(table, 100 * report.shareOf(table), Sparkline.of(points.get(table.name()), now)))
                .sorted(order(sort, dir)).toList();

        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("rows", rows);
        model.put("sort", sort);
        model.put("dir", dir);
        model.put("chart", SizeChart.of(report, 15, new Links()));
        model.put("historyProblem", historyProblem);
        views.render(exchange, HttpServletResponse.SC_OK, "pages/tables", "sizes", model);
    }

    private static Comparator<Row> order(String sort, String dir) {
        Comparator<Row> byName = Comparator.comparing(row -> row.table().name());
        Comparator<Row> comparator = switch (sort) {
            case "name" -> byName;
            case "rows" -> Comparator.<Row>comparingLong(row -> row.table().rows()).thenComparing(byName);
            default -> Comparator.<Row>comparingLong(row -> row.table().totalBytes()).thenComparing(byName);
        };
        return dir.equals("desc") ? comparator.reversed() : comparator;
    }
}
