package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.schema.ColumnInfo;
import io.github.sqliteconsole.core.schema.ForeignKeyInfo;
import io.github.sqliteconsole.core.schema.IndexInfo;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.schema.TriggerInfo;
import io.github.sqliteconsole.core.space.IndexSpace;
import io.github.sqliteconsole.core.space.SizeHistory;
import io.github.sqliteconsole.core.space.SpaceReport;
import io.github.sqliteconsole.core.space.TableSpace;
import io.github.sqliteconsole.web.routing.BadRequest;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /api/tables/{name}} (and {@code GET /api/table?name=} for names no URL path can carry,
 * as the table page has {@code /table?name=}): what the table page shows as JSON. Its schema
 * (columns, indexes, foreign keys both ways, triggers, DDL), its bytes and rows from the same
 * {@code dbstat} scan as {@code /api/tables}, and its size history. A view has its columns and DDL
 * and no bytes; a virtual table whose module this SQLite lacks has its DDL and says so.
 */
public final class TableApi implements Handler {

    /** The days of size history given, as on the Tables page's sparklines. */
    static final int HISTORY_DAYS = 30;
    private static final System.Logger LOGGER = System.getLogger(TableApi.class.getName());

    private final SqliteConsole console;
    private final Views views;

    public TableApi(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        if (exchange.pathParams().get("name") == null && Params.text(exchange.request(), "name") == null) {
            throw new BadRequest("Parameter name is required: the exact name of a table or view, as GET api/tables lists them.");
        }
        Optional<TableDetails> found = TableLookup.find(console, exchange);
        if (found.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no table or view of that name "
                    + "in this database; GET api/tables lists the tables, with their exact names.");
            return;
        }
        TableDetails table = found.get();
        boolean view = table.type().equals("view");
        TableSpace space = null;
        String shadowOf = null;
        if (!view) {
            SpaceReport report = console.space().report();
            space = report.table(table.name()).orElse(null);
            shadowOf = shadowOwner(report, table.name());
        }
        Map<String, Object> json = schema(table, space == null ? Map.of()
                : space.indexes().stream().collect(Collectors.toMap(IndexSpace::name, IndexSpace::bytes)));
        sizes(json, space, shadowOf);
        json.put("sizeHistory", view ? null : history(table.name()));
        Responses.json(exchange.response(), HttpServletResponse.SC_OK, json);
    }

    /** @param indexBytes each index's bytes, by name; an index missing from it has null bytes */
    private static Map<String, Object> schema(TableDetails table, Map<String, Long> indexBytes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", table.name());
        json.put("type", table.type());
        json.put("withoutRowid", table.withoutRowid());
        json.put("strict", table.strict());
        json.put("sql", table.sql());
        json.put("readable", table.readable());
        json.put("missingModule", table.missingModule());
        json.put("problem", table.readable() ? null : "The module " + table.missingModule() + " is not available in "
                + "this SQLite (an extension such as SpatiaLite provides it), so its columns and rows cannot be read "
                + "here; its CREATE statement is shown. Load the extension in the application to read it.");
        json.put("columns", table.columns().stream().map(TableApi::column).toList());
        json.put("primaryKey", table.primaryKey());
        json.put("indexes", table.indexes().stream().map(index -> index(index, indexBytes.get(index.name()))).toList());
        json.put("foreignKeys", table.foreignKeysOut().stream().map(TableApi::foreignKey).toList());
        json.put("referencedBy", table.foreignKeysIn().stream().map(TableApi::foreignKey).toList());
        json.put("triggers", table.triggers().stream().map(TableApi::trigger).toList());
        return json;
    }

    /**
     * Rows and bytes as {@code /api/tables} gives them; null where there are none (a view) or where
     * they are counted with the table that owns them (a shadow table of a virtual table).
     */
    private static void sizes(Map<String, Object> json, TableSpace space, String shadowOf) {
        boolean known = space != null;
        json.put("rows", known && space.rows() >= 0 ? space.rows() : null);
        json.put("rowsExact", known && space.rowsExact());
        json.put("tableBytes", known ? space.tableBytes() : null);
        json.put("indexBytes", known ? space.indexBytes() : null);
        json.put("totalBytes", known ? space.totalBytes() : null);
        json.put("unusedBytes", known ? space.unusedBytes() : null);
        json.put("overflowPages", known ? space.overflowPages() : null);
        json.put("shadowTables", known ? space.shadowTables() : List.of());
        json.put("shadowOf", shadowOf);
    }

    /** The virtual table a shadow table belongs to (its bytes are counted there), else null. */
    private static String shadowOwner(SpaceReport report, String name) {
        return report.tables().stream().filter(owner -> owner.shadowTables().contains(name))
                .map(TableSpace::name).findFirst().orElse(null);
    }

    /** The recorded sizes; a state file the console cannot use leaves the history empty and says why. */
    private Map<String, Object> history(String table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("days", HISTORY_DAYS);
        List<SizeHistory.Point> points = List.of();
        String problem = null;
        try {
            points = console.space().history().lastDays(HISTORY_DAYS, List.of(table)).getOrDefault(table, List.of());
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "SQLite Console size history unavailable: " + e.getMessage());
            problem = e.getMessage();
        }
        json.put("points", points.stream().map(TableApi::point).toList());
        json.put("problem", problem);
        return json;
    }

    private static Map<String, Object> point(SizeHistory.Point point) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", point.at().toString());
        json.put("totalBytes", point.totalBytes());
        json.put("rows", point.rows());
        return json;
    }

    private static Map<String, Object> column(ColumnInfo column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", column.name());
        json.put("declaredType", column.declaredType());
        json.put("affinity", column.affinity());
        json.put("notNull", column.notNull());
        json.put("defaultValue", column.defaultValue());
        json.put("pkPosition", column.pkPosition());
        json.put("hidden", column.hidden());
        return json;
    }

    private static Map<String, Object> index(IndexInfo index, Long bytes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", index.name());
        json.put("unique", index.unique());
        json.put("origin", index.origin());
        json.put("partial", index.partial());
        json.put("columns", index.columns());
        json.put("sql", index.sql());
        json.put("bytes", bytes);
        return json;
    }

    /** Both directions in one shape: {@code table} holds the reference, {@code parent} is referenced. */
    private static Map<String, Object> foreignKey(ForeignKeyInfo key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("table", key.childTable());
        json.put("columns", key.childColumns());
        json.put("parent", key.parentTable());
        json.put("parentColumns", key.parentColumns());
        json.put("onUpdate", key.onUpdate());
        json.put("onDelete", key.onDelete());
        return json;
    }

    private static Map<String, Object> trigger(TriggerInfo trigger) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", trigger.name());
        json.put("sql", trigger.sql());
        return json;
    }
}
