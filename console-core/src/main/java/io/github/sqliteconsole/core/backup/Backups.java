package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobState;
import io.github.sqliteconsole.core.job.PreparedBackup;
import io.github.sqliteconsole.core.sql.HostDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Verified snapshots of the host database: a plain download takes one now, a {@code backup} job
 * prepares one that waits {@link PreparedBackup#KEPT} for its download. One snapshot is taken at a
 * time (the copy is what loads disk and CPU): a plain download holds that slot until its file is sent
 * and deleted, a job only while it copies. A prepared file that merely waits holds the one waiting
 * slot instead, so it does not block a one-request download, and the disk holds at most two
 * snapshots: one waiting and one being taken or sent.
 * Also the way to the stored backups, for the console's users.
 */
public final class Backups implements AutoCloseable {

    /** A client sees a download's last byte a moment before the server deletes its temp file. */
    private static final Duration SNAPSHOT_SLOT_WAIT = Duration.ofSeconds(1);

    private final HostDatabase database;
    private final SnapshotBackup snapshots;
    private final PreparedSnapshots prepared;
    private final ScheduledBackups stored;
    private final Semaphore taking = new Semaphore(1);
    private final Semaphore waiting = new Semaphore(1);

    /**
     * @param tempDirectory where snapshots are written before they are sent
     * @param diskReserve   free bytes a snapshot must leave to the host
     * @param stored        the stored backups and their schedule
     * @param timer         deletes prepared snapshots nobody fetched in time
     */
    public Backups(HostDatabase database, Path tempDirectory, long diskReserve, ScheduledBackups stored,
                   ScheduledExecutorService timer, Clock clock) {
        this.database = database;
        this.stored = stored;
        this.snapshots = new SnapshotBackup(tempDirectory, diskReserve, database.connections(), clock);
        this.prepared = new PreparedSnapshots(timer, PreparedBackup.KEPT, clock);
        snapshots.removeLeftovers();
    }

    /**
     * A verified, consistent snapshot in a temp file; close it to delete the file. Waits briefly for
     * the slot, so that a script downloading twice in a row does not get a 409 for that moment.
     *
     * @throws JobConflict when another snapshot is being taken or sent
     */
    public Snapshot take(boolean gzip) throws JobConflict, SQLException, IOException {
        if (!awaitTakingSlot()) {
            throw conflict("a snapshot is being taken or sent");
        }
        try {
            return snapshots.take(database.file(), gzip).onClose(taking::release);
        } catch (SQLException | IOException | RuntimeException e) {
            taking.release();
            throw e;
        }
    }

    /**
     * Takes a verified snapshot as a {@code backup} job with progress; its result waits for one
     * download through {@link #takePrepared(String)} and holds the waiting slot until then.
     *
     * @throws JobConflict when another snapshot is being taken or a prepared one waits for its download
     */
    public JobSnapshot prepare(JobManager jobs, Duration deadline, boolean gzip) throws JobConflict {
        if (!waiting.tryAcquire()) {
            throw conflict("a prepared snapshot waits for its download");
        }
        if (!taking.tryAcquire()) {
            waiting.release();
            throw conflict("a snapshot is being taken or sent");
        }
        try {
            return jobs.start(JobKind.BACKUP.apiName(), deadline, context -> {
                Snapshot taken;
                try {
                    taken = snapshots.take(database.file(), gzip, context);
                } catch (Exception | Error e) {
                    // An Error too: a leaked permit would refuse every later backup until a restart.
                    releaseBoth();
                    throw e;
                }
                // Copied: it now only waits, and a one-request download may take the next one.
                taking.release();
                Snapshot held = taken.onClose(waiting::release);
                if (context.cancelled()) {
                    held.close();
                    throw new IOException("the backup was cancelled");
                }
                return prepared.add(held);
            });
        } catch (JobConflict | RuntimeException e) {
            releaseBoth();
            throw e;
        }
    }

    private void releaseBoth() {
        taking.release();
        waiting.release();
    }

    /** The snapshot a backup job prepared, once; close it after the transfer to delete it. */
    public Optional<Snapshot> takePrepared(String key) {
        return prepared.take(key);
    }

    /**
     * The stored backups, empty when {@code backupStore} is not set.
     *
     * @throws IOException  when the store cannot be used (a directory others can write, say), with what to do
     * @throws SQLException when the database's file cannot be found yet
     */
    public Optional<StoredBackups> stored() throws IOException, SQLException {
        return stored.stored();
    }

    private boolean awaitTakingSlot() {
        try {
            return taking.tryAcquire(SNAPSHOT_SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JobConflict conflict(String why) {
        return new JobConflict(new JobSnapshot("snapshot", JobKind.BACKUP.apiName(), JobState.RUNNING, 0,
                why, Instant.now(), null, null, null));
    }

    /** Deletes prepared snapshots nobody fetched. */
    @Override
    public void close() {
        prepared.close();
    }
}
