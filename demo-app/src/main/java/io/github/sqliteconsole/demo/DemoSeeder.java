package io.github.sqliteconsole.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Builds a realistic inventory database: purchase orders and their lines, shipments, receiving,
 * boxes, bags and employees, tens of thousands of rows. On purpose it also holds what the console
 * exists to find: rows that break declared foreign keys, and {@code *_id} columns that point at
 * another table without a declared foreign key, some of them orphaned.
 */
final class DemoSeeder {

    static final int EMPLOYEES = 120;
    static final int SUPPLIERS = 200;
    static final int PURCHASE_ORDERS = 6_000;
    static final int LINES_PER_ORDER = 4;
    static final int SHIPMENTS = 5_000;
    static final int BOXES = 12_000;
    static final int BAGS = 20_000;
    /** Rows seeded with a parent that does not exist, per broken relation. */
    static final int ORPHANS = 25;

    /** Seeds {@code file} unless it already exists; returns whether it seeded. */
    boolean seedIfMissing(Path file) throws SQLException {
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the directory of the demo database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            createSchema(sql);
            insertRows(sql);
            breakRelations(sql);
            connection.commit();
            connection.setAutoCommit(true);
            sql.execute("PRAGMA user_version = 12");
            sql.execute("ANALYZE");
        }
        return true;
    }

    private static void createSchema(Statement sql) throws SQLException {
        sql.execute("CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE, "
                + "role TEXT NOT NULL CHECK (role IN ('buyer', 'receiver', 'packer', 'manager')), hired_on TEXT)");
        sql.execute("CREATE TABLE suppliers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT)");
        sql.execute("CREATE TABLE purchase_orders (id INTEGER PRIMARY KEY, "
                + "supplier_id INTEGER NOT NULL REFERENCES suppliers(id), "
                + "buyer_id INTEGER REFERENCES employees(id), status TEXT NOT NULL, ordered_at TEXT NOT NULL)");
        sql.execute("CREATE INDEX purchase_orders_supplier ON purchase_orders(supplier_id)");
        sql.execute("CREATE TABLE purchase_order_lines (id INTEGER PRIMARY KEY, "
                + "purchase_order_id INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE, "
                + "sku TEXT NOT NULL, quantity INTEGER NOT NULL, unit_price_cents INTEGER NOT NULL)");
        sql.execute("CREATE INDEX purchase_order_lines_order ON purchase_order_lines(purchase_order_id)");
        // assigned_po_id points at purchase_orders but was never declared: the undeclared relation.
        sql.execute("CREATE TABLE shipments (id INTEGER PRIMARY KEY, assigned_po_id INTEGER, carrier TEXT, "
                + "tracking_code TEXT, shipped_at TEXT)");
        sql.execute("CREATE TABLE receiving (id INTEGER PRIMARY KEY, "
                + "shipment_id INTEGER NOT NULL REFERENCES shipments(id), "
                + "received_by INTEGER REFERENCES employees(id), received_at TEXT, notes TEXT)");
        sql.execute("CREATE TABLE boxes (id INTEGER PRIMARY KEY, receiving_id INTEGER REFERENCES receiving(id), "
                + "employee_id INTEGER, label TEXT NOT NULL, weight_grams INTEGER)");
        sql.execute("CREATE TABLE bags (id INTEGER PRIMARY KEY, box_id INTEGER NOT NULL REFERENCES boxes(id), "
                + "sku TEXT NOT NULL, count INTEGER NOT NULL)");
        sql.execute("CREATE INDEX bags_box ON bags(box_id)");
        sql.execute("CREATE VIEW open_purchase_orders AS SELECT * FROM purchase_orders WHERE status = 'open'");
        sql.execute("CREATE TRIGGER shipments_stamp AFTER INSERT ON shipments WHEN NEW.shipped_at IS NULL "
                + "BEGIN UPDATE shipments SET shipped_at = datetime('now') WHERE id = NEW.id; END");
    }

    private static void insertRows(Statement sql) throws SQLException {
        sql.execute(series(EMPLOYEES) + " INSERT INTO employees(id, name, email, role, hired_on) "
                + "SELECT n, 'Employee ' || n, 'employee' || n || '@example.com', "
                + "CASE n % 4 WHEN 0 THEN 'buyer' WHEN 1 THEN 'receiver' WHEN 2 THEN 'packer' ELSE 'manager' END, "
                + "date('2015-01-01', '+' || (n * 17) || ' days') FROM n");
        sql.execute(series(SUPPLIERS) + " INSERT INTO suppliers(id, name, country) "
                + "SELECT n, 'Supplier ' || n, CASE n % 3 WHEN 0 THEN 'DE' WHEN 1 THEN 'US' ELSE 'JP' END FROM n");
        sql.execute(series(PURCHASE_ORDERS) + " INSERT INTO purchase_orders(id, supplier_id, buyer_id, status, ordered_at) "
                + "SELECT n, 1 + n % " + SUPPLIERS + ", 4 * (1 + n % " + (EMPLOYEES / 4 - 1) + "), "
                + "CASE n % 5 WHEN 0 THEN 'open' WHEN 1 THEN 'cancelled' ELSE 'received' END, "
                + "datetime('2022-01-01', '+' || (n * 3) || ' hours') FROM n");
        sql.execute(series(PURCHASE_ORDERS * LINES_PER_ORDER) + " INSERT INTO purchase_order_lines"
                + "(purchase_order_id, sku, quantity, unit_price_cents) "
                + "SELECT 1 + (n - 1) / " + LINES_PER_ORDER + ", printf('SKU-%05d', n % 997), 1 + n % 40, 100 + n % 9000 FROM n");
        sql.execute(series(SHIPMENTS) + " INSERT INTO shipments(id, assigned_po_id, carrier, tracking_code, shipped_at) "
                + "SELECT n, 1 + n % " + PURCHASE_ORDERS + ", CASE n % 2 WHEN 0 THEN 'DHL' ELSE 'UPS' END, "
                + "hex(randomblob(8)), datetime('2022-01-02', '+' || (n * 3) || ' hours') FROM n");
        sql.execute(series(SHIPMENTS) + " INSERT INTO receiving(id, shipment_id, received_by, received_at, notes) "
                + "SELECT n, n, 1 + 4 * (n % " + (EMPLOYEES / 4) + "), datetime('2022-01-03', '+' || (n * 3) || ' hours'), "
                + "CASE WHEN n % 50 = 0 THEN 'damaged packaging' END FROM n");
        sql.execute(series(BOXES) + " INSERT INTO boxes(id, receiving_id, employee_id, label, weight_grams) "
                + "SELECT n, 1 + n % " + SHIPMENTS + ", 2 + 4 * (n % " + (EMPLOYEES / 4) + "), printf('BOX-%06d', n), "
                + "500 + n % 20000 FROM n");
        sql.execute(series(BAGS) + " INSERT INTO bags(box_id, sku, count) "
                + "SELECT 1 + n % " + BOXES + ", printf('SKU-%05d', n % 997), 1 + n % 12 FROM n");
    }

    /** Rows a careless import or a script with foreign_keys off would leave behind. */
    private static void breakRelations(Statement sql) throws SQLException {
        sql.execute("PRAGMA foreign_keys = OFF");
        int missingOrder = PURCHASE_ORDERS + 1000;
        sql.execute(series(ORPHANS) + " INSERT INTO purchase_order_lines(purchase_order_id, sku, quantity, unit_price_cents) "
                + "SELECT " + missingOrder + " + n, 'SKU-ORPHAN', 1, 100 FROM n");
        sql.execute(series(ORPHANS) + " INSERT INTO bags(box_id, sku, count) SELECT " + (BOXES + 500) + " + n, 'SKU-LOST', 1 FROM n");
        sql.execute("UPDATE shipments SET assigned_po_id = assigned_po_id + " + (PURCHASE_ORDERS * 2)
                + " WHERE id % 200 = 0");
        sql.execute("UPDATE boxes SET employee_id = " + (EMPLOYEES + 40) + " WHERE id % 1000 = 0");
    }

    private static String series(int count) {
        return "WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < " + count + ")";
    }
}
