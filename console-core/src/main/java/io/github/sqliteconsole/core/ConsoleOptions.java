package io.github.sqliteconsole.core;

import io.github.sqliteconsole.core.backup.Retention;
import io.github.sqliteconsole.core.backup.StoredBackupOptions;
import io.github.sqliteconsole.core.health.HealthSettings;
import io.github.sqliteconsole.core.integrity.Relation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * @param snapshotDirectory   where download snapshots are written before they are sent; each is deleted
 *                            after its transfer (not the stored backups: see {@code storedBackups})
 * @param diskReserve         bytes of free disk the console always leaves to the host: VACUUM and
 *                            snapshots are refused when they would leave less free than this
 * @param storedBackups       stored backups on a schedule, with retention, copies and drills; null: off
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
        Path snapshotDirectory,
        long diskReserve,
        StoredBackupOptions storedBackups) {

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
        requireSet("snapshotDirectory", snapshotDirectory);
        // storedBackups may be null: stored backups are off until a host sets backupStore.
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
        private Path snapshotDirectory = Path.of(System.getProperty("java.io.tmpdir"), "sqlite-console");
        private long diskReserve = DEFAULT_DISK_RESERVE;
        private Path backupStore;
        private Duration backupInterval;
        private Retention backupRetention;
        private List<Path> backupCopies;
        private Duration restoreDrillInterval;
        private Boolean allowRestore;
        private Boolean backupCompression;

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

        /** Where download snapshots wait for their one transfer (0700; created when missing). */
        public B snapshotDirectory(Path value) {
            snapshotDirectory = requireSet("snapshotDirectory", value);
            return self();
        }

        /** The first release's name of {@link #snapshotDirectory(Path)}, easy to confuse with {@link #backupStore(Path)}. */
        @Deprecated
        public B backupDirectory(Path value) {
            return snapshotDirectory(value);
        }

        /** Turns stored backups on: taken every {@link #backupInterval}, kept by {@link #backupRetention} in this directory (0700). */
        public B backupStore(Path value) {
            backupStore = requireSet("backupStore", value);
            return self();
        }

        /** Time between scheduled stored backups; default 1 h, at least 10 s. */
        public B backupInterval(Duration value) {
            backupInterval = requireSet("backupInterval", value);
            return self();
        }

        /** How many stored backups to keep per tier; default hourly 24, daily 30, weekly 12, monthly 24, yearly 10. */
        public B backupRetention(int hourly, int daily, int weekly, int monthly, int yearly) {
            backupRetention = new Retention(hourly, daily, weekly, monthly, yearly);
            return self();
        }

        /** Secondary directories (another disk, a share) every verified stored backup is also copied to. */
        public B backupCopies(Path... directories) {
            backupCopies = new ArrayList<>(Arrays.asList(requireSet("backupCopies", directories)));
            return self();
        }

        /** Time between scheduled restore drills of the newest stored backup; default 24 h. */
        public B restoreDrillInterval(Duration value) {
            restoreDrillInterval = requireSet("restoreDrillInterval", value);
            return self();
        }

        /** Whether an OPERATOR may restore a stored backup into the live database; default false. */
        public B allowRestore(boolean value) {
            allowRestore = value;
            return self();
        }

        /** Whether stored backups are gzipped; default true. */
        public B backupCompression(boolean value) {
            backupCompression = value;
            return self();
        }

        public B stateFile(Path value) {
            stateFile = requireSet("stateFile", value);
            return self();
        }

        protected final ConsoleOptions options() {
            return new ConsoleOptions(busyTimeout, hostBorrowTimeout, quickCheckInterval, quickCheckBudget,
                    freelistThreshold, walSizeThreshold, rowCountBudget, stateFile, jobDeadline, relations,
                    snapshotDirectory, diskReserve, storedBackups());
        }

        /** Null when no store is set; a stored-backup setting without a store is a mistake, not a no-op. */
        private StoredBackupOptions storedBackups() {
            if (backupStore == null) {
                List<String> orphans = new ArrayList<>();
                addIfSet(orphans, "backupInterval", backupInterval);
                addIfSet(orphans, "backupRetention", backupRetention);
                addIfSet(orphans, "backupCopies", backupCopies);
                addIfSet(orphans, "restoreDrillInterval", restoreDrillInterval);
                addIfSet(orphans, "allowRestore", allowRestore);
                addIfSet(orphans, "backupCompression", backupCompression);
                if (!orphans.isEmpty()) {
                    throw new IllegalArgumentException(String.join(", ", orphans) + " set but backupStore is not; "
                            + "set backupStore to a directory to turn stored backups on, or leave these out");
                }
                return null;
            }
            StoredBackupOptions.Builder stored = StoredBackupOptions.builder(backupStore);
            if (backupInterval != null) {
                stored.interval(backupInterval);
            }
            if (backupRetention != null) {
                stored.retention(backupRetention);
            }
            if (backupCopies != null) {
                stored.copies(backupCopies.toArray(Path[]::new));
            }
            if (restoreDrillInterval != null) {
                stored.drillInterval(restoreDrillInterval);
            }
            stored.allowRestore(Boolean.TRUE.equals(allowRestore));
            stored.compression(!Boolean.FALSE.equals(backupCompression));
            return stored.build();
        }

        private static void addIfSet(List<String> names, String name, Object value) {
            if (value != null) {
                names.add(name);
            }
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
