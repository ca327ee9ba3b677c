package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.backup.BackupManifest;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.RetentionTier;
import io.github.sqliteconsole.core.backup.StoredBackup;
import io.github.sqliteconsole.web.view.Links;
import java.time.Instant;
import java.util.List;

/**
 * One stored backup as a row of the Backup page. A damaged backup may have no manifest, so
 * {@code createdAt}, {@code kind}, {@code bytes} and {@code sha256} may be null.
 *
 * @param path      the id percent-encoded, for {@code backups/{path}/download} and {@code .../restore}
 * @param sha256    in lower-case hex, as {@code sha256sum} prints it
 * @param drill     "proven", "drill failed: …" or "not drilled"
 */
public record BackupRow(String id, String path, String fileName, Instant createdAt, String kind, Long bytes,
                        String sha256, List<String> tiers, String drill, boolean proven, String damage) {

    private static final String DAMAGED_WHEN_TAKEN = "damaged when taken: ";

    static BackupRow of(ListedBackup listed) {
        StoredBackup backup = listed.backup();
        BackupManifest manifest = backup.manifest();
        List<String> tiers = listed.tiers().stream().map(RetentionTier::label).toList();
        String fileName = backup.file().getFileName().toString();
        if (manifest == null) {
            return new BackupRow(backup.id(), Links.encode(backup.id()), fileName, null, null, null, null, tiers,
                    "not drilled", false, backup.damage());
        }
        return new BackupRow(backup.id(), Links.encode(backup.id()), fileName, manifest.createdAt(),
                manifest.kind().label(), manifest.bytes(), manifest.sha256(), tiers, drillStatus(manifest),
                manifest.proven(), backup.damage());
    }

    private static String drillStatus(BackupManifest manifest) {
        if (!"ok".equals(manifest.quickCheck())) {
            // A before-restore backup keeps a damaged database as it was found.
            return DAMAGED_WHEN_TAKEN + manifest.quickCheck();
        }
        if (manifest.drill() == null) {
            return "not drilled";
        }
        return manifest.drill().ok() ? "proven" : "drill failed: " + manifest.drill().detail();
    }

    /** The first 12 digits of the SHA-256 (a hand-edited manifest may hold fewer). */
    public String shortSha256() {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
    }

    /** Offered for restore: intact, and not a before-restore backup of a database damaged when taken. */
    public boolean restorable() {
        return !damaged() && !drill.startsWith(DAMAGED_WHEN_TAKEN);
    }

    public boolean damaged() {
        return damage != null;
    }

    public boolean drillFailed() {
        return drill.startsWith("drill failed") || drill.startsWith(DAMAGED_WHEN_TAKEN);
    }
}
