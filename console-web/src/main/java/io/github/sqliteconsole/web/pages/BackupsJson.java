package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.backup.BackupManifest;
import io.github.sqliteconsole.core.backup.BackupStatus;
import io.github.sqliteconsole.core.backup.CopyOutcome;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.RetentionTier;
import io.github.sqliteconsole.core.backup.StoredBackupOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code GET /api/backups} document of DESIGN.md, plus {@code damage} per backup and
 * {@code allowRestore}, {@code copies}, {@code copyProblems}, {@code nextDrill} and
 * {@code lastFailureMessage} at the top. Instants and intervals are ISO-8601 strings.
 */
final class BackupsJson {

    private BackupsJson() {
    }

    /** Stored backups off: the same fields, nothing in them. */
    static Map<String, Object> off() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("store", null);
        json.put("interval", null);
        json.put("nextRun", null);
        json.put("lastSuccess", null);
        json.put("lastFailure", null);
        json.put("lastFailureMessage", null);
        json.put("allowRestore", false);
        json.put("copies", List.of());
        json.put("copyProblems", List.of());
        json.put("nextDrill", null);
        json.put("backups", List.of());
        return json;
    }

    static Map<String, Object> of(BackupStatus status, StoredBackupOptions options, Instant nextDrill) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("store", status.store().toString());
        json.put("interval", status.interval().toString());
        json.put("nextRun", iso(status.nextRun()));
        json.put("lastSuccess", iso(status.lastSuccess()));
        json.put("lastFailure", iso(status.lastFailure()));
        json.put("lastFailureMessage", status.lastFailureMessage());
        json.put("allowRestore", options.allowRestore());
        json.put("copies", options.copies().stream().map(Path::toString).toList());
        json.put("copyProblems", status.copyProblems().stream().map(BackupsJson::copyProblem).toList());
        json.put("nextDrill", iso(nextDrill));
        json.put("backups", status.backups().stream().map(BackupsJson::backup).toList());
        return json;
    }

    private static Map<String, Object> backup(ListedBackup listed) {
        BackupManifest manifest = listed.backup().manifest();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", listed.backup().id());
        json.put("file", listed.backup().file().getFileName().toString());
        // A damaged backup may have no readable manifest: then only its id, file and damage are known.
        json.put("createdAt", manifest == null ? null : manifest.createdAt().toString());
        json.put("kind", manifest == null ? null : manifest.kind().label());
        json.put("bytes", manifest == null ? null : manifest.bytes());
        json.put("sha256", manifest == null ? null : manifest.sha256());
        json.put("compressed", manifest == null ? null : manifest.compressed());
        json.put("tiers", listed.tiers().stream().map(RetentionTier::label).toList());
        json.put("verification", manifest == null ? null : manifest.verificationJson());
        json.put("tables", manifest == null ? null : manifest.tables());
        json.put("damage", listed.backup().damage());
        return json;
    }

    private static Map<String, Object> copyProblem(CopyOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("directory", outcome.directory().toString());
        json.put("backup", outcome.backupId());
        json.put("problem", outcome.problem());
        return json;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
