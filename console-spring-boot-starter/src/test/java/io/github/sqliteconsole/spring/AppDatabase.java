package io.github.sqliteconsole.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A real SQLite file in a fresh temp directory, as an app would have after its migrations. */
public final class AppDatabase {

    private AppDatabase() {
    }

    /** Creates {@code app.db} with a few rows and returns its path. */
    public static Path create() {
        try {
            Path file = Files.createTempDirectory("sqlite-console-boot").resolve("app.db");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
                statement.execute("CREATE TABLE purchase(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer(id), total REAL)");
                statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
                        + " INSERT INTO customer(name) SELECT 'customer ' || i FROM n");
                statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                        + " INSERT INTO purchase(customer_id, total) SELECT 1 + i % 200, i FROM n");
            }
            return file;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
    }
}
