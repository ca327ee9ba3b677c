package io.github.sqliteconsole.core.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where and how often stored backups are taken, how many are kept, where they are copied, how
 * often a restore drill proves one, and whether restoring into the live database is allowed.
 *
 * @param store         the directory of the stored backups (0700; created when missing)
 * @param interval      time between two scheduled backups
 * @param retention     how many to keep per tier
 * @param copies        secondary directories every verified backup is copied to (another disk, a share)
 * @param drillInterval time between two scheduled restore drills
 * @param allowRestore  whether the console may restore a backup into the live database
 * @param compression   whether stored backups are gzipped
 */
public record StoredBackupOptions(Path store, Duration interval, Retention retention, List<Path> copies,
                                  Duration drillInterval, boolean allowRestore, boolean compression) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    public static final Duration DEFAULT_DRILL_INTERVAL = Duration.ofHours(24);
    /** Below this a backup would run back to back with the previous one on any real database. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(10);

    public StoredBackupOptions {
        if (store == null) {
            throw new IllegalArgumentException("backupStore is not set; set it to a directory for the stored backups "
                    + "(only the application's user may write it)");
        }
        store = store.toAbsolutePath().normalize();
        requireInterval("backupInterval", interval);
        requireInterval("restoreDrillInterval", drillInterval);
        Objects.requireNonNull(retention, "backupRetention is null; leave it unset for 24/30/12/24/10");
        Objects.requireNonNull(copies, "backupCopies is null; pass no directories for no copies");
        List<Path> normalized = new ArrayList<>();
        for (Path copy : copies) {
            if (copy == null) {
                throw new IllegalArgumentException("backupCopies holds a null directory; pass only existing paths");
            }
            Path absolute = copy.toAbsolutePath().normalize();
            if (absolute.equals(store) || normalized.contains(absolute)) {
                throw new IllegalArgumentException("backupCopies holds " + absolute + " twice or the backupStore itself; "
                        + "each copy must go to its own directory, best on another disk");
            }
            normalized.add(absolute);
        }
        copies = List.copyOf(normalized);
    }

    /** Options for {@code store} with every default: hourly, 24/30/12/24/10, no copies, daily drill, no restore, gzip. */
    public static StoredBackupOptions of(Path store) {
        return builder(store).build();
    }

    public static Builder builder(Path store) {
        return new Builder(store);
    }

    private static void requireInterval(String name, Duration interval) {
        if (interval == null || interval.compareTo(MINIMUM_INTERVAL) < 0) {
            throw new IllegalArgumentException(name + " is " + interval + "; set at least " + MINIMUM_INTERVAL
                    + " (ISO-8601, e.g. PT1H)");
        }
    }

    /** Plain fields, one {@link #build()}: every check runs once in the record's constructor. */
    public static final class Builder {
        private final Path store;
        private Duration interval = DEFAULT_INTERVAL;
        private Retention retention = Retention.DEFAULT;
        private final List<Path> copies = new ArrayList<>();
        private Duration drillInterval = DEFAULT_DRILL_INTERVAL;
        private boolean allowRestore;
        private boolean compression = true;

        private Builder(Path store) {
            this.store = store;
        }

        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        public Builder copies(Path... directories) {
            copies.clear();
            copies.addAll(Arrays.asList(directories));
            return this;
        }

        public Builder drillInterval(Duration drillInterval) {
            this.drillInterval = drillInterval;
            return this;
        }

        public Builder allowRestore(boolean allowRestore) {
            this.allowRestore = allowRestore;
            return this;
        }

        public Builder compression(boolean compression) {
            this.compression = compression;
            return this;
        }

        public StoredBackupOptions build() {
            return new StoredBackupOptions(store, interval, retention, copies, drillInterval, allowRestore, compression);
        }
    }
}
