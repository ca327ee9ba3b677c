package io.github.sqliteconsole.web;

import io.github.sqliteconsole.core.SqliteConsole;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A console served by a real Jetty at {@code /admin/*}: the set-up most web tests share. Register it
 * with {@code @RegisterExtension}, start it in the test or its {@code @BeforeEach}; after each test
 * it closes the server, then the console.
 */
final class ServedConsole implements AfterEachCallback {

    private SqliteConsole console;
    private SqliteConsoleServlet servlet;
    private ConsoleServer server;

    /** Builds the console and serves it with the default options. */
    ConsoleServer start(SqliteConsole.Builder builder) throws Exception {
        return start(builder, WebOptions.defaults());
    }

    /** Builds the console and serves it with {@code options}. */
    ConsoleServer start(SqliteConsole.Builder builder, WebOptions options) throws Exception {
        console = builder.build();
        return mount(options);
    }

    /** Serves the same console with other options, on a new server; the previous one is closed first. */
    ConsoleServer mount(WebOptions options) throws Exception {
        if (server != null) {
            server.close();
        }
        servlet = new SqliteConsoleServlet(console, options);
        server = ConsoleServer.start(servlet);
        return server;
    }

    SqliteConsole console() {
        return console;
    }

    /** The servlet of the last {@link #mount}: its audit log is what a test reads. */
    SqliteConsoleServlet servlet() {
        return servlet;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (console != null) {
                console.close();
            }
        }
    }
}
