package io.github.sqliteconsole.core.sql;

import java.sql.SQLException;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into sentences a person operating the app can act on. */
public final class SqliteErrors {

    /** Primary result code to what it means for the person reading the console. */
    private static final Map<Integer, String> PLAIN_TEXT = Map.ofEntries(
            Map.entry(SQLiteErrorCode.SQLITE_CANTOPEN.code,
                    "the database file cannot be opened: it is missing, its directory is not accessible, "
                            + "or the directory is read-only (SQLite creates its journal and WAL files beside the database)"),
            Map.entry(SQLiteErrorCode.SQLITE_NOTADB.code, "the file is not an SQLite database"),
            Map.entry(SQLiteErrorCode.SQLITE_CORRUPT.code, "the database file is corrupt"),
            Map.entry(SQLiteErrorCode.SQLITE_BUSY.code,
                    "the database is locked by another connection; retry later, or raise the busy timeout"),
            Map.entry(SQLiteErrorCode.SQLITE_LOCKED.code,
                    "the database is locked by another connection; retry later, or raise the busy timeout"),
            Map.entry(SQLiteErrorCode.SQLITE_READONLY.code, "the database is read-only"),
            Map.entry(SQLiteErrorCode.SQLITE_IOERR.code, "the disk reported an I/O error"),
            Map.entry(SQLiteErrorCode.SQLITE_FULL.code, "the disk is full"),
            Map.entry(SQLiteErrorCode.SQLITE_PERM.code, "access to the database file was denied"),
            Map.entry(SQLiteErrorCode.SQLITE_AUTH.code, "access to the database file was denied"),
            Map.entry(SQLiteErrorCode.SQLITE_INTERRUPT.code, "the operation was stopped before it finished"));

    private SqliteErrors() {
    }

    /** The primary SQLite result code of {@code e}, or -1 when it is not an SQLite error. */
    public static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() != null) {
            return sqlite.getResultCode().code & 0xff;
        }
        return e.getErrorCode() > 0 ? e.getErrorCode() & 0xff : -1;
    }

    /** True when the failure was SQLite giving up on a lock another connection holds. */
    public static boolean isBusy(SQLException e) {
        int code = primaryCode(e);
        return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    /** True when SQLite found the file damaged while reading it. */
    public static boolean isCorrupt(SQLException e) {
        int code = primaryCode(e);
        return code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    /** True when a progress handler (deadline or cancel) stopped the statement. */
    public static boolean isInterrupted(SQLException e) {
        return primaryCode(e) == SQLiteErrorCode.SQLITE_INTERRUPT.code;
    }

    /**
     * A plain description of what went wrong and what usually fixes it. A pool's wrapper
     * exception ("Connection is not available") is described by the SQLite error inside it.
     */
    public static String describe(SQLException e) {
        SQLException sqlite = innermostSqliteError(e);
        String plain = plainText(primaryCode(sqlite));
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (sqlite != e && sqlite.getMessage() != null) {
            detail = detail + "; cause: " + sqlite.getMessage();
        }
        return plain == null ? detail : plain + " (" + detail + ")";
    }

    /**
     * What is wrong and what to do, without the driver's or the pool's own words (those name pool
     * internals such as {@code total=0, active=0} and belong in the log, next to {@link #describe}).
     */
    public static String plainSummary(SQLException e) {
        String plain = plainText(primaryCode(innermostSqliteError(e)));
        if (plain != null) {
            return plain;
        }
        boolean waitedForPool = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            waitedForPool |= cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.util.concurrent.TimeoutException;
        }
        if (waitedForPool) {
            return "no database connection was free in time: the application's connection pool is busy or cannot "
                    + "open the database; retry in a moment, and check the server log if it persists";
        }
        return "the database could not be reached; check that the file exists and the application can open it, "
                + "and see the server log";
    }

    private static SQLException innermostSqliteError(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return sqlite;
            }
        }
        return e;
    }

    private static String plainText(int code) {
        return PLAIN_TEXT.get(code);
    }
}
