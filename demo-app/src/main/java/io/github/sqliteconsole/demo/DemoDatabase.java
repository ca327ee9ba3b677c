package io.github.sqliteconsole.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Which file the demo serves: {@code -Ddemo.db=PATH} (used as it is, never seeded, never created,
 * its journal mode left alone), or the demo's own inventory database. {@link DemoSettings} decides.
 */
record DemoDatabase(Path file, boolean isDemoData) {

    /** The pool the demo uses by default: read-write for its own database, read-only for someone's file. */
    HikariDataSource openPool() {
        return openPool(isDemoData);
    }

    /**
     * A HikariCP pool that connects lazily, so the app starts even when the file is missing,
     * corrupt or not SQLite at all; {@code writable} false opens every connection read-only.
     */
    HikariDataSource openPool(boolean writable) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(5000);
        if (isDemoData) {
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        } else {
            // Someone else's file: a missing one must stay missing, not become an empty database.
            sqlite.resetOpenMode(SQLiteOpenMode.CREATE);
            if (!writable) {
                sqlite.setReadOnly(true);
            }
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl("jdbc:sqlite:" + file);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("demo-inventory");
        pool.setDataSource(dataSource);
        // Hikari sets every connection's read-only flag to its own; sqlite-jdbc refuses a change after opening.
        pool.setReadOnly(!isDemoData && !writable);
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        // Shorter than the console's 2 s wait for a connection, so a file that cannot be opened
        // shows SQLite's own reason on the first probe rather than a timeout.
        pool.setConnectionTimeout(1000);
        pool.setInitializationFailTimeout(-1);
        return new HikariDataSource(pool);
    }
}
