package io.github.sqliteconsole.demo;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The demo webapp (its listener, as web.xml declares it) in a real Jetty on loopback, with a cookie-keeping client. */
final class DemoServer implements AutoCloseable {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final DemoApp app;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();

    DemoServer(Map<String, String> properties) throws Exception {
        app = new DemoApp(properties::get);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addEventListener(app);
        server.setHandler(context);
        server.start();
    }

    DemoApp app() {
        return app;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String csrfToken) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                        .header("X-Console-CSRF-Token", csrfToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Loads the overview like a browser and returns the token its page carries. */
    String csrfToken() throws Exception {
        Matcher meta = CSRF_META.matcher(get("/admin/").body());
        if (!meta.find()) {
            throw new AssertionError("the overview carries no csrf-token meta tag");
        }
        return meta.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
