package io.github.sqliteconsole.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sqliteconsole.core.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlineTest {

    /** Runs until stopped: a recursive CTE over a billion rows. */
    private static final String ENDLESS = TestDatabases.series(1_000_000_000) + " SELECT count(*) FROM n";

    @TempDir
    Path dir;

    @Test
    void expiredBudgetInterruptsAStatementAndTheConnectionStaysUsable() throws Exception {
        Path file = dir.resolve("deadline.db");
        TestDatabases.execute(TestDatabases.wellConfigured(file), "CREATE TABLE t (x)");
        ConsoleConnections connections = new ConsoleConnections(Duration.ofSeconds(1));
        try (Connection own = connections.openReadOnly(file); Statement statement = own.createStatement()) {
            try (Deadline deadline = Deadline.install(own, Duration.ofMillis(50), () -> false)) {
                SQLException stopped = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(ENDLESS));
                assertThat(SqliteErrors.isInterrupted(stopped)).as(String.valueOf(stopped)).isTrue();
            }
            assertThat(statement.executeQuery("SELECT count(*) FROM t").getInt(1)).isZero();
        }
    }

    @Test
    void cancelFlagInterruptsAStatement() throws Exception {
        Path file = dir.resolve("cancel.db");
        TestDatabases.execute(TestDatabases.wellConfigured(file), "CREATE TABLE t (x)");
        AtomicBoolean cancelled = new AtomicBoolean(true);
        try (Connection own = new ConsoleConnections(Duration.ofSeconds(1)).openReadOnly(file);
             Statement statement = own.createStatement();
             Deadline deadline = Deadline.install(own, Duration.ofHours(1), cancelled::get)) {
            SQLException stopped = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(ENDLESS));
            assertThat(SqliteErrors.describe(stopped)).contains("stopped before it finished");
        }
    }

    @Test
    void readOnlyConnectionNeverCreatesAFile() {
        Path missing = dir.resolve("missing.db");
        SQLException failure = catchThrowableOfType(SQLException.class,
                () -> new ConsoleConnections(Duration.ofSeconds(1)).openReadOnly(missing).close());
        assertThat(SqliteErrors.describe(failure)).contains("cannot be opened");
        assertThat(missing).doesNotExist();
    }
}
