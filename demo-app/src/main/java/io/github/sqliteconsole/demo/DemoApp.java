package io.github.sqliteconsole.demo;

import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.web.SqliteConsoleServlet;
import io.github.sqliteconsole.web.WebOptions;
import io.github.sqliteconsole.web.security.Authorizers;
import io.github.sqliteconsole.web.security.Role;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The host app: opens its pool, seeds the demo database on first start, and mounts the console
 * at {@code /admin/*}, the way any host would, in a few lines. {@link DemoSettings} reads the
 * {@code -Ddemo.*} properties; a bad one stops the start.
 */
public final class DemoApp implements ServletContextListener {

    private static final System.Logger LOGGER = System.getLogger(DemoApp.class.getName());

    private final Function<String, String> properties;
    private HikariDataSource pool;
    private SqliteConsole console;

    public DemoApp() {
        this(System::getProperty);
    }

    /** For tests: the demo with {@code properties} instead of the JVM's system properties. */
    DemoApp(Function<String, String> properties) {
        this.properties = properties;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        DemoSettings settings;
        try {
            settings = DemoSettings.from(properties);
        } catch (IllegalArgumentException e) {
            // Thrown on: the pom makes Jetty stop when the webapp cannot start, so the message is the last word.
            LOGGER.log(Level.ERROR, "SQLite Console demo cannot start: " + e.getMessage());
            throw e;
        }
        DemoDatabase database = settings.database();
        if (database.isDemoData()) {
            seedIfNew(database.file());
        }
        pool = database.openPool(settings.writable());
        console = console(settings, pool);

        // Someone else's file is looked at, not operated on: checks run, maintenance and restore do not.
        WebOptions web = settings.writable() ? WebOptions.defaults()
                : WebOptions.defaults().withAuthorizer(Authorizers.loopbackOnly(Role.VIEWER));
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic registration =
                context.addServlet("sqlite-console", new SqliteConsoleServlet(console, web));
        registration.addMapping("/admin/*");
        LOGGER.log(Level.INFO, "SQLite Console demo serving {0} at /admin/ ({1}; {2})", database.file(),
                settings.writable() ? "writable" : "read-only: checks run, maintenance and restore do not",
                settings.backupStore() == null ? "stored backups off"
                        : "stored backups in " + settings.backupStore() + (settings.allowRestore() ? ", restore allowed" : ""));
    }

    /** The console over {@code pool} as {@code settings} say. */
    static SqliteConsole console(DemoSettings settings, HikariDataSource pool) {
        SqliteConsole.Builder builder = SqliteConsole.builder(pool);
        if (settings.database().isDemoData()) {
            // A relationship the demo schema never declared, so the orphan scan has one to show.
            builder.relations("shipments.assigned_po_id -> purchase_orders.id");
        }
        if (settings.stateFile() != null) {
            createDirectory(settings.stateFile().getParent());
            builder.stateFile(settings.stateFile());
        }
        if (settings.backupStore() != null) {
            builder.backupStore(settings.backupStore()).allowRestore(settings.allowRestore());
            if (settings.backupInterval() != null) {
                builder.backupInterval(settings.backupInterval());
            }
        }
        return builder.build();
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's state directory " + directory
                    + "; set -D" + DemoSettings.DEFAULT_FILE + " to a file in a directory this user can write", e);
        }
    }

    private static void seedIfNew(Path file) {
        try {
            new DemoSeeder().seedIfMissing(file);
        } catch (SQLException e) {
            // The app still starts: the console is there to show what is wrong with the file.
            LOGGER.log(Level.ERROR, "could not seed the demo database " + file, e);
        }
    }

    /** The console this demo mounted; for tests. */
    SqliteConsole console() {
        return console;
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
