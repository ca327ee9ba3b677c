package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.SqliteConsole;
import javax.sql.DataSource;

/** {@code sqlite.console.*} into the console's builder, whose setters reject a bad value with what to set. */
final class ConsoleOptionsBinder {

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
        if (properties.getBackupDirectory() != null) {
            builder.backupDirectory(properties.getBackupDirectory());
        }
        if (properties.getStateFile() != null) {
            builder.stateFile(properties.getStateFile());
        }
        return builder;
    }
}
