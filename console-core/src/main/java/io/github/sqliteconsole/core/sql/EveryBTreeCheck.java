package io.github.sqliteconsole.core.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteErrorCode;

/**
 * {@code PRAGMA quick_check} or {@code integrity_check} when the whole-file form cannot run. Since
 * SQLite 3.44 it asks FTS and R*Tree tables to check themselves; one whose tokenizer or module this
 * SQLite lacks (an app registered its own) fails the whole pragma with "SQL logic error". Their data
 * lives in ordinary shadow tables, so every b-tree is checked one table at a time instead (the
 * schema table's check walks the freelist), as SQLite itself skips a virtual table whose module is
 * missing. Not seen this way: a page in no b-tree and not free (a leak VACUUM reclaims).
 */
public final class EveryBTreeCheck {

    private EveryBTreeCheck() {
    }

    /** True when {@code e} is the "cannot run as a whole" failure, not damage, a busy file or a cancel. */
    public static boolean applies(SQLException e) {
        return SqliteErrors.primaryCode(e) == SQLiteErrorCode.SQLITE_ERROR.code;
    }

    /** What SQLite reported other than "ok", at most {@code maxErrors} lines; empty when every b-tree is sound. */
    public static List<String> run(Connection connection, String pragma, int maxErrors) throws SQLException {
        List<String> tables = new ArrayList<>(List.of("sqlite_schema"));
        tables.addAll(Queries.texts(connection, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                + " AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%'"));
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < tables.size() && errors.size() < maxErrors; i++) {
            // pragma is the caller's constant; the table name comes from the schema just read.
            try (PreparedStatement statement = connection.prepareStatement("PRAGMA " + pragma + "("
                    + Identifiers.quote(tables.get(i)) + ")");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next() && errors.size() < maxErrors) {
                    if (!"ok".equals(rows.getString(1))) {
                        errors.add(rows.getString(1));
                    }
                }
            }
        }
        return errors;
    }
}
