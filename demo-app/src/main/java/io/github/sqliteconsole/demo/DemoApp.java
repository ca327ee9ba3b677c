package io.github.sqliteconsole.demo;

import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.web.SqliteConsoleServlet;
import io.github.sqliteconsole.web.WebOptions;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The host app: opens its pool, seeds the demo database on first start, and mounts the console
 * at {@code /admin/*}, the way any host would, in a few lines.
 */
public final class DemoApp implements ServletContextListener {

    private static final System.Logger LOGGER = System.getLogger(DemoApp.class.getName());

    private HikariDataSource pool;
    private SqliteConsole console;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        DemoDatabase database = DemoDatabase.fromSystemProperties();
        if (database.isDemoData()) {
            seedIfNew(database.file());
        }
        pool = database.openPool();

        SqliteConsole.Builder builder = SqliteConsole.builder(pool);
        if (database.isDemoData()) {
            // A relationship the demo schema never declared, so the orphan scan has one to show.
            builder.relations("shipments.assigned_po_id -> purchase_orders.id");
        }
        console = builder.build();
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic registration =
                context.addServlet("sqlite-console", new SqliteConsoleServlet(console, WebOptions.defaults()));
        registration.addMapping("/admin/*");
        LOGGER.log(Level.INFO, "SQLite Console demo serving {0} at /admin/", database.file());
    }

    private static void seedIfNew(Path file) {
        try {
            new DemoSeeder().seedIfMissing(file);
        } catch (SQLException e) {
            // The app still starts: the console is there to show what is wrong with the file.
            LOGGER.log(Level.ERROR, "could not seed the demo database " + file, e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (console != null) {
            console.close();
        }
        if (pool != null) {
            pool.close();
        }
    }
}
