package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.SideTask;
import io.github.sqliteconsole.core.sql.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.function.BooleanSupplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The SHA-256 of a finished copy, or of its gzip, computed on a thread of its own while the caller
 * checks the copy: the copy no longer changes, so the hashing (or the compression) runs beside the
 * check instead of after it. A snapshot download and a stored backup both take this step.
 *
 * <p>gzip runs at its fastest level: on the benchmark database (818 MB) the default level
 * compressed at 15–32 MB/s, the fastest at 85 MB/s, for a file 2 % larger (296 MB against 291 MB);
 * at the default level the compression took ten times as long as everything else in a stored backup.
 */
final class BackgroundDigest {

    /** Told, every few megabytes, how many bytes of the copy have been read. */
    interface Progress {
        void read(long done, long total);
    }

    private static final int BUFFER = 64 * 1024;
    /** Progress is reported once per this many bytes read (a power of two). */
    private static final long REPORT_EVERY = 8L << 20;

    private BackgroundDigest() {
    }

    /**
     * Starts hashing {@code copy}, or, when {@code gz} (an existing empty 0600 file) is given,
     * compressing the copy into it and hashing the compressed bytes. With {@code durable} the file
     * hashed is fsynced as well (it is final by then: its fsync overlaps the caller's check instead
     * of following it). The task's result is the SHA-256.
     */
    static SideTask<byte[]> start(Path copy, Path gz, boolean durable, BooleanSupplier cancelled, Progress progress) {
        return SideTask.start("sqlite-console-digest", stopped -> {
            BooleanSupplier stop = () -> stopped.getAsBoolean() || cancelled.getAsBoolean();
            byte[] digest = gz == null ? hash(copy, stop, progress) : compressAndHash(copy, gz, stop, progress);
            if (durable) {
                PrivateFiles.fsync(gz == null ? copy : gz);
            }
            return digest;
        });
    }

    private static byte[] hash(Path file, BooleanSupplier stop, Progress progress) throws IOException {
        MessageDigest digest = BackupStore.sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            copy(in, OutputStream.nullOutputStream(), digest, Files.size(file), stop, progress);
        }
        return digest.digest();
    }

    private static byte[] compressAndHash(Path copy, Path gz, BooleanSupplier stop, Progress progress) throws IOException {
        MessageDigest digest = BackupStore.sha256Digest();
        try (InputStream in = Files.newInputStream(copy);
             OutputStream out = new FastGzip(new DigestOutputStream(Files.newOutputStream(gz,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), digest))) {
            copy(in, out, null, Files.size(copy), stop, progress);
        }
        return digest.digest();
    }

    /** Copies {@code in} to {@code out} (updating {@code digest} if given), reporting how far it got. */
    private static void copy(InputStream in, OutputStream out, MessageDigest digest, long total, BooleanSupplier stop,
                             Progress progress) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long done = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            if (stop.getAsBoolean()) {
                throw new IOException("hashing the copy was cancelled");
            }
            if (digest != null) {
                digest.update(buffer, 0, read);
            }
            out.write(buffer, 0, read);
            done += read;
            if ((done & (REPORT_EVERY - 1)) < read) {
                progress.read(done, total);
            }
        }
    }

    /** gzip at its fastest level, with a buffer as large as the reads. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
