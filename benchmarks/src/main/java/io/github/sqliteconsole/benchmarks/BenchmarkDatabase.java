package io.github.sqliteconsole.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The benchmark database, built once per size into a cache directory and reused: customers,
 * orders with a foreign key to customers, order_items with a foreign key to orders, and an audit
 * table whose {@code order_id} was never declared. A few hundred rows are orphans on purpose.
 * At the default 1 GB: 1 M customers, 4 M orders, 10 M order items.
 */
final class BenchmarkDatabase {

    static final long ONE_GB = 1L << 30;
    static final int ORPHANS = 300;

    private BenchmarkDatabase() {
    }

    /** The cached database of about {@code bytes}, built now if missing. */
    static Path ensure(Path cacheDir, long bytes) throws IOException, SQLException {
        Files.createDirectories(cacheDir);
        Path file = cacheDir.resolve("bench-" + label(bytes) + ".db");
        if (Files.exists(file)) {
            return file;
        }
        Path building = cacheDir.resolve("bench-" + label(bytes) + ".building");
        Files.deleteIfExists(building);
        build(building, bytes);
        Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    static String label(long bytes) {
        return bytes >= ONE_GB && bytes % ONE_GB == 0 ? bytes / ONE_GB + "g" : bytes / (1 << 20) + "m";
    }

    /** Parses {@code 1g}, {@code 20m} or a byte count. */
    static long parseSize(String text) {
        String size = text.trim().toLowerCase(Locale.ROOT);
        if (size.endsWith("g")) {
            return Long.parseLong(size.substring(0, size.length() - 1)) * ONE_GB;
        }
        if (size.endsWith("m")) {
            return Long.parseLong(size.substring(0, size.length() - 1)) << 20;
        }
        return Long.parseLong(size);
    }

    private static void build(Path file, long bytes) throws SQLException {
        double scale = (double) bytes / ONE_GB;
        long customers = Math.max(1000, Math.round(1_000_000 * scale));
        long orders = Math.max(4000, Math.round(4_000_000 * scale));
        long items = Math.max(10_000, Math.round(10_000_000 * scale));
        long audits = Math.max(2000, Math.round(2_000_000 * scale));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA journal_mode = OFF");
            sql.execute("PRAGMA synchronous = OFF");
            sql.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, "
                    + "created_at TEXT NOT NULL)");
            sql.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), "
                    + "status TEXT NOT NULL, total_cents INTEGER NOT NULL, created_at TEXT NOT NULL)");
            sql.execute("CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id), "
                    + "sku TEXT NOT NULL, quantity INTEGER NOT NULL, price_cents INTEGER NOT NULL)");
            sql.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY, order_id INTEGER, action TEXT NOT NULL, at TEXT NOT NULL)");
            sql.execute(series(customers) + " INSERT INTO customers SELECT n, 'Customer ' || n, "
                    + "'customer' || n || '@example.com', datetime(1600000000 + n * 60, 'unixepoch') FROM n");
            sql.execute(series(orders) + " INSERT INTO orders SELECT n, 1 + (n * 7919) % " + customers + ", "
                    + "CASE n % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'paid' WHEN 2 THEN 'shipped' ELSE 'closed' END, "
                    + "(n * 37) % 100000, datetime(1600000000 + n * 15, 'unixepoch') FROM n");
            sql.execute(series(items) + " INSERT INTO order_items SELECT n, 1 + (n * 104729) % " + orders + ", "
                    + "printf('SKU-%06d', n % 50000), 1 + n % 9, 100 + (n * 13) % 20000 FROM n");
            sql.execute(series(audits) + " INSERT INTO audit SELECT n, 1 + (n * 31) % " + orders + ", "
                    + "CASE n % 3 WHEN 0 THEN 'created' WHEN 1 THEN 'updated' ELSE 'shipped' END, "
                    + "datetime(1600000000 + n * 30, 'unixepoch') FROM n");
            sql.execute(series(ORPHANS) + " INSERT INTO order_items(order_id, sku, quantity, price_cents) "
                    + "SELECT " + (orders + 1000) + " + n, 'SKU-ORPHAN', 1, 1 FROM n");
            sql.execute(series(ORPHANS) + " INSERT INTO audit(order_id, action, at) "
                    + "SELECT " + (orders + 5000) + " + n, 'lost', datetime('now') FROM n");
            sql.execute("CREATE INDEX orders_customer ON orders(customer_id)");
            sql.execute("CREATE INDEX order_items_order ON order_items(order_id)");
            sql.execute("CREATE INDEX customers_email ON customers(email)");
            sql.execute("ANALYZE");
            sql.execute("PRAGMA journal_mode = WAL");
        }
    }

    private static String series(long count) {
        return "WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < " + count + ")";
    }
}
