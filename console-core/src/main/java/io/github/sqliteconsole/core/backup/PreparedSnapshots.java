package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.PreparedBackup;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots a backup job has prepared, waiting for their download: each is handed out once, and
 * deleted when nobody fetched it in time, so an abandoned backup does not fill the disk.
 */
public final class PreparedSnapshots implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(PreparedSnapshots.class.getName());

    private final Map<String, Snapshot> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Duration keep;
    private final Clock clock;

    public PreparedSnapshots(ScheduledExecutorService timer, Duration keep, Clock clock) {
        this.timer = timer;
        this.keep = keep;
        this.clock = clock;
    }

    /** Keeps {@code snapshot} for its download; it is closed (deleted) if still here after the keep time. */
    public PreparedBackup add(Snapshot snapshot) {
        String key = UUID.randomUUID().toString();
        waiting.put(key, snapshot);
        try {
            timer.schedule(() -> expire(key), keep.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The console is closing: nobody could fetch it, and nothing would ever delete it.
            waiting.remove(key);
            closeQuietly(snapshot);
            throw new IllegalStateException("the console is closing; the prepared backup was deleted", e);
        }
        return new PreparedBackup(key, snapshot.downloadName(), snapshot.bytes(), snapshot.sha256Base64(),
                snapshot.pageCount(), snapshot.gzip(), clock.instant().plus(keep));
    }

    /** Hands the snapshot over, once; the caller closes it after the transfer. */
    public Optional<Snapshot> take(String key) {
        return Optional.ofNullable(waiting.remove(key));
    }

    private void expire(String key) {
        Snapshot expired = waiting.remove(key);
        if (expired != null) {
            LOGGER.log(Level.INFO, "SQLite Console deleted a prepared backup nobody downloaded within " + keep.toMinutes() + " min");
            closeQuietly(expired);
        }
    }

    @Override
    public void close() {
        waiting.keySet().forEach(key -> take(key).ifPresent(PreparedSnapshots::closeQuietly));
    }

    private static void closeQuietly(Snapshot snapshot) {
        try {
            snapshot.close();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, e.getMessage());
        }
    }
}
