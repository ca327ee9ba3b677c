package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.EveryBTreeCheck;
import io.github.sqliteconsole.core.sql.Identifiers;
import io.github.sqliteconsole.core.sql.Queries;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;

/** What a backup's manifest records and a drill compares: quick/integrity check and rows per table. */
final class BackupFacts {


    private BackupFacts() {
    }

    /**
     * Rows of every ordinary table (virtual tables are counted through their shadow tables), by name.
     * In a database known to be damaged, a table whose pages cannot be read is left out.
     */
    static Map<String, Long> rowCounts(Connection connection, JobContext context, boolean damaged) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : Queries.texts(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")) {
            if (context.cancelled()) {
                throw new SQLException("counting rows was cancelled");
            }
            try {
                rows.put(table, Queries.longValue(connection, "SELECT count(*) FROM " + Identifiers.quote(table)));
            } catch (SQLException e) {
                if (!damaged || SqliteErrors.primaryCode(e) != SQLiteErrorCode.SQLITE_CORRUPT.code) {
                    throw e;
                }
            }
        }
        return rows;
    }

    /**
     * Runs {@code PRAGMA quick_check(1)} or {@code integrity_check(1)} under a deadline that the
     * job's cancel stops; returns SQLite's verdict ("ok" or the first problem).
     */
    static String check(Connection connection, String pragma, JobContext context) throws SQLException {
        try (Deadline stop = Deadline.install(connection, Duration.ofDays(365), context::cancelled)) {
            try {
                return Queries.text(connection, "PRAGMA " + pragma + "(1)");
            } catch (SQLException e) {
                if (!EveryBTreeCheck.applies(e)) {
                    throw e;
                }
                List<String> errors = EveryBTreeCheck.run(connection, pragma, 1);
                return errors.isEmpty() ? "ok" : errors.get(0);
            }
        }
    }
}
