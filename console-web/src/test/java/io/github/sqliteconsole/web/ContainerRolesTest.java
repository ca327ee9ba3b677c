package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.security.Authorizers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container authentication (BASIC here) mapped to console roles by {@link Authorizers#containerRoles}. */
class ContainerRolesTest {

    @TempDir
    Path dir;

    private static void secure(ServletContextHandler context) {
        UserStore users = new UserStore();
        users.addUser("olga", Credential.getCredential("olga-pw"), new String[] {"db-operator"});
        users.addUser("vera", Credential.getCredential("vera-pw"), new String[] {"db-viewer"});
        users.addUser("sam", Credential.getCredential("sam-pw"), new String[] {"sales"});
        HashLoginService login = new HashLoginService("console");
        login.setUserStore(users);
        ConstraintMapping everything = new ConstraintMapping();
        everything.setPathSpec("/*");
        everything.setConstraint(Constraint.ANY_USER);
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setLoginService(login);
        security.setAuthenticator(new BasicAuthenticator());
        security.addConstraintMapping(everything);
        context.setSecurityHandler(security);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void containerRolesBecomeConsoleRoles() throws Exception {
        var dataSource = TestDatabases.inventory(dir.resolve("app.db"));
        WebOptions options = WebOptions.defaults().withAuthorizer(Authorizers.containerRoles("db-operator", "db-viewer"));
        try (SqliteConsole console = SqliteConsole.builder(dataSource).build();
             ConsoleServer server = ConsoleServer.start(new ServletHolder(new SqliteConsoleServlet(console, options)),
                     ContainerRolesTest::secure)) {
            assertThat(server.get("/").statusCode()).isEqualTo(401);
            assertThat(server.get("/", "Authorization", basic("sam")).statusCode()).isEqualTo(403);
            HttpResponse<String> viewer = server.get("/", "Authorization", basic("vera"));
            assertThat(viewer.statusCode()).isEqualTo(200);
            assertThat(viewer.body()).contains(">VIEWER<").doesNotContain("api/health/recheck");

            String operatorPage = server.get("/", "Authorization", basic("olga")).body();
            assertThat(operatorPage).contains(">OPERATOR<").contains("api/health/recheck");
        }
    }
}
