package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The JVM {@link CrashTest} kills with {@code kill -9}: runs a stored backup or a restore and
 * writes a marker file when it reaches the step the test wants to interrupt.
 *
 * <p>Arguments: {@code backup|restore <database> <store> <marker> [backup id]}.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path database = Path.of(args[1]);
        Path marker = Path.of(args[3]);
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(Path.of(args[2])).allowRestore(true).build(),
                database, new ConsoleConnections(Duration.ofSeconds(5)), Clock.systemUTC());
        CountDownLatch never = new CountDownLatch(1);
        JobContext context = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                if (mode.equals("backup") && message.startsWith("verifying the copy")) {
                    // The copy sits under its temp name, about to be checked and compressed: wait here to be killed.
                    mark(marker, message);
                    awaitForever(never);
                }
                if (mode.equals("restore") && message.startsWith("copying " + args[4] + " into ")) {
                    // The copy starts when this returns; it spills pages into the (truncated) WAL as
                    // it goes and commits at its end, so a WAL past 1 MiB means "in the middle".
                    watchWal(database, marker);
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        if (mode.equals("backup")) {
            backups.backUp(BackupKind.MANUAL, context);
        } else {
            backups.restore(args[4], context);
        }
        mark(marker.resolveSibling(marker.getFileName() + ".done"), "finished");
    }

    private static void watchWal(Path database, Path marker) {
        Path wal = database.resolveSibling(database.getFileName() + "-wal");
        Thread watcher = new Thread(() -> {
            while (true) {
                long size = wal.toFile().length();
                if (size > (1 << 20)) {
                    mark(marker, "mid-copy: the WAL holds " + size + " bytes");
                    return;
                }
                Thread.onSpinWait();
            }
        }, "wal-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void mark(Path marker, String message) {
        try {
            // Written aside and renamed: the test must never see the marker before its text.
            Path partial = marker.resolveSibling(marker.getFileName() + ".partial");
            Files.writeString(partial, message);
            Files.move(partial, marker, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitForever(CountDownLatch never) {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
