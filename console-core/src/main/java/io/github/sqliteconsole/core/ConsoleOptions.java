package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.integrity.Relation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a console, with defaults that suit a typical web app. Build it through
 * {@link SqliteConsole.Builder}; every value is checked when set, and a bad one is rejected with
 * what to set instead.
 *
 * @param busyTimeout         how long the console's own connections wait for a lock before giving up;
 *                            short, so that under contention the console fails and the host does not
 * @param hostBorrowTimeout   how long the console waits for a connection from the host's pool
 * @param quickCheckInterval  how long a {@code quick_check} result is reused by the health probe
 * @param quickCheckBudget    how long the health probe lets {@code quick_check} run before stopping it
 * @param freelistThreshold   share of the file on the freelist above which health is DEGRADED
 * @param walSizeThreshold    bytes of {@code -wal} file above which health is DEGRADED
 * @param rowCountBudget      time a sizes page may spend on exact {@code count(*)}s before estimating;
 *                            only for virtual tables (others are counted by the dbstat scan), or for
 *                            every table on an SQLite built without {@code dbstat}
 * @param stateFile           the console's own state (size history); null: {@code <database>.sqlite-console}
 *                            beside the database file. Never the host database itself.
 * @param jobDeadline         how long a background job (check, scan) may run before it is stopped
 * @param relations           relationships never declared as foreign keys, for the orphan scan
 * @param backupDirectory     where snapshots are written before they are sent; deleted after each transfer
 * @param diskReserve         bytes of free disk the console always leaves to the host: VACUUM and
 *                            snapshots are refused when they would leave less free than this
 */
public record ConsoleOptions(
        Duration busyTimeout,
        Duration hostBorrowTimeout,
        Duration quickCheckInterval,
        Duration quickCheckBudget,
        double freelistThreshold,
        long walSizeThreshold,
        Duration rowCountBudget,
        Path stateFile,
        Duration jobDeadline,
        List<Relation> relations,
        Path backupDirectory,
        long diskReserve) {

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HOST_BORROW_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_QUICK_CHECK_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_QUICK_CHECK_BUDGET = Duration.ofSeconds(10);
    public static final double DEFAULT_FREELIST_THRESHOLD = 0.25;
    public static final long DEFAULT_WAL_SIZE_THRESHOLD = 256L * 1024 * 1024;
    public static final Duration DEFAULT_ROW_COUNT_BUDGET = Duration.ofMillis(250);
    public static final Duration DEFAULT_JOB_DEADLINE = Duration.ofHours(2);
    public static final long DEFAULT_DISK_RESERVE = 64L * 1024 * 1024;

    public ConsoleOptions {
        requirePositive(busyTimeout, "busyTimeout");
        requirePositive(hostBorrowTimeout, "hostBorrowTimeout");
        requirePositive(quickCheckInterval, "quickCheckInterval");
        requirePositive(quickCheckBudget, "quickCheckBudget");
        requirePositive(jobDeadline, "jobDeadline");
        relations = List.copyOf(Objects.requireNonNull(relations, "relations"));
        Objects.requireNonNull(backupDirectory, "backupDirectory");
        Objects.requireNonNull(rowCountBudget, "rowCountBudget");
        if (rowCountBudget.isNegative()) {
            throw new IllegalArgumentException("rowCountBudget cannot be negative, was " + rowCountBudget
                    + "; use Duration.ZERO to never run count(*)");
        }
        if (busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout is too long: " + busyTimeout + "; keep it to seconds");
        }
        if (!(freelistThreshold > 0 && freelistThreshold <= 1)) {
            throw new IllegalArgumentException("freelistThreshold must be a share between 0 (exclusive) and 1, was "
                    + freelistThreshold + "; 0.25 warns when a quarter of the file is free pages");
        }
        if (diskReserve < 0) {
            throw new IllegalArgumentException("diskReserve cannot be negative, was " + diskReserve + "; 0 reserves nothing");
        }
        if (walSizeThreshold <= 0) {
            throw new IllegalArgumentException("walSizeThreshold must be positive bytes, was " + walSizeThreshold);
        }
    }

    public static ConsoleOptions defaults() {
        return new ConsoleOptions(DEFAULT_BUSY_TIMEOUT, DEFAULT_HOST_BORROW_TIMEOUT, DEFAULT_QUICK_CHECK_INTERVAL,
                DEFAULT_QUICK_CHECK_BUDGET, DEFAULT_FREELIST_THRESHOLD, DEFAULT_WAL_SIZE_THRESHOLD,
                DEFAULT_ROW_COUNT_BUDGET, null, DEFAULT_JOB_DEADLINE, List.of(),
                Path.of(System.getProperty("java.io.tmpdir"), "sqlite-console"), DEFAULT_DISK_RESERVE);
    }

    /** The state file for a database at {@code databaseFile}: the configured one, or the default beside it. */
    public Path stateFileFor(Path databaseFile) {
        return stateFile != null ? stateFile : databaseFile.resolveSibling(databaseFile.getFileName() + ".sqlite-console");
    }

    public ConsoleOptions withBusyTimeout(Duration value) {
        return new ConsoleOptions(value, hostBorrowTimeout, quickCheckInterval, quickCheckBudget, freelistThreshold,
                walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withHostBorrowTimeout(Duration value) {
        return new ConsoleOptions(busyTimeout, value, quickCheckInterval, quickCheckBudget, freelistThreshold,
                walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withQuickCheckInterval(Duration value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, value, quickCheckBudget, freelistThreshold,
                walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withQuickCheckBudget(Duration value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, value, freelistThreshold,
                walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withFreelistThreshold(double value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget, value,
                walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withWalSizeThreshold(long value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                freelistThreshold, value, rowCountBudget, stateFile, jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withRowCountBudget(Duration value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                freelistThreshold, walSizeThreshold, value, stateFile, jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withStateFile(Path value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                freelistThreshold, walSizeThreshold, rowCountBudget, Objects.requireNonNull(value, "stateFile"),
                jobDeadline, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withJobDeadline(Duration value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                freelistThreshold, walSizeThreshold, rowCountBudget, stateFile, value, relations, backupDirectory, diskReserve);
    }

    public ConsoleOptions withRelations(List<Relation> value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                freelistThreshold, walSizeThreshold, rowCountBudget, stateFile, jobDeadline, value, backupDirectory, diskReserve);
    }

    public ConsoleOptions withBackupDirectory(Path value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                freelistThreshold, walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations, value, diskReserve);
    }

    public ConsoleOptions withDiskReserve(long value) {
        return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                freelistThreshold, walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations, backupDirectory, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
