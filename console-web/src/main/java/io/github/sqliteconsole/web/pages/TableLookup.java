package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.schema.TableDetails;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Params;
import java.sql.SQLException;
import java.util.Optional;

/** The table a request names, as {@code /tables/{name}} or {@code ?name=}; shared by the table page and its count. */
final class TableLookup {

    private TableLookup() {
    }

    static Optional<TableDetails> find(SqliteConsole console, Exchange exchange) throws SQLException {
        String name = exchange.pathParams().get("name");
        if (name == null) {
            name = Params.text(exchange.request(), "name");
        }
        return name == null ? Optional.empty() : console.schema().table(name);
    }
}
