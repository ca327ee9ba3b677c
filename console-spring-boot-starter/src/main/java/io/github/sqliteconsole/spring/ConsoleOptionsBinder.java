package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.Retention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** {@code sqlite.console.*} into the console's builder, whose setters reject a bad value with what to set. */
final class ConsoleOptionsBinder {

    private static final String BACKUPS = "sqlite.console.backups.";

    private ConsoleOptionsBinder() {
    }

    static SqliteConsole.Builder builder(DataSource dataSource, SqliteConsoleProperties properties) {
        SqliteConsole.Builder builder = SqliteConsole.builder(dataSource)
                .busyTimeout(properties.getBusyTimeout())
                .hostBorrowTimeout(properties.getHostBorrowTimeout())
                .quickCheckInterval(properties.getQuickCheckInterval())
                .quickCheckBudget(properties.getQuickCheckBudget())
                .freelistThreshold(properties.getFreelistThreshold())
                .walSizeThreshold(properties.getWalSizeThreshold().toBytes())
                .rowCountBudget(properties.getRowCountBudget())
                .jobDeadline(properties.getJobDeadline())
                .diskReserve(properties.getDiskReserve().toBytes())
                .relations(properties.getRelations().toArray(String[]::new));
        Path snapshots = snapshotDirectory(properties);
        if (snapshots != null) {
            builder.snapshotDirectory(snapshots);
        }
        if (properties.getStateFile() != null) {
            builder.stateFile(properties.getStateFile());
        }
        storedBackups(builder, properties.getBackups());
        return builder;
    }

    @SuppressWarnings("deprecation")
    private static Path snapshotDirectory(SqliteConsoleProperties properties) {
        Path current = properties.getSnapshotDirectory();
        Path old = properties.getBackupDirectory();
        if (current != null && old != null && !current.equals(old)) {
            throw new IllegalArgumentException("sqlite.console.snapshot-directory (" + current + ") and its old name "
                    + "sqlite.console.backup-directory (" + old + ") are both set and differ; keep only snapshot-directory");
        }
        return current != null ? current : old;
    }

    /** Stored backups when {@code store} is set; any other backups setting without it is refused, never ignored. */
    private static void storedBackups(SqliteConsole.Builder builder, SqliteConsoleProperties.Backups backups) {
        if (backups.getStore() == null) {
            List<String> orphans = new ArrayList<>();
            addIfSet(orphans, "interval", backups.getInterval());
            addIfSet(orphans, "retention.*", backups.getRetention().anySet() ? Boolean.TRUE : null);
            addIfSet(orphans, "copies", backups.getCopies());
            addIfSet(orphans, "drill-interval", backups.getDrillInterval());
            addIfSet(orphans, "allow-restore", backups.getAllowRestore());
            addIfSet(orphans, "compression", backups.getCompression());
            if (!orphans.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", orphans.stream().map(name -> BACKUPS + name).toList())
                        + " set but " + BACKUPS + "store is not; set " + BACKUPS + "store to a directory to turn "
                        + "stored backups on, or remove these");
            }
            return;
        }
        builder.backupStore(backups.getStore());
        if (backups.getInterval() != null) {
            builder.backupInterval(backups.getInterval());
        }
        SqliteConsoleProperties.Retention retention = backups.getRetention();
        if (retention.anySet()) {
            builder.backupRetention(
                    orDefault(retention.getHourly(), Retention.DEFAULT_HOURLY, "hourly"),
                    orDefault(retention.getDaily(), Retention.DEFAULT_DAILY, "daily"),
                    orDefault(retention.getWeekly(), Retention.DEFAULT_WEEKLY, "weekly"),
                    orDefault(retention.getMonthly(), Retention.DEFAULT_MONTHLY, "monthly"),
                    orDefault(retention.getYearly(), Retention.DEFAULT_YEARLY, "yearly"));
        }
        if (backups.getCopies() != null && !backups.getCopies().isEmpty()) {
            builder.backupCopies(backups.getCopies().toArray(Path[]::new));
        }
        if (backups.getDrillInterval() != null) {
            builder.restoreDrillInterval(backups.getDrillInterval());
        }
        if (backups.getAllowRestore() != null) {
            builder.allowRestore(backups.getAllowRestore());
        }
        if (backups.getCompression() != null) {
            builder.backupCompression(backups.getCompression());
        }
    }

    private static int orDefault(Integer value, int fallback, String tier) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(BACKUPS + "retention." + tier + " is " + value
                    + "; keep 0 or more backups of that tier (default " + fallback + ")");
        }
        return value != null ? value : fallback;
    }

    private static void addIfSet(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }
}
