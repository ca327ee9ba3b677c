package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConnection;

/**
 * A consistent copy of a live database with SQLite's online backup API in one step (one read
 * transaction: in WAL mode writers go on, and the copy is one state; copied stepwise under a busy
 * writer it restarts forever), made self-contained: switched to a rollback journal (a WAL-mode
 * copy would need its -wal file to open read-only), its page count checked against its size.
 *
 * <p>The pages are pulled into a connection the console opened on the copy, so that the copy is
 * written without journal and without fsync ({@code synchronous=OFF}, {@code journal_mode=OFF}):
 * until it is checked it is only a temp file, and a crash leaves a leftover to remove. A download
 * deletes it after the transfer; a stored backup fsyncs the file it keeps (the copy, or its gzip)
 * beside its check, so the fsync before the rename finds nothing left to write. With SQLite's journal and syncs the copy
 * was fsynced before it was checked, a gzipped backup's copy too, though it is deleted once
 * compressed.
 */
final class OnlineCopy {

    private OnlineCopy() {
    }

    /**
     * Copies {@code source} into {@code copy} (an existing empty file the console created 0600;
     * SQLite keeps its mode) and returns the copy's page count. The copy is not fsynced.
     */
    static long copy(ConsoleConnections connections, Path source, Path copy) throws SQLException, IOException {
        long pageCount;
        try (Connection destination = connections.openReadWrite(copy)) {
            try (Statement statement = destination.createStatement()) {
                statement.execute("PRAGMA synchronous = OFF");
                statement.execute("PRAGMA journal_mode = OFF");
            }
            // The source is opened read-only by name (an absolute path, never a URI); both names are
            // the console's own: the host's file and the console's temp name.
            long[] observed = {-1, -1};
            int result = destination.unwrap(SQLiteConnection.class).getDatabase().restore("main",
                    source.toAbsolutePath().toString(), (remaining, total) -> {
                        observed[0] = remaining;
                        observed[1] = total;
                    }, 100, 50, -1);
            if (result != 0) {
                throw new SQLException("the online backup stopped with SQLite result code " + result
                        + "; the database may be busy, retry");
            }
            Queries.text(destination, "PRAGMA journal_mode = DELETE");
            pageCount = Queries.longValue(destination, "PRAGMA page_count");
            long pageSize = Queries.longValue(destination, "PRAGMA page_size");
            // The result code above is the source's: a failed write into the copy shows here, as a
            // copy that is not every page of the source, or not as long as its pages.
            if (observed[0] != 0 || pageCount != observed[1] || pageCount * pageSize != Files.size(copy)) {
                throw new SQLException("the copy holds " + pageCount + " pages of " + pageSize + " bytes and is "
                        + Files.size(copy) + " bytes long, but the source had " + observed[1] + " pages ("
                        + observed[0] + " not copied)");
            }
        }
        return pageCount;
    }
}
