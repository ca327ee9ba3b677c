package io.github.sqliteconsole.core.maintenance;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What VACUUM will cost before it runs: it writes a full copy of the database (so it needs about
 * twice the file in free space), holds an exclusive lock the whole time (writers wait, readers
 * too in rollback-journal mode), and renumbers the rowids of tables without an INTEGER PRIMARY KEY.
 *
 * @param renumberedTables tables whose rowids VACUUM may change: anything that stored those rowids breaks
 * @param neededBytes      twice the database, plus {@code diskReserve}
 * @param diskReserve      free bytes VACUUM must leave to the host, part of {@code neededBytes}
 * @param refusal          why VACUUM must not run now, or null when it may
 */
public record VacuumPreflight(long fileBytes, long walBytes, long freelistBytes, long freeDiskBytes, long neededBytes,
                              long diskReserve,
                              String journalMode, boolean incrementalAutoVacuum, List<String> renumberedTables,
                              String refusal) {

    public VacuumPreflight {
        renumberedTables = List.copyOf(renumberedTables);
    }

    public boolean allowed() {
        return refusal == null;
    }

    /** @param diskReserve free bytes VACUUM must leave to the host ({@code ConsoleOptions.diskReserve}) */
    /** The preflight of the host's database, read on a connection of the console's own. */
    public static VacuumPreflight of(HostDatabase database, long diskReserve) throws SQLException {
        try (Connection own = database.openReadOnly()) {
            return of(own, database.file(), diskReserve);
        }
    }

    public static VacuumPreflight of(Connection connection, Path databaseFile, long diskReserve) throws SQLException {
        long fileBytes = DatabaseFiles.sizeOrZero(databaseFile);
        long walBytes = DatabaseFiles.sizeOrZero(DatabaseFiles.walOf(databaseFile));
        long pageSize = Queries.longValue(connection, "PRAGMA page_size");
        long freelist = pageSize * Queries.longValue(connection, "PRAGMA freelist_count");
        // VACUUM writes the database twice: into a temporary copy, then back (in WAL mode, into the WAL).
        long needed = 2 * Queries.databaseBytes(connection) + diskReserve;
        long free = freeDisk(databaseFile);
        String journal = Queries.text(connection, "PRAGMA journal_mode").toUpperCase(java.util.Locale.ROOT);
        boolean incremental = Queries.longValue(connection, "PRAGMA auto_vacuum") == 2;
        String refusal = free >= 0 && free < needed
                ? "only " + ByteSize.format(free) + " free next to the database; VACUUM needs about "
                        + ByteSize.format(needed) + " (twice the database, and " + ByteSize.format(diskReserve)
                        + " kept free for the application). Free disk space first."
                : null;
        return new VacuumPreflight(fileBytes, walBytes, freelist, free, needed, diskReserve, journal, incremental,
                tablesWithoutIntegerPrimaryKey(connection), refusal);
    }

    private static List<String> tablesWithoutIntegerPrimaryKey(Connection connection) throws SQLException {
        // A rowid table keeps its rowids through VACUUM only when they are an INTEGER PRIMARY KEY.
        return Queries.texts(connection, "SELECT l.name FROM pragma_table_list l WHERE l.schema = 'main' "
                + "AND l.type = 'table' AND l.wr = 0 AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND NOT EXISTS ("
                + "SELECT 1 FROM pragma_table_info(l.name) c WHERE c.pk = 1 AND upper(c.type) = 'INTEGER' "
                + "AND (SELECT count(*) FROM pragma_table_info(l.name) WHERE pk > 0) = 1) ORDER BY l.name");
    }

    private static long freeDisk(Path file) {
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException e) {
            return -1; // unknown: VACUUM itself will fail with "disk full" if space runs out
        }
    }
}
