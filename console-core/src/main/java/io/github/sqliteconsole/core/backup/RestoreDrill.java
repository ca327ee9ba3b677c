package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.job.JobContext;
import io.github.sqliteconsole.core.sql.ConsoleConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Proves a stored backup: restores it into a 0600 temp file (checking its SHA-256 on the way),
 * runs {@code integrity_check} and compares the rows per table with the manifest. The result is
 * written into the manifest (atomically); a backup is "proven" only after a drill passed.
 */
public final class RestoreDrill {

    private final BackupStore store;
    private final ConsoleConnections connections;
    private final Clock clock;

    public RestoreDrill(BackupStore store, ConsoleConnections connections, Clock clock) {
        this.store = store;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * Drills {@code backup} and records the outcome in its manifest. A damaged or altered backup
     * gives a failed result (its detail says why), not an exception; a backup without a manifest
     * cannot hold a result and is refused.
     */
    public DrillResult drill(StoredBackup backup, JobContext context) throws IOException, SQLException, RestoreRefused {
        if (backup.manifest() == null) {
            throw new RestoreRefused("backup " + backup.id() + " cannot be drilled: " + backup.damage());
        }
        DrillResult result;
        try {
            result = run(backup, context);
        } catch (SQLException | IOException e) {
            if (context.cancelled()) {
                throw new IOException("the restore drill of " + backup.id() + " was cancelled; nothing was recorded", e);
            }
            throw e;
        }
        store.writeManifest(backup.manifest().withDrill(result));
        return result;
    }

    private DrillResult run(StoredBackup backup, JobContext context) throws IOException, SQLException {
        context.progress(0, "restoring " + backup.id() + " into a temp file");
        Path restored;
        try {
            restored = UnpackBackup.unpack(store, backup, context, 0, 0.5);
        } catch (RestoreRefused e) {
            return new DrillResult(clock.instant(), false, e.getMessage());
        }
        try {
            context.progress(0.5, "integrity_check of the restored " + backup.id());
            try (Connection check = connections.openReadOnly(restored)) {
                String verdict = BackupFacts.check(check, "integrity_check", context);
                if (context.cancelled()) {
                    throw new IOException("the restore drill of " + backup.id() + " was cancelled; nothing was recorded");
                }
                if (!"ok".equals(verdict)) {
                    return new DrillResult(clock.instant(), false, "integrity_check of the restored backup: " + verdict);
                }
                context.progress(0.8, "comparing rows per table with the manifest of " + backup.id());
                List<String> differences = compare(backup.manifest().tables(), BackupFacts.rowCounts(check, context, false));
                if (!differences.isEmpty()) {
                    return new DrillResult(clock.instant(), false, String.join("; ", differences));
                }
            }
            return new DrillResult(clock.instant(), true, "ok: SHA-256, integrity_check and "
                    + backup.manifest().tables().size() + " tables' row counts match");
        } finally {
            Files.deleteIfExists(restored);
            Files.deleteIfExists(restored.resolveSibling(restored.getFileName() + "-journal"));
        }
    }

    private static List<String> compare(Map<String, Long> expected, Map<String, Long> actual) {
        List<String> differences = new ArrayList<>();
        expected.forEach((table, rows) -> {
            if (!Objects.equals(actual.get(table), rows)) {
                differences.add(table + ": " + (actual.containsKey(table) ? actual.get(table) + " rows" : "missing")
                        + ", the manifest says " + rows);
            }
        });
        actual.keySet().stream().filter(table -> !expected.containsKey(table))
                .forEach(table -> differences.add(table + ": not in the manifest"));
        return differences;
    }
}
