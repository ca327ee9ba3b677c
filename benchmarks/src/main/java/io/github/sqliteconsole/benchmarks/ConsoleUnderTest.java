package io.github.sqliteconsole.benchmarks;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.web.SqliteConsoleServlet;
import io.github.sqliteconsole.web.WebOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The console over a database, mounted in a real Jetty on loopback, as a host would run it. */
final class ConsoleUnderTest implements AutoCloseable {

    final SQLiteDataSource dataSource;
    final SqliteConsole console;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newHttpClient();

    ConsoleUnderTest(Path database, Path stateFile) throws Exception {
        this(database, stateFile, stateFile.resolveSibling("snapshots"));
    }

    ConsoleUnderTest(Path database, Path stateFile, Path backupDirectory) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + database);
        console = SqliteConsole.builder(dataSource).stateFile(stateFile).backupDirectory(backupDirectory).build();
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new SqliteConsoleServlet(console, WebOptions.defaults())), "/admin/*");
        server.setHandler(context);
        server.start();
    }

    /** GETs {@code path} below the mount and returns the body length; fails on any status but 200. */
    long get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/admin" + path);
        // Streamed and counted, not kept: a backup download must not fill the benchmark's own heap.
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            long length = body.transferTo(java.io.OutputStream.nullOutputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return length;
        }
    }

    /** Downloads {@code path} in another process (curl) when one is installed, else as {@link #get}. */
    void download(String path) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/curl"))) {
            get(path);
            return;
        }
        String uri = "http://127.0.0.1:" + connector.getLocalPort() + "/admin" + path;
        Process curl = new ProcessBuilder("/usr/bin/curl", "-s", "-f", "-o", "/dev/null", uri).inheritIO().start();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl " + uri + " exited " + curl.exitValue());
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        console.close();
    }
}
