package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.json.Json;
import io.github.sqliteconsole.core.schema.RowQuery;
import io.github.sqliteconsole.core.schema.RowSelection;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.core.schema.UnknownColumn;
import io.github.sqliteconsole.web.routing.BadRequest;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /table/export?name=&format=csv|json} with the row browser's {@code sort}, {@code dir},
 * {@code col} and {@code eq}: the selection the page shows, all its pages, written as it is read
 * (never held in memory) and cut at {@link #MAX_ROWS} rows. BLOBs are written as base64.
 */
public final class RowExport implements Handler {

    /** A download for a spreadsheet or a script, not a backup: the Backup page copies whole files. */
    public static final int MAX_ROWS = 100_000;

    private final SqliteConsole console;
    private final Views views;

    public RowExport(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        String format = Params.oneOf(exchange.request(), "format", "csv", Set.of("csv", "json"));
        Optional<TableDetails> found = TableLookup.find(console, exchange);
        if (found.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no table or view of that name.");
            return;
        }
        TableDetails table = found.get();
        if (!table.readable()) {
            throw new BadRequest("Table " + table.name() + " cannot be exported here: its module " + table.missingModule()
                    + " is not available in this SQLite.");
        }
        RowBrowse browse = RowBrowse.of(exchange.request(), table, MAX_ROWS, MAX_ROWS);
        RowQuery query = new RowQuery(browse.sort(), browse.descending(), browse.filterColumn(), browse.filterValue(), 0, MAX_ROWS);
        HttpServletResponse response = exchange.response();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(format.equals("csv") ? "text/csv" : "application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(table.name()) + "." + format + "\"");
        Writer out = response.getWriter();
        RowSelection.RowSink sink = format.equals("csv") ? new Csv(out) : new JsonRows(out);
        try {
            console.schema().export(table, query, sink);
        } catch (UnknownColumn e) {
            response.reset();
            throw new BadRequest("Table " + table.name() + ": " + e.getMessage() + "; pick one of its columns.");
        }
        if (sink instanceof JsonRows json) {
            json.end();
        }
        out.flush();
    }

    /** Letters, digits, '-' and '_' of the table name: a file name no browser or shell misreads. */
    static String fileName(String table) {
        String safe = table.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.isEmpty() || safe.length() > 80 ? "rows" : safe;
    }

    private static String text(Object value) {
        if (value instanceof byte[] blob) {
            return Base64.getEncoder().encodeToString(blob);
        }
        return value == null ? "" : value.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; NULL is an empty field. */
    private static final class Csv implements RowSelection.RowSink {

        private final Writer out;

        Csv(Writer out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) throws IOException {
            line(names.stream().map(name -> (Object) name).toList());
        }

        @Override
        public void row(List<Object> values) throws IOException {
            line(values);
        }

        private void line(List<Object> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                String field = text(values.get(i));
                boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                        || field.indexOf('\r') >= 0;
                out.write(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
            }
            out.write("\r\n");
        }
    }

    /** A JSON array of objects, one per row, keyed by column name; numbers stay numbers. */
    private static final class JsonRows implements RowSelection.RowSink {

        private final Writer out;
        private List<String> columns;
        private boolean first = true;

        JsonRows(Writer out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) throws IOException {
            columns = names;
            out.write('[');
        }

        @Override
        public void row(List<Object> values) throws IOException {
            out.write(first ? "\n" : ",\n");
            first = false;
            out.write('{');
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                Object shown = value instanceof byte[] || !(value == null || value instanceof Number || value instanceof String)
                        ? text(value) : value;
                out.write((i > 0 ? "," : "") + Json.write(columns.get(i)) + ":" + Json.write(shown));
            }
            out.write('}');
        }

        void end() throws IOException {
            if (columns == null) {
                out.write('[');
            }
            out.write("\n]\n");
        }
    }
}
