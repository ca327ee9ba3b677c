package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.space.IndexSpace;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.space.TableSpace;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/tables}: the sizes document of DESIGN.md's contract, plus per-index detail. */
public final class TablesApi implements Handler {

    private final SqliteConsole console;

    public TablesApi(SqliteConsole console) {
        this.console = console;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        SpaceReport report = console.space().report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tables", report.tables().stream().map(table -> table(report, table)).toList());
        // fileBytes is the size on disk, as in /api/health; pagesBytes what the pages below add up to.
        json.put("pagesBytes", report.pagesBytes());
        json.put("fileBytes", report.fileBytes());
        json.put("freelistBytes", report.freelistBytes());
        json.put("otherPagesBytes", report.otherPagesBytes());
        json.put("walBytes", report.walBytes());
        json.put("sizesKnown", report.sizesKnown());
        Responses.json(exchange.response(), HttpServletResponse.SC_OK, json);
    }

    private static Map<String, Object> table(SpaceReport report, TableSpace table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", table.name());
        json.put("type", table.type());
        json.put("rows", table.rows());
        json.put("rowsExact", table.rowsExact());
        json.put("tableBytes", table.tableBytes());
        json.put("indexBytes", table.indexBytes());
        json.put("totalBytes", table.totalBytes());
        json.put("unusedBytes", table.unusedBytes());
        json.put("overflowPages", table.overflowPages());
        json.put("share", report.shareOf(table));
        json.put("withoutRowid", table.withoutRowid());
        json.put("strict", table.strict());
        List<Map<String, Object>> indexes = table.indexes().stream().map(TablesApi::index).toList();
        json.put("indexes", indexes);
        json.put("shadowTables", table.shadowTables());
        return json;
    }

    private static Map<String, Object> index(IndexSpace index) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", index.name());
        json.put("bytes", index.bytes());
        return json;
    }
}
