package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.health.HealthSettings;
import io.github.sqliteconsole.core.integrity.Relation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Settings of a console, with defaults that suit a typical web app. Build it through
 * {@link SqliteConsole.Builder} (or {@link #builder()}): every value is checked when set and again
 * when the record is made, and a bad one is rejected with what to set instead.
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
        requirePositive("busyTimeout", busyTimeout);
        requireMillisFitInt("busyTimeout", busyTimeout);
        requirePositive("hostBorrowTimeout", hostBorrowTimeout);
        requirePositive("quickCheckInterval", quickCheckInterval);
        requirePositive("quickCheckBudget", quickCheckBudget);
        requireShare("freelistThreshold", freelistThreshold);
        requirePositiveBytes("walSizeThreshold", walSizeThreshold);
        requireNotNegative("rowCountBudget", rowCountBudget);
        // stateFile may be null: the default beside the database.
        requirePositive("jobDeadline", jobDeadline);
        relations = List.copyOf(requireSet("relations", relations));
        requireSet("backupDirectory", backupDirectory);
        requireNotNegativeBytes("diskReserve", diskReserve);
    }

    public static ConsoleOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The state file for a database at {@code databaseFile}: the configured one, or the default beside it. */
    public Path stateFileFor(Path databaseFile) {
        return stateFile != null ? stateFile : databaseFile.resolveSibling(databaseFile.getFileName() + ".sqlite-console");
    }

    /** What the health probe needs of these options. */
    public HealthSettings healthSettings() {
        return new HealthSettings(hostBorrowTimeout, quickCheckInterval, quickCheckBudget, freelistThreshold,
                walSizeThreshold, diskReserve);
    }

    /** Plain fields with the defaults; {@link #build()} makes the record once. */
    public static final class Builder extends Settings<Builder> {

        private Builder() {
        }

        public ConsoleOptions build() {
            return options();
        }
    }

    /**
     * The setters of every option, each rejecting a bad value at once with the option's name and
     * what to set. Shared by {@link Builder} and {@code SqliteConsole.Builder}, so neither copies the other.
     */
    public abstract static class Settings<B extends Settings<B>> {

        private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
        private Duration hostBorrowTimeout = DEFAULT_HOST_BORROW_TIMEOUT;
        private Duration quickCheckInterval = DEFAULT_QUICK_CHECK_INTERVAL;
        private Duration quickCheckBudget = DEFAULT_QUICK_CHECK_BUDGET;
        private double freelistThreshold = DEFAULT_FREELIST_THRESHOLD;
        private long walSizeThreshold = DEFAULT_WAL_SIZE_THRESHOLD;
        private Duration rowCountBudget = DEFAULT_ROW_COUNT_BUDGET;
        private Path stateFile;
        private Duration jobDeadline = DEFAULT_JOB_DEADLINE;
        private List<Relation> relations = List.of();
        private Path backupDirectory = Path.of(System.getProperty("java.io.tmpdir"), "sqlite-console");
        private long diskReserve = DEFAULT_DISK_RESERVE;

        protected Settings() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        public B busyTimeout(Duration value) {
            busyTimeout = requireMillisFitInt("busyTimeout", requirePositive("busyTimeout", value));
            return self();
        }

        public B hostBorrowTimeout(Duration value) {
            hostBorrowTimeout = requirePositive("hostBorrowTimeout", value);
            return self();
        }

        public B quickCheckInterval(Duration value) {
            quickCheckInterval = requirePositive("quickCheckInterval", value);
            return self();
        }

        public B quickCheckBudget(Duration value) {
            quickCheckBudget = requirePositive("quickCheckBudget", value);
            return self();
        }

        public B freelistThreshold(double share) {
            freelistThreshold = requireShare("freelistThreshold", share);
            return self();
        }

        public B walSizeThreshold(long bytes) {
            walSizeThreshold = requirePositiveBytes("walSizeThreshold", bytes);
            return self();
        }

        public B rowCountBudget(Duration value) {
            rowCountBudget = requireNotNegative("rowCountBudget", value);
            return self();
        }

        public B jobDeadline(Duration value) {
            jobDeadline = requirePositive("jobDeadline", value);
            return self();
        }

        /** Relationships never declared as foreign keys, each {@code child.column -> parent.column}. */
        public B relations(String... values) {
            relations = Arrays.stream(requireSet("relations", values)).map(Relation::parse).toList();
            return self();
        }

        /** Free disk the console always leaves to the host; VACUUM and snapshots that would eat into it are refused. */
        public B diskReserve(long bytes) {
            diskReserve = requireNotNegativeBytes("diskReserve", bytes);
            return self();
        }

        public B backupDirectory(Path value) {
            backupDirectory = requireSet("backupDirectory", value);
            return self();
        }

        public B stateFile(Path value) {
            stateFile = requireSet("stateFile", value);
            return self();
        }

        protected final ConsoleOptions options() {
            return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                    freelistThreshold, walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations,
                    backupDirectory, diskReserve);
        }
    }

    private static <T> T requireSet(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set, was null; leave it out to keep the default");
        }
        return value;
    }

    private static Duration requirePositive(String name, Duration value) {
        if (requireSet(name, value).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value + "; e.g. Duration.ofSeconds(1)");
        }
        return value;
    }

    private static Duration requireNotNegative(String name, Duration value) {
        if (requireSet(name, value).isNegative()) {
            throw new IllegalArgumentException(name + " cannot be negative, was " + value
                    + "; use Duration.ZERO to never run count(*)");
        }
        return value;
    }

    private static Duration requireMillisFitInt(String name, Duration value) {
        if (value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is too long: " + value + "; keep it to seconds");
        }
        return value;
    }

    private static double requireShare(String name, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be a share between 0 (exclusive) and 1, was "
                    + share + "; 0.25 warns when a quarter of the file is free pages");
        }
        return share;
    }

    private static long requirePositiveBytes(String name, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException(name + " must be positive bytes, was " + bytes
                    + "; e.g. 268435456 for 256 MiB");
        }
        return bytes;
    }

    private static long requireNotNegativeBytes(String name, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(name + " cannot be negative, was " + bytes + "; 0 reserves nothing");
        }
        return bytes;
    }
}
