package io.github.sqliteconsole.core.space;

import io.github.sqliteconsole.core.schema.TableInspector;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.sql.NoSuchTable;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Sizes of tables and indexes, exact row counts, and their history in the console's state file. */
public final class Space {

    private static final System.Logger LOGGER = System.getLogger(Space.class.getName());

    private final HostDatabase database;
    private final Duration rowCountBudget;
    private final Function<Path, Path> stateFileFor;
    private final Clock clock;

    /** @param stateFileFor the console's state file for a database file */
    public Space(HostDatabase database, Duration rowCountBudget, Function<Path, Path> stateFileFor, Clock clock) {
        this.database = database;
        this.rowCountBudget = rowCountBudget;
        this.stateFileFor = stateFileFor;
        this.clock = clock;
    }

    /** One dbstat scan, with virtual tables counted within the configured budget. */
    public SpaceReport report() throws SQLException {
        return report(rowCountBudget);
    }

    /** One dbstat scan; {@link Duration#ZERO} runs no {@code count(*)}. */
    public SpaceReport report(Duration budget) throws SQLException {
        try (Connection own = database.openReadOnly()) {
            Path file = database.file();
            return new SpaceCheck(budget).run(own, DatabaseFiles.sizeOrZero(file), DatabaseFiles.sizeOrZero(DatabaseFiles.walOf(file)));
        }
    }

    /**
     * The exact row count of {@code table}, or empty when it did not finish within {@code budget}.
     *
     * @throws NoSuchTable when the database has no such table
     */
    public Optional<Long> exactRowCount(String table, Duration budget) throws SQLException {
        try (Connection own = database.openReadOnly()) {
            if (new TableInspector().inspect(own, table).isEmpty()) {
                throw new NoSuchTable(database.file(), table);
            }
            return Optional.ofNullable(new RowCounter(own).exactCount(table, budget));
        }
    }

    /** The size history kept in the console's state file beside the database. */
    public SizeHistory history() throws SQLException {
        return new SizeHistory(stateFileFor.apply(database.file()), clock);
    }

    /** Takes a size snapshot now unless one is younger than an hour. */
    public boolean recordIfDue() throws SQLException {
        return history().recordIfDue(report());
    }

    /** Records sizes on {@code timer} every {@link SizeHistory#INTERVAL}, the first a minute from now. */
    public void recordHourlyOn(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(this::recordQuietly, 1, SizeHistory.INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    /** A background task has nobody to answer to, so a failure is logged. */
    private void recordQuietly() {
        try {
            recordIfDue();
        } catch (SQLException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "SQLite Console could not record table sizes: " + e.getMessage()
                    + "; the sizes page shows history as missing until it can");
        }
    }
}
