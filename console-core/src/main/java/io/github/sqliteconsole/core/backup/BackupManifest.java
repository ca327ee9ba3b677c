package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the console knows about one stored backup, written beside it as {@code <file>.json} after
 * the backup file is in place: a file without its manifest is not a backup.
 *
 * @param id            the file name without {@code .db}/{@code .db.gz}
 * @param source        the database file the backup was taken of
 * @param file          the backup's file name in the store
 * @param bytes         the stored file's size (of the .gz when compressed)
 * @param sha256        SHA-256 of the stored file in lower-case hex, as {@code sha256sum} prints it
 * @param tables        rows per table at the time of the backup, in schema order
 * @param quickCheck    "ok" (a backup is only stored when its quick_check said ok)
 * @param drill         the last restore drill, null before the first
 */
public record BackupManifest(String id, Instant createdAt, BackupKind kind, String source, String file, long bytes,
                             String sha256, boolean compressed, long pageCount, long pageSize, String sqliteVersion,
                             long userVersion, Map<String, Long> tables, String quickCheck, DrillResult drill) {

    public BackupManifest {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** This manifest with {@code result} as its last drill. */
    public BackupManifest withDrill(DrillResult result) {
        return new BackupManifest(id, createdAt, kind, source, file, bytes, sha256, compressed, pageCount, pageSize,
                sqliteVersion, userVersion, tables, quickCheck, result);
    }

    /** True once a restore drill of this backup passed. */
    public boolean proven() {
        return drill != null && drill.ok();
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("createdAt", createdAt.toString());
        json.put("kind", kind.label());
        json.put("source", source);
        json.put("file", file);
        json.put("bytes", bytes);
        json.put("sha256", sha256);
        json.put("compressed", compressed);
        json.put("pageCount", pageCount);
        json.put("pageSize", pageSize);
        json.put("sqliteVersion", sqliteVersion);
        json.put("userVersion", userVersion);
        json.put("tables", tables);
        json.put("verification", verificationJson());
        return Json.writeIndented(json);
    }

    /**
     * The {@code verification} object, the same in the manifest file and in {@code GET /api/backups}:
     * {@code quickCheck}, and the last drill as {@code at}, {@code ok}, {@code detail} (null before the first).
     */
    public Map<String, Object> verificationJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("quickCheck", quickCheck);
        if (drill == null) {
            json.put("drill", null);
        } else {
            Map<String, Object> drillJson = new LinkedHashMap<>();
            drillJson.put("at", drill.at().toString());
            drillJson.put("ok", drill.ok());
            drillJson.put("detail", drill.detail());
            json.put("drill", drillJson);
        }
        return json;
    }

    /** Reads a manifest; any missing or mistyped field is an {@link IllegalArgumentException} naming it. */
    static BackupManifest fromJson(String text) {
        Map<String, Object> json = object(ManifestJson.parse(text), "the manifest");
        Map<String, Long> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> table : object(json.get("tables"), "tables").entrySet()) {
            tables.put(table.getKey(), number(table.getValue(), "tables." + table.getKey()));
        }
        Map<String, Object> verification = object(json.get("verification"), "verification");
        DrillResult drill = null;
        if (verification.get("drill") != null) {
            Map<String, Object> drillJson = object(verification.get("drill"), "verification.drill");
            drill = new DrillResult(instant(drillJson.get("at"), "verification.drill.at"),
                    bool(drillJson.get("ok"), "verification.drill.ok"), text(drillJson.get("detail"), "verification.drill.detail"));
        }
        return new BackupManifest(text(json.get("id"), "id"), instant(json.get("createdAt"), "createdAt"),
                kind(json.get("kind")), text(json.get("source"), "source"), text(json.get("file"), "file"),
                number(json.get("bytes"), "bytes"), text(json.get("sha256"), "sha256"),
                bool(json.get("compressed"), "compressed"), number(json.get("pageCount"), "pageCount"),
                number(json.get("pageSize"), "pageSize"), text(json.get("sqliteVersion"), "sqliteVersion"),
                number(json.get("userVersion"), "userVersion"), tables,
                text(verification.get("quickCheck"), "verification.quickCheck"), drill);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String field) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw missing(field, "an object");
    }

    private static String text(Object value, String field) {
        if (value instanceof String s) {
            return s;
        }
        throw missing(field, "a string");
    }

    private static long number(Object value, String field) {
        if (value instanceof Long n) {
            return n;
        }
        throw missing(field, "a whole number");
    }

    private static boolean bool(Object value, String field) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw missing(field, "true or false");
    }

    private static Instant instant(Object value, String field) {
        try {
            return Instant.parse(text(value, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the manifest's " + field + " is not an ISO-8601 instant", e);
        }
    }

    private static BackupKind kind(Object value) {
        return BackupKind.ofLabel(text(value, "kind"));
    }

    private static IllegalArgumentException missing(String field, String type) {
        return new IllegalArgumentException("the manifest's " + field + " is missing or not " + type);
    }
}
