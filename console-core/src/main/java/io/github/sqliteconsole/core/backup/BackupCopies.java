package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies each verified backup to the secondary stores (another disk, a mounted share): copy under
 * a temp name, fsync, hash what is now on the destination, compare with the manifest, rename
 * into place, manifest last; then retention there too. A failed copy is reported, never lets the
 * primary go.
 */
public final class BackupCopies {

    private final List<BackupStore> stores;

    public BackupCopies(List<BackupStore> stores) {
        this.stores = List.copyOf(stores);
    }

    public List<BackupStore> stores() {
        return stores;
    }

    /** Copies {@code backup} to every secondary store and applies {@code retention} there. */
    public List<CopyOutcome> copy(StoredBackup backup, Retention retention, JobContext context) {
        List<CopyOutcome> outcomes = new ArrayList<>();
        for (BackupStore store : stores) {
            outcomes.add(copyTo(store, backup, retention, context));
        }
        return outcomes;
    }

    private static CopyOutcome copyTo(BackupStore store, StoredBackup backup, Retention retention, JobContext context) {
        Path temp;
        try {
            temp = store.createTemp(backup.manifest().file());
        } catch (IOException e) {
            return failed(store, backup, e);
        }
        CopyOutcome outcome = copyVia(temp, store, backup, retention, context);
        try {
            Files.deleteIfExists(temp);
            return outcome;
        } catch (IOException e) {
            String leftover = "the temp file " + temp.getFileName() + " could not be removed (" + e.getMessage()
                    + "); it is removed at the next start";
            return new CopyOutcome(store.directory(), backup.id(), outcome.ok() ? leftover : outcome.problem() + "; " + leftover);
        }
    }

    private static CopyOutcome copyVia(Path temp, BackupStore store, StoredBackup backup, Retention retention,
                                       JobContext context) {
        BackupManifest manifest = backup.manifest();
        try {
            try (InputStream in = Files.newInputStream(backup.file()); OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            if (context.cancelled()) {
                return new CopyOutcome(store.directory(), backup.id(), "cancelled before the copy was checked");
            }
            // fsync first, then read back what the destination holds.
            PrivateFiles.fsync(temp);
            String copied = BackupStore.hashFile(temp, context::cancelled);
            if (!copied.equals(manifest.sha256())) {
                return new CopyOutcome(store.directory(), backup.id(), "the copy of " + manifest.file() + " in "
                        + store.directory() + " has SHA-256 " + copied + ", not " + manifest.sha256()
                        + "; check that disk or share; the primary backup is intact");
            }
            Path placed = store.moveIntoPlace(temp, manifest.file());
            store.remember(placed, copied);
            store.writeManifest(manifest);
            StoredRetention.apply(store, retention);
            return new CopyOutcome(store.directory(), backup.id(), null);
        } catch (IOException | RuntimeException e) {
            return failed(store, backup, e);
        }
    }

    private static CopyOutcome failed(BackupStore store, StoredBackup backup, Exception e) {
        return new CopyOutcome(store.directory(), backup.id(), "copying " + backup.manifest().file() + " to "
                + store.directory() + " failed: " + e.getMessage() + "; check that disk or share; the primary backup is intact");
    }
}
