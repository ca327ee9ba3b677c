package io.github.sqliteconsole.core.health;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.DataSourceLocation;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import io.github.sqliteconsole.core.sql.HostDatabase;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Probes the database: connection settings from one short host borrow, file facts and
 * {@code quick_check} on the console's own read-only connection, then one verdict per check.
 */
public final class HealthCheck implements HostDatabase.Locator, AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(HealthCheck.class.getName());
    /** Freelist below this is never worth a warning, whatever its share of a tiny file. */
    private static final long FREELIST_FLOOR_BYTES = 4L * 1024 * 1024;

    private final HealthSettings options;
    private final ConsoleConnections connections;
    private final HostConnectionProbe hostProbe;
    /** The path the host's DataSource is configured with, shown when no connection can be had; may be null. */
    private final String configuredPath;
    private final QuickCheckCache quickChecks;
    private final AtomicReference<Path> databaseFile = new AtomicReference<>();

    public HealthCheck(DataSource dataSource, HealthSettings options, ConsoleConnections connections) {
        this.options = options;
        this.connections = connections;
        this.hostProbe = new HostConnectionProbe(dataSource, options.hostBorrowTimeout());
        this.configuredPath = DataSourceLocation.configuredPath(dataSource).orElse(null);
        this.quickChecks = new QuickCheckCache(connections, options.quickCheckInterval(), options.quickCheckBudget());
    }

    public HealthReport run() {
        long started = System.nanoTime();
        Instant checkedAt = Instant.now();
        List<HealthCheckResult> checks = new ArrayList<>();
        Optional<DatabaseInfo> database = probe(checks);
        return new HealthReport(checks, database, (System.nanoTime() - started) / 1_000_000, checkedAt);
    }

    /**
     * The host database's main file, learned once from a host connection ({@code PRAGMA
     * database_list}) and remembered: a DataSource does not move its file.
     */
    @Override
    public Path databaseFile() throws SQLException {
        Path known = databaseFile.get();
        if (known != null) {
            return known;
        }
        String path = hostProbe.read().settings().path();
        if (path.isEmpty()) {
            throw new SQLException("the host uses an in-memory database; this needs a database file");
        }
        databaseFile.set(Path.of(path));
        return Path.of(path);
    }

    /** The database file if a probe already learned it; never borrows a host connection. */
    @Override
    public Optional<Path> knownDatabaseFile() {
        return Optional.ofNullable(databaseFile.get());
    }

    /** Makes the next {@link #run()} repeat {@code quick_check} instead of reusing its verdict. */
    public void forgetQuickCheck() {
        quickChecks.invalidate();
    }

    private Optional<DatabaseInfo> probe(List<HealthCheckResult> checks) {
        HostConnectionProbe.HostReading host;
        try {
            host = hostProbe.read();
        } catch (SQLException e) {
            // The page shows what is wrong; the pool's own words (total=…, active=…) go to the log.
            LOGGER.log(System.Logger.Level.WARNING, "health: cannot get a host connection: " + SqliteErrors.describe(e));
            Path known = databaseFile.get();
            String readOnly = known == null ? null : readOnlyProblem(known);
            String tried = known != null ? known.toString() : configuredPath;
            checks.add(HealthCheckResult.down("connection", "cannot get a connection"
                    + (tried == null ? "" : " to " + tried) + ": " + (readOnly != null ? readOnly : e.getMessage())));
            return Optional.empty();
        }
        checks.add(HealthCheckResult.up("connection", "the host's DataSource hands out connections"));
        HostSettings settings = host.settings();
        if (settings.inMemory()) {
            checks.add(HealthCheckResult.up(QuickCheckCache.NAME, "not run: in-memory database"));
            return Optional.of(judge(new DatabaseInfo("", 0, 0, -1, settings.readOnly(), settings.readOnly(),
                    settings.foreignKeys(), settings.busyTimeoutMillis(), settings.synchronous(), host.inMemoryFacts()), checks));
        }
        Path file = Path.of(settings.path());
        databaseFile.set(file);
        DatabaseFileFacts facts;
        try (Connection own = connections.openReadOnly(file)) {
            facts = DatabaseFileFacts.read(own);
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "health: cannot open " + file + ": " + SqliteErrors.describe(e));
            String readOnly = readOnlyProblem(file);
            checks.add(HealthCheckResult.down("database_file", file.getFileName() + ": "
                    + (readOnly != null ? readOnly : SqliteErrors.plainSummary(e))));
            return Optional.empty();
        }
        checks.add(HealthCheckResult.up("database_file", "readable, SQLite " + facts.sqliteVersion()));
        checks.add(quickChecks.check(file));
        boolean readOnly = settings.readOnly() || !Files.isWritable(file) || !Files.isWritable(parentOf(file));
        DatabaseInfo info = new DatabaseInfo(file.toString(), DatabaseFiles.sizeOrZero(file),
                DatabaseFiles.sizeOrZero(DatabaseFiles.walOf(file)), freeDisk(file),
                readOnly, settings.readOnly(), settings.foreignKeys(), settings.busyTimeoutMillis(), settings.synchronous(), facts);
        return Optional.of(judge(info, checks));
    }

    /**
     * A file that exists in a directory the app cannot write is read-only, not "missing": SQLite
     * cannot create its journal or its WAL index there, and says only "cannot open". Null when
     * the file is missing or writable.
     */
    private static String readOnlyProblem(Path file) {
        Path directory = parentOf(file);
        if (Files.exists(file) && !Files.isWritable(directory)) {
            return "the database's directory is read-only for the app, so SQLite cannot create its journal or "
                    + "WAL files there; make the directory writable by the app's user";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return "the database file is read-only for the app; make it writable by the app's user";
        }
        return null;
    }

    private DatabaseInfo judge(DatabaseInfo info, List<HealthCheckResult> checks) {
        DatabaseFileFacts file = info.file();
        checks.add(writableCheck(info));
        checks.add("WAL".equals(file.journalMode())
                ? HealthCheckResult.up("journal_mode", "WAL: readers and the writer do not block each other")
                : HealthCheckResult.degraded("journal_mode", "journal_mode is " + file.journalMode()
                        + ": readers and the writer block each other; run PRAGMA journal_mode=WAL once"));
        checks.add(info.foreignKeys()
                ? HealthCheckResult.up("foreign_keys", "enforced on the host's connections")
                : HealthCheckResult.degraded("foreign_keys", "not enforced on the host's connections; "
                        + "set foreign_keys=true in the connection settings of the pool"));
        checks.add(info.busyTimeoutMillis() > 0
                ? HealthCheckResult.up("busy_timeout", info.busyTimeoutMillis() + " ms on the host's connections")
                : HealthCheckResult.degraded("busy_timeout", "0 on the host's connections: a write that meets a lock "
                        + "fails at once with SQLITE_BUSY; set busy_timeout to a few seconds"));
        checks.add(file.tables() > 0
                ? HealthCheckResult.up("schema", file.tables() + " tables")
                : HealthCheckResult.degraded("schema", "the database has no tables; is the DataSource pointing at the right file?"));
        checks.add(freelistCheck(info));
        checks.add(info.walBytes() > options.walSizeThreshold()
                ? HealthCheckResult.degraded("wal_size", "the WAL file is " + ByteSize.format(info.walBytes())
                        + ", over " + ByteSize.format(options.walSizeThreshold())
                        + "; a long reader may be blocking checkpoints")
                : HealthCheckResult.up("wal_size", ByteSize.format(info.walBytes())));
        if (info.freeDiskBytes() >= 0) {
            long needed = 2 * info.file().databaseBytes() + options.diskReserve();
            checks.add(info.freeDiskBytes() < needed
                    ? HealthCheckResult.degraded("disk_space", ByteSize.format(info.freeDiskBytes())
                            + " free, less than twice the database plus the reserve (" + ByteSize.format(needed)
                            + "): VACUUM and backups cannot run; free disk space")
                    : HealthCheckResult.up("disk_space", ByteSize.format(info.freeDiskBytes()) + " free"));
        }
        return info;
    }

    /**
     * A host that opens its connections read-only chose so (an archive, someone's file looked at):
     * nothing it does will fail for it. Only a read-write host on a file or directory it cannot
     * write is broken: its first write fails.
     */
    private static HealthCheckResult writableCheck(DatabaseInfo info) {
        if (info.openedReadOnly()) {
            return HealthCheckResult.up("writable", "the app opens the database read-only (its choice): "
                    + "its connections do not write, whatever the file's permissions");
        }
        return info.readOnly()
                ? HealthCheckResult.down("writable", "the database is read-only for the app: "
                        + "writes fail; give the app's user write permission on the file and its directory")
                : HealthCheckResult.up("writable", "the app can write to the database");
    }

    private HealthCheckResult freelistCheck(DatabaseInfo info) {
        long fileBytes = info.file().databaseBytes();
        long freeBytes = info.freelistBytes();
        boolean tooMuch = freeBytes > FREELIST_FLOOR_BYTES && freeBytes > options.freelistThreshold() * fileBytes;
        return tooMuch
                ? HealthCheckResult.degraded("freelist", ByteSize.format(freeBytes) + " of " + ByteSize.format(fileBytes)
                        + " are free pages; VACUUM would give them back to the disk")
                : HealthCheckResult.up("freelist", ByteSize.format(freeBytes) + " of free pages");
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file : parent;
    }

    private static long freeDisk(Path file) {
        try {
            return Files.getFileStore(file).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        hostProbe.close();
    }
}
