package io.github.sqliteconsole.web.routing;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Serves one route. A {@link SQLException} becomes a 503 page that says, in SQLite's and plain
 * words, why the database could not be read; a {@link BadRequest} becomes a 400.
 */
@FunctionalInterface
public interface Handler {

    void handle(Exchange exchange) throws IOException, SQLException;
}
