package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.job.SideTask;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import io.github.sqliteconsole.core.sql.PrivateFiles;
import io.github.sqliteconsole.core.sql.Queries;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consistent snapshot of a live database, proven before a byte is sent: SQLite's online backup
 * API in one step into a temp file ({@link OnlineCopy}: without journal or fsync, since the file is
 * deleted after the transfer), switched to a self-contained rollback journal, its page count
 * matching its size; then {@code quick_check} split by table over two connections
 * ({@link SplitQuickCheck}) and the SHA-256 of the file run side by side, three threads on what was
 * one pass after another. It is handed out only when all are done and the check said ok, so the
 * {@code Repr-Digest} is that of the verified bytes sent.
 */
public final class SnapshotBackup {

    /** The share of the work the online copy stands for on the progress bar. */
    private static final double COPIED = 0.5;
    /** The console's own naming: {@code snapshot-<pid>-<uuid>.db}, plus what SQLite and gzip add. */
    private static final String PREFIX = "snapshot-";
    private static final Pattern OWN_FILE = Pattern.compile("snapshot-(\\d{1,19})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{4}-[0-9a-f]{12}\\.db(-journal|-wal|-shm|\\.gz)?");
    private static final System.Logger LOGGER = System.getLogger(SnapshotBackup.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path tempDirectory;
    private final long diskReserve;
    private final ConsoleConnections connections;
    private final Clock clock;

    /** @param diskReserve free bytes a snapshot must leave to the host */
    public SnapshotBackup(Path tempDirectory, long diskReserve, ConsoleConnections connections, Clock clock) {
        this.tempDirectory = tempDirectory;
        this.diskReserve = diskReserve;
        this.connections = connections;
        this.clock = clock;
    }

    /** {@link #take(Path, boolean, JobContext)} without progress reports. */
    public Snapshot take(Path databaseFile, boolean gzip) throws SQLException, IOException {
        return take(databaseFile, gzip, JobContext.NONE);
    }

    /**
     * Copies, verifies and hashes; reports progress to {@code context} and stops between steps
     * (and within the hashing) once it is cancelled.
     */
    public Snapshot take(Path databaseFile, boolean gzip, JobContext context) throws SQLException, IOException {
        PrivateFiles.requirePrivateDirectory(tempDirectory, "backupDirectory");
        Path copy = tempDirectory.resolve(PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID() + ".db");
        try {
            // Created 0600 before SQLite writes into it: SQLite keeps an existing file's mode, and
            // gives the copy's journal the copy's mode, so no byte of it is ever readable by others.
            PrivateFiles.createPrivateFile(copy);
            long size;
            try (Connection source = connections.openReadOnly(databaseFile)) {
                size = requireSpace(source, gzip);
            }
            context.progress(0, "copying " + ByteSize.format(size) + " with the online backup API (one step)");
            long pageCount = copyOnline(databaseFile, copy);
            stopIfCancelled(context);
            context.progress(COPIED, "verifying the copy (quick_check) and computing its SHA-256");
            Digested digested = verifyAndDigest(copy, gzip, context);
            String name = safeName(databaseFile) + "-" + STAMP.format(clock.instant()) + (gzip ? ".db.gz" : ".db");
            return new Snapshot(digested.file(), Files.size(digested.file()), digested.sha256Base64(), pageCount, name, gzip);
        } catch (SQLException | IOException | RuntimeException e) {
            deleteCopy(copy);
            throw e;
        }
    }

    /**
     * Removes what a killed process left behind: files of the console's own naming, in its own
     * directory only, whose process is gone. The process id in the name keeps this from touching
     * a copy that another live console (another app, or another console in this JVM) is writing.
     * Never follows links and never throws: a start must not fail over clutter.
     *
     * @return how many files were removed
     */
    public int removeLeftovers() {
        if (!Files.isDirectory(tempDirectory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tempDirectory)) {
            for (Path file : files) {
                Matcher own = OWN_FILE.matcher(file.getFileName().toString());
                if (own.matches() && !isAlive(own.group(1)) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "could not remove earlier snapshot leftovers in " + tempDirectory
                    + ": " + e.getMessage() + "; delete files named snapshot-*.db* there by hand");
        }
        if (removed > 0) {
            LOGGER.log(System.Logger.Level.INFO, "removed " + removed + " leftover snapshot file(s) of a stopped process from "
                    + tempDirectory);
        }
        return removed;
    }

    private static boolean isAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Refuses before copying when the copy would leave less than the reserve free; returns its size. */
    private long requireSpace(Connection source, boolean gzip) throws SQLException, IOException {
        long size = Queries.databaseBytes(source);
        long needed = size * (gzip ? 2 : 1) + diskReserve;
        long free = Files.getFileStore(tempDirectory).getUsableSpace();
        if (free < needed) {
            throw new IOException("not enough space for the snapshot in " + tempDirectory + ": " + ByteSize.format(free)
                    + " free, about " + ByteSize.format(needed) + " needed (the copy, and " + ByteSize.format(diskReserve)
                    + " kept free for the application); free space or set backupDirectory");
        }
        return size;
    }

    private long copyOnline(Path databaseFile, Path copy) throws SQLException, IOException {
        try {
            return OnlineCopy.copy(connections, databaseFile, copy);
        } catch (SQLException e) {
            throw new SQLException("the snapshot failed: " + e.getMessage() + "; nothing was sent", e.getSQLState(),
                    e.getErrorCode(), e);
        }
    }

    private record Digested(Path file, String sha256Base64) {
    }

    /**
     * Runs {@code quick_check} on the copy (split over two connections) and, on a third thread,
     * hashes it (or compresses and hashes the compressed bytes): the hash costs less than the
     * check's smaller half, so it hides behind the check.
     */
    private Digested verifyAndDigest(Path copy, boolean gzip, JobContext context) throws SQLException, IOException {
        Path file = gzip ? PrivateFiles.createPrivateFile(gzipOf(copy)) : copy;
        // No fsync: like the copy, the .gz is deleted after the transfer.
        try (SideTask<byte[]> digest = BackgroundDigest.start(copy, gzip ? file : null, false, context::cancelled,
                (done, total) -> context.progress(COPIED + (1 - COPIED) * done / Math.max(1, total), "verifying the copy "
                        + "(quick_check) and computing its SHA-256: " + ByteSize.format(done) + " of "
                        + ByteSize.format(total) + " hashed"))) {
            quickCheck(copy, context);
            String sha256 = Base64.getEncoder().encodeToString(digest.await());
            if (gzip) {
                Files.delete(copy);
            }
            return new Digested(file, sha256);
        } catch (IOException e) {
            if (context.cancelled()) {
                throw new IOException("the snapshot was cancelled", e);
            }
            throw e;
        }
    }

    private void quickCheck(Path copy, JobContext context) throws SQLException, IOException {
        String verdict = SplitQuickCheck.run(connections, copy, context);
        if (!"ok".equals(verdict)) {
            throw new SQLException("the snapshot failed quick_check (" + verdict + "); nothing was sent");
        }
    }

    private static void stopIfCancelled(JobContext context) throws IOException {
        if (context.cancelled()) {
            throw new IOException("the snapshot was cancelled");
        }
    }

    /**
     * Deletes a failed copy and whatever SQLite left beside it: a backup that stops mid-way leaves
     * the copy's rollback journal, and a hot journal without its database is only clutter.
     */
    private static void deleteCopy(Path copy) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm", ".gz"}) {
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
        }
    }

    private static Path gzipOf(Path copy) {
        return copy.resolveSibling(copy.getFileName() + ".gz");
    }

    /** The database's file name without extension, reduced to characters safe in a header. */
    static String safeName(Path databaseFile) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "database" : safe;
    }
}
