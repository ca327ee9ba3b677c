package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.Deadline;
import io.github.sqliteconsole.core.sql.Identifiers;
import io.github.sqliteconsole.core.sql.Queries;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;

/** What a backup's manifest records and a drill compares: quick/integrity check and rows per table. */
final class BackupFacts {


    private BackupFacts() {
    }

    /** Rows of every ordinary table (virtual tables are counted through their shadow tables), by name. */
    static Map<String, Long> rowCounts(Connection connection, JobContext context) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : Queries.texts(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")) {
            if (context.cancelled()) {
                throw new SQLException("counting rows was cancelled");
            }
            rows.put(table, Queries.longValue(connection, "SELECT count(*) FROM " + Identifiers.quote(table)));
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
                if (SqliteErrors.primaryCode(e) != SQLiteErrorCode.SQLITE_ERROR.code) {
                    throw e;
                }
                return tableByTable(connection, pragma);
            }
        }
    }

    /**
     * Since SQLite 3.44 the whole-file check asks FTS and R*Tree tables to check themselves; one whose
     * tokenizer or module this SQLite lacks (an app registered its own) fails the whole pragma with
     * "SQL logic error". Their data lives in ordinary shadow tables: every b-tree is checked one table
     * at a time (the schema table's check walks the freelist). Not seen this way: a page in no b-tree.
     */
    private static String tableByTable(Connection connection, String pragma) throws SQLException {
        List<String> tables = new ArrayList<>(List.of("sqlite_schema"));
        tables.addAll(Queries.texts(connection, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                + " AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%'"));
        for (String table : tables) {
            String verdict = Queries.text(connection, "PRAGMA " + pragma + "(" + Identifiers.quote(table) + ")");
            if (!"ok".equals(verdict)) {
                return table + ": " + verdict;
            }
        }
        return "ok";
    }
}
