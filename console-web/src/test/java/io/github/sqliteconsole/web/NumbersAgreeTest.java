package io.github.sqliteconsole.web;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Issue 13: the overview and the Tables page count the same tables, and exact counts carry no "≈". */
class NumbersAgreeTest {

    @TempDir
    Path dir;

    @Test
    void overviewAndTablesPageCountTheSameTablesAndExactRowsHaveNoApproximationSign() throws Exception {
        SQLiteDataSource dataSource = TestDatabases.wellConfigured(dir.resolve("app.db"));
        execute(dataSource,
                "CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)",
                "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE VIRTUAL TABLE note_search USING fts5(body)",
                "CREATE VIEW tagged AS SELECT * FROM tag",
                "INSERT INTO note (body) VALUES ('a'), ('b'), ('c')",
                "INSERT INTO note_search VALUES ('a')",
                "ANALYZE");
        long appTables;
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') "
                             + "AND name NOT LIKE 'sqlite%'")) {
            rows.next();
            appTables = rows.getLong(1);
        }
        assertThat(appTables).as("note, tag and note_search: its shadow tables are part of it").isEqualTo(3);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String overview = server.get("/").body();
            String tables = server.get("/tables").body();

            assertThat(first(overview, "<dd id=\"overview-table-count\">([^<]*)</dd>")).isEqualTo("3");
            assertThat(first(tables, "<dd id=\"table-count\">([^<]*)</dd>")).startsWith("3 (and ");
            assertThat(overview).contains("3 rows").doesNotContain("≈ 3 rows");
        }
    }

    /** Issue 13: an auto_vacuum file's pointer-map page belongs to nothing; tables + free + it = the pages. */
    @Test
    void pointerMapPagesOfAnAutoVacuumFileAreShownSoTheBytesAddUp() throws Exception {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource dataSource = TestDatabases.dataSource(dir.resolve("auto.db"), config);
        execute(dataSource, "PRAGMA auto_vacuum = FULL", "VACUUM",
                "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)",
                "INSERT INTO t (body) SELECT printf('%.500c', 'x') FROM (WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL "
                        + "SELECT v + 1 FROM n WHERE v < 200) SELECT v FROM n)");
        long pageSize;
        long pageCount;
        try (Connection connection = dataSource.getConnection()) {
            ResultSet size = connection.createStatement().executeQuery("PRAGMA page_size");
            size.next();
            pageSize = size.getLong(1);
            ResultSet count = connection.createStatement().executeQuery("PRAGMA page_count");
            count.next();
            pageCount = count.getLong(1);
            ResultSet mode = connection.createStatement().executeQuery("PRAGMA auto_vacuum");
            mode.next();
            assertThat(mode.getInt(1)).as("auto_vacuum FULL").isEqualTo(1);
        }
        // Under (page size / 5) pages, SQLite keeps exactly one pointer-map page: page 2.
        assertThat(pageCount).isLessThan(pageSize / 5);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            com.fasterxml.jackson.databind.JsonNode api = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(server.get("/api/tables").body());
            long inTables = 0;
            for (com.fasterxml.jackson.databind.JsonNode table : api.get("tables")) {
                inTables += table.get("totalBytes").asLong();
            }
            assertThat(api.get("pagesBytes").asLong()).isEqualTo(pageCount * pageSize);
            assertThat(api.get("otherPagesBytes").asLong()).isEqualTo(pageSize);
            assertThat(inTables + api.get("freelistBytes").asLong() + api.get("otherPagesBytes").asLong())
                    .isEqualTo(pageCount * pageSize);
            assertThat(server.get("/tables").body()).contains("id=\"other-pages\"").contains("pointer maps");
        }
    }

    /**
     * Issue 13: {@code fileBytes} is the size on disk in /api/health and /api/tables alike, and
     * {@code pagesBytes} (page count × page size) is what the tables, free and other pages add up to.
     * Firefox's files are bigger on disk than their pages: it sets {@code SQLITE_FCNTL_CHUNK_SIZE},
     * so SQLite grows the file a chunk ahead of its pages. A rollback-journal file extended past
     * its last page is the same thing: SQLite reads its page count from the header and ignores the rest.
     */
    @Test
    void fileBytesIsTheSizeOnDiskAndPagesBytesWhatThePagesAddUpTo() throws Exception {
        Path file = dir.resolve("places.sqlite");
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.DELETE);
        SQLiteDataSource dataSource = TestDatabases.dataSource(file, config);
        execute(dataSource, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
                "CREATE INDEX moz_places_url ON moz_places(url)",
                "INSERT INTO moz_places (url) " + TestDatabases.series(2000) + " SELECT 'https://example.org/' || n FROM n");
        long extension = 512 * 1024;
        long pagesOnly = java.nio.file.Files.size(file);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(pagesOnly + extension);
        }
        long onDisk = java.nio.file.Files.size(file);
        long pageCount = longOf(dataSource, "PRAGMA page_count");
        long pageSize = longOf(dataSource, "PRAGMA page_size");
        assertThat(pageCount * pageSize).as("SQLite still counts only its pages").isEqualTo(pagesOnly);
        assertThat(longOf(dataSource, "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'"))
                .as("and finds the file sound").isEqualTo(1);
        long inDbstat = longOf(dataSource, "SELECT sum(pgsize) FROM dbstat");
        try (SqliteConsole console = SqliteConsole.builder(dataSource).stateFile(dir.resolve("state.db")).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode tables = json.readTree(server.get("/api/tables").body());
            com.fasterxml.jackson.databind.JsonNode health = json.readTree(server.get("/api/health").body());

            assertThat(tables.get("fileBytes").asLong()).isEqualTo(onDisk).isEqualTo(pagesOnly + extension);
            assertThat(health.get("database").get("fileBytes").asLong()).isEqualTo(onDisk);
            assertThat(tables.get("pagesBytes").asLong()).isEqualTo(pageCount * pageSize);
            long inTables = 0;
            for (com.fasterxml.jackson.databind.JsonNode table : tables.get("tables")) {
                inTables += table.get("totalBytes").asLong();
            }
            assertThat(inTables).as("every b-tree, as dbstat counts it").isEqualTo(inDbstat);
            assertThat(inTables + tables.get("freelistBytes").asLong() + tables.get("otherPagesBytes").asLong())
                    .isEqualTo(tables.get("pagesBytes").asLong());
            String page = server.get("/tables").body();
            io.github.sqliteconsole.web.view.Formats fmt = new io.github.sqliteconsole.web.view.Formats();
            assertThat(first(page, "<dd id=\"pages-bytes\">([^<]*)</dd>")).startsWith(fmt.bytes(pageCount * pageSize) + " (");
            assertThat(first(page, "<dd id=\"file-bytes\">([^<]*)</dd>"))
                    .startsWith(fmt.bytes(onDisk) + " (" + fmt.bytes(extension) + " past the last page");
            assertThat(first(server.get("/").body(), "<dd id=\"file-size\">([^<]*)</dd>")).as("the Overview explains it too")
                    .startsWith(fmt.bytes(onDisk) + " (" + fmt.bytes(extension) + " past the last page");
        }
    }

    private static long longOf(SQLiteDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String first(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
