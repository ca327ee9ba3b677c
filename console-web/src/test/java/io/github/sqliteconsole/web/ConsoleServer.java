package io.github.sqliteconsole.web;

import io.github.sqliteconsole.core.SqliteConsole;
import jakarta.servlet.http.HttpServlet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ProxyConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty on loopback with the console servlet mounted, and a browser-like client that keeps
 * cookies. A second connector speaks the PROXY protocol, the way a load balancer tells a server
 * the real client address: that is how tests act as a client that is not on this machine.
 */
final class ConsoleServer implements AutoCloseable {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private final Server server = new Server();
    private final ServerConnector plain;
    private final ServerConnector proxied;
    private final String mountPrefix;
    final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ConsoleServer(ServletHolder holder, String contextPath, String mapping) throws Exception {
        this(holder, contextPath, mapping, context -> { });
    }

    private ConsoleServer(ServletHolder holder, String contextPath, String mapping, Consumer<ServletContextHandler> setUp)
            throws Exception {
        plain = new ServerConnector(server);
        plain.setHost("127.0.0.1");
        HttpConnectionFactory http = new HttpConnectionFactory();
        proxied = new ServerConnector(server, new ProxyConnectionFactory(http.getProtocol()), http);
        proxied.setHost("127.0.0.1");
        server.addConnector(plain);
        server.addConnector(proxied);
        ServletContextHandler context = new ServletContextHandler(contextPath);
        setUp.accept(context);
        context.addServlet(holder, mapping);
        server.setHandler(context);
        server.start();
        mountPrefix = (contextPath.equals("/") ? "" : contextPath) + mapping.replace("/*", "");
    }

    static ConsoleServer start(SqliteConsole console, WebOptions options) throws Exception {
        return start(new SqliteConsoleServlet(console, options));
    }

    /** Mounts {@code servlet} at {@code /admin/*} of the root context, where most tests want it. */
    static ConsoleServer start(SqliteConsoleServlet servlet) throws Exception {
        return start(servlet, "/", "/admin/*");
    }

    static ConsoleServer start(HttpServlet servlet, String contextPath, String mapping) throws Exception {
        return new ConsoleServer(new ServletHolder(servlet), contextPath, mapping);
    }

    static ConsoleServer start(ServletHolder holder, String contextPath, String mapping) throws Exception {
        return new ConsoleServer(holder, contextPath, mapping);
    }

    /** Mounts {@code holder} at {@code /admin/*} after {@code setUp} prepared the context, as a host would. */
    static ConsoleServer start(ServletHolder holder, Consumer<ServletContextHandler> setUp) throws Exception {
        return new ConsoleServer(holder, "/", "/admin/*", setUp);
    }

    /** The absolute URI of {@code path} below the mount, e.g. {@code uri("/api/health")}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + plain.getLocalPort() + mountPrefix + path);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Loads the overview like a browser and returns the CSRF token its page carries. */
    String csrfToken() throws Exception {
        return tokenIn(get("/").body());
    }

    private static String tokenIn(String page) {
        Matcher meta = CSRF_META.matcher(page);
        if (!meta.find()) {
            throw new AssertionError("the overview carries no csrf-token meta tag");
        }
        return meta.group(1);
    }

    /** A second browser: its own cookies, so its own console session. */
    Session newSession() {
        return new Session(HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    final class Session {
        private final HttpClient browser;

        private Session(HttpClient browser) {
            this.browser = browser;
        }

        String csrfToken() throws Exception {
            return tokenIn(browser.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    /**
     * Sends {@code rawRequest} as if from {@code clientAddress}, through the PROXY-protocol
     * connector, and returns the raw response (status line, headers and body).
     */
    String sendAs(String clientAddress, String rawRequest) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", proxied.getLocalPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String family = clientAddress.contains(":") ? "TCP6" : "TCP4";
            String local = clientAddress.contains(":") ? "::1" : "127.0.0.1";
            out.write(("PROXY " + family + " " + clientAddress + " " + local + " 40000 " + proxied.getLocalPort() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(rawRequest.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /** The status code of a raw response, as {@link #sendAs} returns it. */
    static int statusOf(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    /** A one-shot raw HTTP/1.1 request for {@code path} below the mount. */
    String rawRequest(String method, String path, String... headerLines) {
        StringBuilder request = new StringBuilder(method + " " + mountPrefix + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(proxied.getLocalPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        if (method.equals("POST")) {
            request.append("Content-Length: 0\r\n");
        }
        return request.append("\r\n").toString();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
