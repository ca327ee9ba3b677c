package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.ByteSize;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.DatabaseFiles;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.sqlite.SQLiteConnection;

/**
 * A consistent snapshot of a live database, proven before a byte is sent: SQLite's online backup
 * API in one step (pages per step -1: one read transaction, so in WAL mode writers go on and the
 * copy is one consistent state; copied stepwise under a busy writer it restarts forever), fsync,
 * then the copy is switched to a self-contained rollback journal, must pass {@code quick_check}
 * and its page count must match its size. Only then is it hashed and handed out.
 */
public final class SnapshotBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path tempDirectory;
    private final ConsoleConnections connections;
    private final Clock clock;

    public SnapshotBackup(Path tempDirectory, ConsoleConnections connections, Clock clock) {
        this.tempDirectory = tempDirectory;
        this.connections = connections;
        this.clock = clock;
    }

    public Snapshot take(Path databaseFile, boolean gzip) throws SQLException, IOException {
        Files.createDirectories(tempDirectory);
        long needed = (DatabaseFiles.sizeOrZero(databaseFile) + DatabaseFiles.sizeOrZero(DatabaseFiles.walOf(databaseFile)))
                * (gzip ? 2 : 1);
        long free = Files.getFileStore(tempDirectory).getUsableSpace();
        if (free < needed) {
            throw new IOException("not enough space for the snapshot in " + tempDirectory + ": " + ByteSize.format(free)
                    + " free, about " + ByteSize.format(needed) + " needed; free space or set backupDirectory");
        }
        Path copy = tempDirectory.resolve("snapshot-" + UUID.randomUUID() + ".db");
        try {
            copyOnline(databaseFile, copy);
            long pageCount = verify(copy);
            Path result = gzip ? compress(copy) : copy;
            String name = safeName(databaseFile) + "-" + STAMP.format(clock.instant()) + (gzip ? ".db.gz" : ".db");
            return new Snapshot(result, Files.size(result), sha256(result), pageCount, name, gzip);
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(gzipOf(copy));
            throw e;
        }
    }

    private void copyOnline(Path databaseFile, Path copy) throws SQLException, IOException {
        try (Connection source = connections.openReadOnly(databaseFile)) {
            // The destination is the console's own temp name, never text from a request.
            int result = source.unwrap(SQLiteConnection.class).getDatabase()
                    .backup("main", copy.toString(), null, 100, 50, -1);
            if (result != 0) {
                throw new SQLException("the online backup stopped with SQLite result code " + result
                        + "; the database may be busy, retry");
            }
        }
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes the copy self-contained, checks it, and returns its page count. */
    private long verify(Path copy) throws SQLException, IOException {
        long pageCount;
        try (Connection check = connections.openReadWrite(copy)) {
            Queries.text(check, "PRAGMA journal_mode = DELETE");
            String verdict = Queries.text(check, "PRAGMA quick_check(1)");
            if (!"ok".equals(verdict)) {
                throw new SQLException("the snapshot failed quick_check (" + verdict + "); nothing was sent");
            }
            pageCount = Long.parseLong(Queries.text(check, "PRAGMA page_count"));
            long pageSize = Long.parseLong(Queries.text(check, "PRAGMA page_size"));
            if (pageCount * pageSize != Files.size(copy)) {
                throw new SQLException("the snapshot holds " + pageCount + " pages of " + pageSize + " bytes but is "
                        + Files.size(copy) + " bytes long; nothing was sent");
            }
        }
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return pageCount;
    }

    private static Path gzipOf(Path copy) {
        return copy.resolveSibling(copy.getFileName() + ".gz");
    }

    private static Path compress(Path copy) throws IOException {
        Path gz = gzipOf(copy);
        try (InputStream in = Files.newInputStream(copy); OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 65536)) {
            in.transferTo(out);
        }
        Files.delete(copy);
        return gz;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    /** The database's file name without extension, reduced to characters safe in a header. */
    static String safeName(Path databaseFile) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "database" : safe;
    }
}
