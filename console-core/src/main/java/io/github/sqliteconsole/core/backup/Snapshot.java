package io.github.sqliteconsole.core.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A verified copy of the database in a temp file the console named itself. Closing it deletes the
 * file (and frees its snapshot slot): use try-with-resources around the transfer, so
 * a client that disconnects leaves nothing behind.
 */
public final class Snapshot implements AutoCloseable {

    private final Path file;
    private final long bytes;
    private final String sha256Base64;
    private final long pageCount;
    private final String downloadName;
    private final boolean gzip;
    private final Runnable afterClose;

    Snapshot(Path file, long bytes, String sha256Base64, long pageCount, String downloadName, boolean gzip) {
        this(file, bytes, sha256Base64, pageCount, downloadName, gzip, () -> { });
    }

    private Snapshot(Path file, long bytes, String sha256Base64, long pageCount, String downloadName, boolean gzip,
                     Runnable afterClose) {
        this.file = file;
        this.bytes = bytes;
        this.sha256Base64 = sha256Base64;
        this.pageCount = pageCount;
        this.downloadName = downloadName;
        this.gzip = gzip;
        this.afterClose = afterClose;
    }

    /** The same snapshot, running {@code action} after its file is deleted. */
    public Snapshot onClose(Runnable action) {
        return new Snapshot(file, bytes, sha256Base64, pageCount, downloadName, gzip, action);
    }

    public Path file() {
        return file;
    }

    public long bytes() {
        return bytes;
    }

    /** SHA-256 of the file, base64, for {@code Repr-Digest}. */
    public String sha256Base64() {
        return sha256Base64;
    }

    public long pageCount() {
        return pageCount;
    }

    /** A safe file name: the database's name, a UTC timestamp, {@code .db} or {@code .db.gz}. */
    public String downloadName() {
        return downloadName;
    }

    public boolean gzip() {
        return gzip;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the snapshot " + file + "; delete it by hand", e);
        } finally {
            afterClose.run();
        }
    }
}
