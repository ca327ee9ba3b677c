package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The console works under any context path and mount, and from web.xml-style init-params. */
class MountingTest {

    private static final Pattern ASSET_LINK = Pattern.compile("(?:href|src)=\"([^\"]*assets/[^\"]+)\"");

    @TempDir
    Path dir;

    private SQLiteDataSource database() throws Exception {
        return TestDatabases.inventory(dir.resolve("app.db"));
    }

    @Test
    void underAContextPathAndNestedMountEveryRelativeLinkResolves() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database()).build();
             ConsoleServer server = ConsoleServer.start(new SqliteConsoleServlet(console), "/shop", "/ops/db/*")) {
            HttpResponse<String> page = server.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(server.uri("/").getPath()).isEqualTo("/shop/ops/db/");

            Matcher links = ASSET_LINK.matcher(page.body());
            int resolved = 0;
            while (links.find()) {
                URI asset = server.uri("/").resolve(links.group(1));
                HttpResponse<String> response = server.client.send(HttpRequest.newBuilder(asset).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(asset.toString()).isEqualTo(200);
                resolved++;
            }
            assertThat(resolved).as("css, htmx and console.js").isEqualTo(3);

            HttpResponse<String> bare = server.client.send(HttpRequest.newBuilder(
                    URI.create(server.uri("/").toString().replaceAll("/$", ""))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bare.statusCode()).isEqualTo(301);
            assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/shop/ops/db/"));
        }
    }

    @Test
    void mountedAtTheRootOfItsOwnContext() throws Exception {
        try (SqliteConsole console = SqliteConsole.builder(database()).build();
             ConsoleServer server = ConsoleServer.start(new SqliteConsoleServlet(console), "/console", "/*")) {
            assertThat(server.get("/").body()).contains("id=\"status-badge\"");
            assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
            assertThat(server.get("/assets/console.css").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void webXmlStyleServletFindsItsDataSourceInAContextAttribute() throws Exception {
        SQLiteDataSource dataSource = database();
        ServletHolder holder = new ServletHolder(SqliteConsoleServlet.class);
        holder.setInitParameter("dataSourceAttribute", "app.dataSource");
        holder.setInitParameter("readOnly", "true");
        holder.setInitOrder(1);
        try (ConsoleServer server = ConsoleServer.start(holder,
                context -> context.setAttribute("app.dataSource", dataSource))) {
            assertThat(server.get("/api/health").body()).contains("\"status\":\"UP\"");
            assertThat(server.get("/").body()).contains("Read-only mode");
        }
    }

    @Test
    void webXmlStyleServletWithoutADataSourceFailsToStartWithAClearMessage() {
        ServletHolder holder = new ServletHolder(SqliteConsoleServlet.class);
        holder.setInitParameter("dataSourceAttribute", "nothing.here");
        holder.setInitOrder(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConsoleServer.start(holder, "/", "/admin/*").close())
                .hasStackTraceContaining("ServletContext attribute nothing.here holds nothing, not a javax.sql.DataSource");
    }

    @Test
    void webXmlStyleServletFindsItsDataSourceByJndiName() throws Exception {
        SQLiteDataSource dataSource = database();
        ServletHolder holder = new ServletHolder(SqliteConsoleServlet.class);
        holder.setInitParameter("dataSourceJndiName", "java:comp/env/jdbc/app");
        holder.setInitOrder(1);
        String before = System.getProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
        TestNaming.BOUND.put("java:comp/env/jdbc/app", dataSource);
        try (ConsoleServer server = ConsoleServer.start(holder, "/", "/admin/*")) {
            assertThat(server.get("/api/health").body()).contains("\"status\":\"UP\"");
            assertThat(server.get("/").body()).doesNotContain("Read-only mode");
        } finally {
            TestNaming.BOUND.clear();
            if (before == null) {
                System.clearProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY, before);
            }
        }
    }

    @Test
    void aJndiNameWithNothingBoundFailsToStartWithTheName() {
        ServletHolder holder = new ServletHolder(SqliteConsoleServlet.class);
        holder.setInitParameter("dataSourceJndiName", "java:comp/env/jdbc/missing");
        holder.setInitOrder(1);
        String before = System.getProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConsoleServer.start(holder, "/", "/admin/*").close())
                    .hasStackTraceContaining("no DataSource at JNDI name java:comp/env/jdbc/missing");
        } finally {
            if (before == null) {
                System.clearProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY, before);
            }
        }
    }

    @Test
    void readOnlyInitParamIsTrueOrFalseAndNothingElse() throws Exception {
        SQLiteDataSource dataSource = database();
        for (String typo : new String[] {"yes", "1", "ture", ""}) {
            ServletHolder holder = new ServletHolder(SqliteConsoleServlet.class);
            holder.setInitParameter("dataSourceAttribute", "app.dataSource");
            holder.setInitParameter("readOnly", typo);
            holder.setInitOrder(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConsoleServer.start(holder,
                            context -> context.setAttribute("app.dataSource", dataSource)).close())
                    .as(typo).hasStackTraceContaining("init-param readOnly is '" + typo + "', which is neither true nor false");
        }
        for (String value : new String[] {"false", "FALSE", " false "}) {
            ServletHolder holder = new ServletHolder(SqliteConsoleServlet.class);
            holder.setInitParameter("dataSourceAttribute", "app.dataSource");
            holder.setInitParameter("readOnly", value);
            holder.setInitOrder(1);
            try (ConsoleServer server = ConsoleServer.start(holder, context -> context.setAttribute("app.dataSource", dataSource))) {
                assertThat(server.get("/").body()).as(value).doesNotContain("Read-only mode");
            }
        }
    }
}
