package io.github.sqliteconsole.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Which file the demo serves: {@code -Ddemo.db=PATH} (used as it is, never seeded, never created,
 * its journal mode left alone), or the demo's own inventory database.
 */
record DemoDatabase(Path file, boolean isDemoData) {

    static final String USER_FILE_PROPERTY = "demo.db";
    static final String DEFAULT_FILE_PROPERTY = "demo.defaultDb";

    static DemoDatabase fromSystemProperties() {
        String userFile = System.getProperty(USER_FILE_PROPERTY);
        if (userFile != null && !userFile.isBlank()) {
            return new DemoDatabase(Path.of(userFile).toAbsolutePath(), false);
        }
        String demoFile = System.getProperty(DEFAULT_FILE_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "sqlite-console-demo", "inventory.db").toString());
        return new DemoDatabase(Path.of(demoFile).toAbsolutePath(), true);
    }

    /**
     * A HikariCP pool that connects lazily, so the app starts even when the file is missing,
     * corrupt or not SQLite at all.
     */
    HikariDataSource openPool() {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(5000);
        if (isDemoData) {
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        } else {
            // Someone else's file: a missing one must stay missing, not become an empty database.
            sqlite.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("demo-inventory");
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        // Shorter than the console's 2 s wait for a connection, so a file that cannot be opened
        // shows SQLite's own reason on the first probe rather than a timeout.
        pool.setConnectionTimeout(1000);
        pool.setInitializationFailTimeout(-1);
        return new HikariDataSource(pool);
    }
}
