package io.github.sqliteconsole.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** What the startup message names, read from one host connection. */
class SqliteDataSourceTest {

    @Test
    void namesTheFileWhileAnotherConnectionHoldsAnExclusiveLock() throws Exception {
        Path file = AppDatabase.create();
        SQLiteConfig noWaiting = new SQLiteConfig();
        noWaiting.setBusyTimeout(0); // a statement that needs the file lock fails at once instead of waiting
        SQLiteDataSource host = new SQLiteDataSource(noWaiting);
        host.setUrl("jdbc:sqlite:" + file);

        try (Connection writer = host.getConnection(); Statement statement = writer.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("UPDATE customer SET name = name || '!'");

            SqliteDataSource database = SqliteDataSource.of(host, "dataSource");

            assertThat(database.file()).isEqualTo(file.toString());
            assertThat(database.url()).isEqualTo("jdbc:sqlite:" + file);
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void anInMemoryDatabaseIsNamedSo() {
        SQLiteDataSource memory = new SQLiteDataSource();
        memory.setUrl("jdbc:sqlite::memory:");

        assertThat(SqliteDataSource.of(memory, "dataSource").file()).isEqualTo("(in memory)");
    }

    @Test
    void anUnreachableDatabaseSaysWhatToCheck() {
        SQLiteDataSource missing = new SQLiteDataSource();
        missing.setUrl("jdbc:sqlite:file:" + AppDatabase.create().resolveSibling("absent/app.db") + "?mode=ro");

        assertThatThrownBy(() -> SqliteDataSource.of(missing, "dataSource"))
                .hasMessageContaining("cannot open a connection from the DataSource 'dataSource'")
                .hasMessageContaining("check spring.datasource.url");
    }
}
