package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The manifest file is a contract with the backups already on disk. {@code WRITTEN_BEFORE} is a
 * manifest as the release before {@code core.json} wrote it, byte for byte: today's code reads it
 * back to the same record and writes the same bytes, but for markup, which it now escapes.
 */
class BackupManifestFormatTest {

    /** Quotes, a backslash, a control character, a line break and a non-ASCII letter; a failed drill. */
    private static final String WRITTEN_BEFORE = """
            {
              "id": "app-20260301T101530Z",
              "createdAt": "2026-03-01T10:15:30.250Z",
              "kind": "scheduled",
              "source": "/data/app.db",
              "file": "app-20260301T101530Z.db.gz",
              "bytes": 123456789012,
              "sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
              "compressed": true,
              "pageCount": 30141,
              "pageSize": 4096,
              "sqliteVersion": "3.50.2",
              "userVersion": -7,
              "tables": {
                "customer": 120,
                "we\\"ird \\\\ name\\u0001\\né": 0,
                "empty": 0
              },
              "verification": {
                "quickCheck": "ok",
                "drill": {
                  "at": "2026-03-02T00:00:01Z",
                  "ok": false,
                  "detail": "orders: 10 rows, manifest says \\"12\\"\\t\\\\ é"
                }
              }
            }
            """;

    private static final String ODD_TABLE = "we\"ird \\ name\u0001\n\u00e9";
    private static final String MARKUP_TABLE = "a<b>&c\u2028d";
    private static final DrillResult FAILED_DRILL = new DrillResult(Instant.parse("2026-03-02T00:00:01Z"), false,
            "orders: 10 rows, manifest says \"12\"\t\\ \u00e9");

    /** How the old writer put that table name in the manifest. */
    private static final String ODD_TABLE_JSON = "\"we\\\"ird \\\\ name\\u0001\\n\u00e9\"";

    @Test
    void writesTheBytesTheOldCodeWrote() {
        assertThat(manifest(FAILED_DRILL, ODD_TABLE).toJson()).isEqualTo(WRITTEN_BEFORE);
        assertThat(manifest(null, ODD_TABLE).toJson()).as("never drilled")
                .isEqualTo(WRITTEN_BEFORE.replaceAll("\"drill\": \\{[^}]*}", "\"drill\": null"));
    }

    @Test
    void readsWhatTheOldCodeWrote() {
        assertThat(BackupManifest.fromJson(WRITTEN_BEFORE)).isEqualTo(manifest(FAILED_DRILL, ODD_TABLE));
        // The old writer put markup and U+2028 in raw.
        String markupWrittenBefore = WRITTEN_BEFORE.replace(ODD_TABLE_JSON, "\"" + MARKUP_TABLE + "\"");
        assertThat(BackupManifest.fromJson(markupWrittenBefore)).isEqualTo(manifest(FAILED_DRILL, MARKUP_TABLE));
    }

    /** The one difference: the shared writer escapes markup and U+2028 as the JSON API always did; same JSON value. */
    @Test
    void markupIsEscapedNowAndReadsBackTheSame() {
        BackupManifest manifest = manifest(FAILED_DRILL, MARKUP_TABLE);
        String json = manifest.toJson();
        assertThat(json).isEqualTo(WRITTEN_BEFORE.replace(ODD_TABLE_JSON, "\"a\\u003cb\\u003e\\u0026c\\u2028d\""));
        assertThat(BackupManifest.fromJson(json)).isEqualTo(manifest);
    }

    private static BackupManifest manifest(DrillResult drill, String oddTable) {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("customer", 120L);
        tables.put(oddTable, 0L);
        tables.put("empty", 0L);
        return new BackupManifest("app-20260301T101530Z", Instant.parse("2026-03-01T10:15:30.250Z"), BackupKind.SCHEDULED,
                "/data/app.db", "app-20260301T101530Z.db.gz", 123456789012L, "0123456789abcdef".repeat(4), true, 30141,
                4096, "3.50.2", -7, tables, "ok", drill);
    }
}
