package io.github.sqliteconsole.web;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Tables whose module this SQLite lacks, as SpatiaLite's {@code KNN} or {@code SpatialIndex} are
 * everywhere but in SpatiaLite: SQLite itself keeps them in the schema and answers "no such
 * module" to any read. The schema row is written the way a database made elsewhere carries it.
 */
class UnreadableTablesTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ServedConsole served = new ServedConsole();

    private ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("spatial.db"));
        execute(dataSource,
                "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO places VALUES (1, 'harbour')",
                "PRAGMA writable_schema = ON",
                "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('table', 'KNN', 'KNN', 0, "
                        + "'CREATE VIRTUAL TABLE KNN USING VirtualKNN()')",
                "PRAGMA writable_schema = OFF");
        server = served.start(SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")));
    }

    @Test
    void aTableOfAMissingModuleShowsItsDdlAndSaysTheModuleIsNotAvailable() throws Exception {
        HttpResponse<String> page = server.get("/tables/KNN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"table-name\"")
                .contains("CREATE VIRTUAL TABLE KNN USING VirtualKNN()")
                .contains("module VirtualKNN, which is not available")
                .doesNotContain("could not be read");
        assertThat(server.get("/table/count?name=KNN").body()).contains("VirtualKNN is not available");
        assertThat(server.get("/tables/places").statusCode()).as("the rest still works").isEqualTo(200);
        assertThat(server.get("/tables").statusCode()).isEqualTo(200);
    }
}
