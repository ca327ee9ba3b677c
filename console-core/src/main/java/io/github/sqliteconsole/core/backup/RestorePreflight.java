package io.github.sqliteconsole.core.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What a restore would do, for the confirmation: which backup (and when it was taken), the live
 * database it replaces and its size, and about how long the host's writers wait during the copy.
 *
 * @param backupBytes         the backup's database size (unpacked)
 * @param storedBytes         the stored file's size (of the .gz when compressed), as the list shows it
 * @param liveBytes           the live database's size now (page count × page size)
 * @param liveJournalMode     "wal", "delete", ...
 * @param estimatedWriterWait the copy's duration estimated from the size and a measured copy rate
 */
public record RestorePreflight(String backupId, Instant backupCreatedAt, long backupBytes, long storedBytes,
                               boolean compressed, Path liveFile,
                               long liveBytes, String liveJournalMode, Duration estimatedWriterWait) {

    /** "writers wait about 3 s", for the confirmation. */
    public String writerWaitMessage() {
        long seconds = Math.max(1, (estimatedWriterWait.toMillis() + 999) / 1000);
        return "writers wait about " + seconds + " s";
    }
}
