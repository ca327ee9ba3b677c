package io.github.sqliteconsole.core.backup;

import static io.github.sqliteconsole.core.TestDatabases.execute;
import static io.github.sqliteconsole.core.TestDatabases.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SplitQuickCheckTest {

    private final ConsoleConnections connections = new ConsoleConnections(Duration.ofSeconds(1));

    @TempDir
    Path dir;
    private Path file;
    private SQLiteDataSource dataSource;

    /** Three tables of different sizes, one with an index, a virtual table and a freelist. */
    @BeforeEach
    void createDatabase() throws Exception {
        file = dir.resolve("copy.db");
        dataSource = TestDatabases.dataSource(file, new org.sqlite.SQLiteConfig());
        execute(dataSource,
                "CREATE TABLE small (id INTEGER PRIMARY KEY, note TEXT)",
                "CREATE TABLE large (id INTEGER PRIMARY KEY, code TEXT, note TEXT)",
                "CREATE INDEX large_code ON large(code)",
                "CREATE TABLE middle (id INTEGER PRIMARY KEY, note TEXT)",
                "CREATE TABLE gone (id INTEGER PRIMARY KEY, note TEXT)",
                "CREATE VIRTUAL TABLE words USING fts5(word)",
                "INSERT INTO small(note) " + series(10) + " SELECT 'n' || n FROM n",
                "INSERT INTO large(code, note) " + series(20000) + " SELECT hex(randomblob(8)), printf('%.100c', 'x') FROM n",
                "INSERT INTO middle(note) " + series(2000) + " SELECT printf('%.100c', 'y') FROM n",
                "INSERT INTO gone(note) " + series(2000) + " SELECT printf('%.100c', 'z') FROM n",
                "INSERT INTO words(word) VALUES ('alpha'), ('beta')",
                "DROP TABLE gone");
    }

    @Test
    void aSoundCopyIsOkAndEveryBtreeIsCheckedLargestFirst() throws Exception {
        try (Connection connection = connections.openReadOnly(file)) {
            assertThat(Queries.text(connection, "PRAGMA freelist_count")).as("a freelist to check").isNotEqualTo("0");
            assertThat(SplitQuickCheck.largestFirst(connection)).containsSubsequence("large", "middle", "small")
                    .contains("sqlite_schema", "words_data", "words_idx", "words_content", "words_docsize", "words_config")
                    .doesNotContain("words", "gone")
                    .doesNotHaveDuplicates();
        }
        assertThat(SplitQuickCheck.run(connections, file, JobContext.NONE)).isEqualTo("ok");
    }

    @Test
    void aDamagedIndexIsReportedWithItsTable() throws Exception {
        overwritePage(rootPage("large_code"), 0, 0x5A);
        assertThat(SplitQuickCheck.run(connections, file, JobContext.NONE)).startsWith("large: ").doesNotEndWith("ok");
    }

    @Test
    void aDamagedFreelistIsReportedAsTheWholeFileCheckWould() throws Exception {
        long pageCount;
        try (Connection connection = dataSource.getConnection()) {
            pageCount = Queries.longValue(connection, "PRAGMA page_count");
        }
        // The header's first freelist trunk page (offset 32), pointed past the end of the file.
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(32);
            raw.writeInt((int) pageCount + 10);
        }
        try (Connection connection = connections.openReadOnly(file)) {
            assertThat(Queries.text(connection, "PRAGMA quick_check(1)")).contains("Freelist: invalid page number");
        }
        assertThat(SplitQuickCheck.run(connections, file, JobContext.NONE)).startsWith("sqlite_schema: ")
                .contains("Freelist: invalid page number");
    }

    private long rootPage(String name) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return Queries.longValue(connection, "SELECT rootpage FROM sqlite_schema WHERE name = ?", name);
        }
    }

    private void overwritePage(long page, int offset, int value) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            long pageSize = Queries.longValue(connection, "PRAGMA page_size");
            try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
                raw.seek((page - 1) * pageSize + offset);
                raw.write(value);
            }
        }
    }
}
