package io.github.sqliteconsole.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class IdentifiersTest {

    static final List<String> HOSTILE_NAMES = List.of(
            "a.b", "x\"y", "];drop table victim;--", "select", "ñ表", "<img src=x onerror=alert(1)>",
            "we\"ird\"\"", "with space", "x".repeat(200));

    @TempDir
    Path dir;

    @Test
    void quotedHostileNamesRoundTripThroughSqlite() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("names.db"));
        TestDatabases.execute(dataSource, "CREATE TABLE victim (id INTEGER PRIMARY KEY)");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String name : HOSTILE_NAMES) {
                String quoted = Identifiers.quote(name);
                statement.execute("CREATE TABLE " + quoted + " (" + Identifiers.quote(name + " col") + " TEXT)");
                statement.execute("INSERT INTO " + quoted + " VALUES ('v')");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).containsExactlyElementsOf(concat("victim", HOSTILE_NAMES));
        }
    }

    @Test
    void rejectsNul() {
        assertThatThrownBy(() -> Identifiers.quote("a\0b")).hasMessageContaining("NUL");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
