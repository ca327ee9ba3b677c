package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.core.job.JobContext;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Restores a stored backup's bytes into a new 0600 temp file in the store, gunzipped when
 * compressed, hashing the stored bytes as they are read: what gets restored is exactly what was
 * hashed, so a file altered after it was taken is refused before anything uses it.
 */
final class UnpackBackup {

    private static final int BUFFER = 64 * 1024;
    private static final long REPORT_EVERY = 8L << 20;

    private UnpackBackup() {
    }

    /** The unpacked database file (the caller deletes it), or {@link RestoreRefused} when the backup is damaged. */
    static Path unpack(BackupStore store, StoredBackup backup, JobContext context, double from, double to)
            throws IOException, RestoreRefused {
        if (backup.damaged()) {
            throw new RestoreRefused("backup " + backup.id() + " is damaged and not offered for restore: " + backup.damage());
        }
        BackupManifest manifest = backup.manifest();
        Path temp = store.createTemp(backup.id() + "-restore.db");
        boolean done = false;
        try {
            MessageDigest digest = BackupStore.sha256Digest();
            IOException unreadable = null;
            try (DigestInputStream hashed = new DigestInputStream(Files.newInputStream(backup.file()), digest)) {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    InputStream in = manifest.compressed() ? new GZIPInputStream(hashed, BUFFER) : hashed;
                    copy(in, out, backup, context, from, to);
                } catch (ZipException | EOFException e) {
                    unreadable = e;
                }
                // Hash the rest too (after a gzip stream, or after the point it broke): the SHA-256 covers the whole file.
                hashed.transferTo(OutputStream.nullOutputStream());
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            store.remember(backup.file(), actual);
            if (!actual.equals(manifest.sha256())) {
                throw new RestoreRefused("backup " + backup.id() + " refused: the SHA-256 of " + backup.file().getFileName()
                        + " is " + actual + ", its manifest says " + manifest.sha256()
                        + "; the file was altered after it was taken; restore another backup");
            }
            if (unreadable != null) {
                throw new RestoreRefused("backup " + backup.id() + " refused: it matches its SHA-256 but cannot be "
                        + "decompressed (" + unreadable.getMessage() + "); restore another backup", unreadable);
            }
            long expected = manifest.pageCount() * manifest.pageSize();
            if (Files.size(temp) != expected) {
                throw new RestoreRefused("backup " + backup.id() + " refused: it unpacks to " + Files.size(temp)
                        + " bytes, its manifest says " + expected + " (" + manifest.pageCount() + " pages of "
                        + manifest.pageSize() + "); restore another backup");
            }
            done = true;
            return temp;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, StoredBackup backup, JobContext context, double from,
                             double to) throws IOException {
        long total = Math.max(1, backup.manifest().pageCount() * backup.manifest().pageSize());
        byte[] buffer = new byte[BUFFER];
        long done = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            if (context.cancelled()) {
                throw new IOException("unpacking backup " + backup.id() + " was cancelled; nothing was changed");
            }
            out.write(buffer, 0, read);
            done += read;
            if ((done & (REPORT_EVERY - 1)) < read) {
                context.progress(from + (to - from) * Math.min(1, (double) done / total), "unpacking and checking the SHA-256 of "
                        + backup.id() + ": " + ByteSize.format(done) + " of " + ByteSize.format(total));
            }
        }
    }
}
