package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real TLS (a self-signed key made by keytool for 127.0.0.1): the console's cookie is a
 * {@code __Host-} cookie, and the Origin check wants {@code https}.
 */
class HttpsCookieTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void overHttpsTheCookieIsAHostCookieAndOriginMustBeHttps() throws Exception {
        Path keyStore = dir.resolve("console.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "console", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        Server server = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toString());
        tls.setKeyStorePassword(new String(PASSWORD));
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        try (SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build()) {
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder(new SqliteConsoleServlet(console, WebOptions.defaults())), "/admin/*");
            server.setHandler(context);
            server.start();
            try {
                String origin = "https://127.0.0.1:" + connector.getLocalPort();
                HttpClient browser = HttpClient.newBuilder().sslContext(trusting(keyStore))
                        .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(origin + "/admin/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                List<String> cookies = page.headers().allValues("Set-Cookie");
                assertThat(cookies).singleElement().satisfies(cookie -> assertThat(cookie)
                        .startsWith("__Host-sqlite-console-session=").contains("Secure").contains("Path=/;")
                        .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Domain="));
                Matcher token = TOKEN.matcher(page.body());
                assertThat(token.find()).isTrue();

                URI recheck = URI.create(origin + "/admin/api/health/recheck");
                HttpResponse<String> plainOrigin = browser.send(HttpRequest.newBuilder(recheck)
                        .header("X-CSRF-Token", token.group(1)).header("Origin", "http://127.0.0.1:" + connector.getLocalPort())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(plainOrigin.statusCode()).isEqualTo(403);
                HttpResponse<String> sameOrigin = browser.send(HttpRequest.newBuilder(recheck)
                        .header("X-CSRF-Token", token.group(1)).header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(sameOrigin.statusCode()).isEqualTo(200);
            } finally {
                server.stop();
            }
        }
    }

    private static SSLContext trusting(Path keyStoreFile) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            keyStore.load(in, PASSWORD);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
