package io.github.sqliteconsole.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RealDatabases} on two databases made here through the JDBC driver, so that the harness
 * cannot rot between runs on real files: every comparison with the sqlite3 shell runs and agrees.
 * No timings. Needs the sqlite3 shell, as the benchmark suite does.
 */
class RealDatabasesSmokeTest {

    private static final List<String> COMPARISONS = List.of("modes", "backup-content", "manifest-pages", "manifest-rows",
            "drill", "restore-content", "restore-pragmas", "restore-quick_check", "before-restore-content", "restore-fk",
            "tables", "fk-check", "integrity");

    @TempDir
    Path dir;

    @Test
    void everyComparisonAgreesWithTheShellOnTwoDatabases() throws Exception {
        assumeTrue(shellInstalled(), "the sqlite3 shell is not installed");
        Path databases = Files.createDirectories(dir.resolve("databases"));
        execute(databases.resolve("shop.db"), "PRAGMA auto_vacuum = INCREMENTAL", "PRAGMA journal_mode = WAL",
                "CREATE TABLE supplier(id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO supplier VALUES (1, 'a')",
                "CREATE TABLE item(id INTEGER PRIMARY KEY, supplier_id INT REFERENCES supplier(id), sku TEXT UNIQUE)",
                "INSERT INTO item VALUES (1, 1, 'x'), (2, 9, 'y'), (3, NULL, 'z')",
                "CREATE VIEW suppliers AS SELECT id FROM supplier",
                "CREATE TABLE note(id INTEGER PRIMARY KEY, supplier_id INT REFERENCES suppliers(id))",
                "CREATE TABLE tag(name TEXT PRIMARY KEY, item_id INT REFERENCES item(id)) WITHOUT ROWID",
                "INSERT INTO tag VALUES ('new', 1), ('old', 4)");
        // What other programs leave: an FTS table with the app's own tokenizer, a module this SQLite lacks.
        execute(databases.resolve("notes.sqlite"), "CREATE TABLE \"odd \"\"name\"\"\nline\"(a)",
                "INSERT INTO \"odd \"\"name\"\"\nline\" VALUES (1)",
                "CREATE VIRTUAL TABLE search USING fts5(body)", "INSERT INTO search VALUES ('hello world')",
                "CREATE VIRTUAL TABLE own USING fts5(body, tokenize = 'trigram')", "INSERT INTO own VALUES ('abcdef')",
                "PRAGMA writable_schema = ON",
                "UPDATE sqlite_schema SET sql = replace(sql, 'trigram', 'apptokenizer') WHERE name = 'own'",
                "INSERT INTO sqlite_schema VALUES ('table', 'shapes', 'shapes', 0, 'CREATE VIRTUAL TABLE shapes USING nosuchmodule(a)')");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<RealDatabaseCheck.Outcome> outcomes = RealDatabases.run(databases, dir.resolve("work"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(outcomes).extracting(RealDatabaseCheck.Outcome::name).containsExactly("notes.sqlite", "shop.db");
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.comparisons()).extracting(RealDatabaseCheck.Comparison::name).isEqualTo(COMPARISONS);
            assertThat(outcome.comparisons()).allSatisfy(c -> assertThat(c.ok()).as(c.toString()).isTrue());
        });
        assertThat(outcomes.get(0).missingModules()).containsExactly("shapes (nosuchmodule)");
        assertThat(outcomes.get(1).missingModules()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("modules missing here, said clearly: shapes (nosuchmodule)")
                .contains("2 databases: 2 all OK, 0 mismatches in 26 comparisons, 0 with an exception, 1 with modules");
    }

    private static void execute(Path database, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static boolean shellInstalled() {
        try {
            return new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
