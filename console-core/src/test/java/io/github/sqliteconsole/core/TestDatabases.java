package io.github.sqliteconsole.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/** Real SQLite files for tests, set up the way a host app would. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A DataSource as a well-configured host has it: WAL, foreign keys on, a busy timeout. */
    public static SQLiteDataSource wellConfigured(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        return dataSource(file, config);
    }

    public static SQLiteDataSource dataSource(Path file, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    /** A DataSource that never creates the file: a missing database stays missing. */
    public static SQLiteDataSource existingOnly(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        return dataSource(file, config);
    }

    /** Runs each statement on a fresh connection of {@code dataSource}. */
    public static void execute(SQLiteDataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** A {@link #wellConfigured} DataSource over a new {@link #seedInventory inventory} database at {@code file}. */
    public static SQLiteDataSource inventory(Path file) throws SQLException {
        SQLiteDataSource dataSource = wellConfigured(file);
        seedInventory(dataSource);
        return dataSource;
    }

    /**
     * A table {@code notes} (one row) and an FTS5 table {@code search} whose tokenizer this SQLite lacks,
     * as an app that registers its own tokenizer leaves it: made with trigram, then renamed in the schema.
     */
    public static void fullTextWithForeignTokenizer(SQLiteDataSource dataSource) throws SQLException {
        execute(dataSource, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes VALUES (1, 'hello')",
                "CREATE VIRTUAL TABLE search USING fts5(body, tokenize = 'trigram')", "INSERT INTO search VALUES ('hello')",
                "PRAGMA writable_schema = ON",
                "UPDATE sqlite_schema SET sql = replace(sql, 'trigram', 'apptokenizer') WHERE name = 'search'");
    }

    /** A small inventory schema with some rows, enough pages to corrupt one in the middle. */
    public static void seedInventory(SQLiteDataSource dataSource) throws SQLException {
        execute(dataSource,
                "CREATE TABLE supplier (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                "CREATE TABLE purchase_order (id INTEGER PRIMARY KEY, supplier_id INTEGER REFERENCES supplier(id), note TEXT)",
                "CREATE INDEX purchase_order_supplier ON purchase_order(supplier_id)",
                "CREATE VIEW big_orders AS SELECT * FROM purchase_order WHERE id > 100",
                "CREATE TRIGGER order_note AFTER INSERT ON purchase_order BEGIN SELECT 1; END",
                "INSERT INTO supplier(id, name) " + series(50) + " SELECT n, 'supplier ' || n FROM n",
                "INSERT INTO purchase_order(supplier_id, note) " + series(5000)
                        + " SELECT 1 + n % 50, printf('%.200c', 'x') FROM n");
    }

    /** A {@code WITH} clause naming a table {@code n} of the integers 1 to {@code count}. */
    public static String series(int count) {
        return "WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < " + count + ")";
    }

    /**
     * Checkpoints the WAL into the file, then overwrites the page in the middle of it: the damage
     * a bad disk or a stray write does, which {@code quick_check} must report.
     */
    public static void corruptMiddlePage(SQLiteDataSource dataSource, Path file) throws SQLException, IOException {
        long pageSize;
        long pageCount;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (var rows = statement.executeQuery("SELECT page_size, page_count FROM pragma_page_size, pragma_page_count")) {
                rows.next();
                pageSize = rows.getLong(1);
                pageCount = rows.getLong(2);
            }
        }
        overwrite(file, pageSize * (pageCount / 2), (int) pageSize);
    }

    /** Overwrites {@code length} bytes at {@code offset} with a pattern SQLite cannot mistake for a page. */
    public static void overwrite(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(offset);
            byte[] garbage = new byte[length];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            raw.write(garbage);
        }
    }
}
