package io.github.sqliteconsole.benchmarks;

import io.github.sqliteconsole.core.backup.BackupKind;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.RestoreResult;
import io.github.sqliteconsole.core.backup.StoredBackup;
import io.github.sqliteconsole.core.backup.StoredBackupOptions;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Stored backups against the {@code sqlite3} shell on the same file: a backup (copy, fsync,
 * quick_check, rows per table, SHA-256, manifest) against {@code .backup}, the same gzipped against
 * {@code .backup} and {@code gzip -1}, and a restore into a live
 * database (SHA-256 and checks first, a before-restore backup, the copy, checks after) against
 * {@code .restore}, then the host writer's pace while the console restores.
 */
final class StoredBackupBenchmarks {

    private StoredBackupBenchmarks() {
    }

    static List<Result> run(Path database, Path workDir, int runs) throws Exception {
        List<Result> results = new ArrayList<>();
        Path store = workDir.resolve("stored-backups");
        Path shellCopy = workDir.resolve("shell-backup.db");
        deleteTree(store);
        ConsoleConnections connections = new ConsoleConnections(Duration.ofSeconds(1));
        // Uncompressed, as the shell's copy: gzip would add its own time to one side only.
        StoredBackups backups = StoredBackups.open(StoredBackupOptions.builder(store).compression(false).build(),
                database, connections, Clock.systemUTC());
        List<Measurement> backup = BackupAndLoadBenchmarks.interleaved(Math.min(runs, 2),
                () -> backups.backUp(BackupKind.MANUAL, JobContext.NONE),
                () -> SqliteShell.backup(database, shellCopy));
        results.add(new Result("stored backup (copy, fsync, quick_check, rows per table, SHA-256, manifest)", backup.get(0),
                "sqlite3 .backup", backup.get(1), null, "uncompressed; the shell's copy is fsynced by SQLite"));

        // The restore writes into the live file: a copy of the benchmark database stands in for it.
        Path live = workDir.resolve("restore-live.db");
        Path shellLive = workDir.resolve("restore-shell.db");
        Files.copy(database, live, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(database, shellLive, StandardCopyOption.REPLACE_EXISTING);
        StoredBackups restoring = StoredBackups.open(StoredBackupOptions.builder(store).compression(false)
                .allowRestore(true).build(), live, connections, Clock.systemUTC());
        // Retention and each restore's before-restore backup change the list: restore the newest.
        Path backupFile = newest(restoring).file();
        Path shellBackup = workDir.resolve("shell-restore-from.db");
        Files.copy(backupFile, shellBackup, StandardCopyOption.REPLACE_EXISTING);
        List<RestoreResult> restored = new ArrayList<>();
        List<Measurement> restore = BackupAndLoadBenchmarks.interleaved(Math.min(runs, 2),
                () -> restored.add(restoring.restore(newest(restoring).id(), JobContext.NONE)),
                () -> SqliteShell.restore(shellLive, shellBackup));
        RestoreResult last = restored.get(restored.size() - 1);
        results.add(new Result("restore a stored backup into the live database", restore.get(0), "sqlite3 .restore",
                restore.get(1), null, String.format(Locale.ROOT, "includes its before-restore backup; the copy itself %d ms;"
                        + " quick_check after: %s; foreign key violations: %d", last.copyTime().toMillis(), last.quickCheck(),
                        last.foreignKeyViolations())));

        try (HostWriter writer = new HostWriter(live)) {
            double alone = writer.millisPerCommit(null, 2000);
            double during = writer.millisPerCommit(() -> restoring.restore(newest(restoring).id(), JobContext.NONE), 0);
            results.add(new Result("host writer while restore", new Measurement(List.of(during)), "host writer alone",
                    new Measurement(List.of(alone)), null, String.format(Locale.ROOT, "%.0f vs %.0f commits/s (paced at %d);"
                            + " it waits while the copy holds the write lock; %d busy errors",
                    1000 / during, 1000 / alone, HostWriter.COMMITS_PER_SECOND, writer.busyErrors())));
        }
        // After the restores: they restore the newest backup, which must be uncompressed as the shell's.
        StoredBackups gzipped = StoredBackups.open(StoredBackupOptions.builder(store).build(), database, connections,
                Clock.systemUTC());
        AtomicLong consoleBytes = new AtomicLong();
        AtomicLong shellBytes = new AtomicLong();
        List<Measurement> compressed = BackupAndLoadBenchmarks.interleaved(Math.min(runs, 2),
                () -> consoleBytes.set(gzipped.backUp(BackupKind.MANUAL, JobContext.NONE).backup().manifest().bytes()),
                () -> shellBytes.set(SqliteShell.gzippedBackup(database, shellCopy)));
        results.add(new Result("stored backup, gzip (as above, compressed beside the checks)", compressed.get(0),
                "sqlite3 .backup + gzip -1", compressed.get(1), null, String.format(Locale.ROOT,
                "%.0f MB against the shell's %.0f MB, from %.0f MB", consoleBytes.get() / 1e6, shellBytes.get() / 1e6,
                Files.size(database) / 1e6)));
        Files.deleteIfExists(shellCopy.resolveSibling(shellCopy.getFileName() + ".gz"));

        deleteTree(store);
        for (Path file : List.of(shellCopy, shellBackup, live, shellLive)) {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        }
        return results;
    }

    private static StoredBackup newest(StoredBackups backups) throws Exception {
        return backups.list().stream().map(ListedBackup::backup).filter(backup -> !backup.damaged()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no intact stored backup to restore"));
    }

    private static void deleteTree(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
