package io.github.sqliteconsole.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.backup.BackupKind;
import io.github.sqliteconsole.core.backup.BackupManifest;
import io.github.sqliteconsole.core.backup.BackupStatus;
import io.github.sqliteconsole.core.backup.CopyOutcome;
import io.github.sqliteconsole.core.backup.DrillResult;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.RetentionTier;
import io.github.sqliteconsole.core.backup.StoredBackup;
import io.github.sqliteconsole.core.backup.StoredBackupOptions;
import io.github.sqliteconsole.core.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code GET /api/backups} document is a contract (DESIGN.md): these are its bytes as the
 * release before the manifest and the API shared their mapping wrote them, for a backup with a
 * failed drill, one never drilled and one without a manifest.
 */
class BackupsJsonTest {

    private static final Path STORE = Path.of("/srv/backups");

    @Test
    void theDocumentIsTheSameToTheByte() {
        StoredBackupOptions options = StoredBackupOptions.builder(STORE).interval(Duration.ofMinutes(30))
                .copies(Path.of("/mnt/copy-a"), Path.of("/mnt/copy-b")).allowRestore(true).build();
        DrillResult failed = new DrillResult(Instant.parse("2026-03-02T00:00:01Z"), false, "orders: 10 rows, manifest says 12");
        List<ListedBackup> listed = List.of(
                listed(manifest("app-2", BackupKind.MANUAL, failed), RetentionTier.HOURLY, RetentionTier.DAILY),
                listed(manifest("app-1", BackupKind.SCHEDULED, null)),
                new ListedBackup(new StoredBackup("app-0", STORE.resolve("app-0.db"), null, "no manifest (app-0.db.json)"),
                        EnumSet.of(RetentionTier.YEARLY)));
        BackupStatus status = new BackupStatus(STORE, Duration.ofMinutes(30), Instant.parse("2026-03-03T10:00:00Z"),
                Instant.parse("2026-03-03T09:30:00Z"), null, null,
                List.of(new CopyOutcome(Path.of("/mnt/copy-b"), "app-2", "disk full")), listed);

        assertThat(Json.write(BackupsJson.of(status, options, Instant.parse("2026-03-04T00:00:00Z")))).isEqualTo(API);
    }

    @Test
    void storedBackupsOffKeepsEveryFieldEmpty() {
        assertThat(Json.write(BackupsJson.off())).isEqualTo(OFF);
    }

    private static ListedBackup listed(BackupManifest manifest, RetentionTier... tiers) {
        EnumSet<RetentionTier> in = EnumSet.noneOf(RetentionTier.class);
        in.addAll(List.of(tiers));
        return new ListedBackup(new StoredBackup(manifest.id(), STORE.resolve(manifest.file()), manifest, null), in);
    }

    private static BackupManifest manifest(String id, BackupKind kind, DrillResult drill) {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("customer", 120L);
        tables.put("a<b>\"q\"", 0L);
        return new BackupManifest(id, Instant.parse("2026-03-01T10:15:30.250Z"), kind, "/data/app.db", id + ".db.gz",
                123456789012L, "0123456789abcdef".repeat(4), true, 30141, 4096, "3.50.2", 7, tables, "ok", drill);
    }

    private static final String API = """
                {"store":"/srv/backups","interval":"PT30M","nextRun":"2026-03-03T10:00:00Z",\
                "lastSuccess":"2026-03-03T09:30:00Z","lastFailure":null,"lastFailureMessage":null,"allowRestore":true,\
                "copies":["/mnt/copy-a","/mnt/copy-b"],"copyProblems":[{"directory":"/mnt/copy-b","backup":"app-2",\
                "problem":"disk full"}],"nextDrill":"2026-03-04T00:00:00Z","backups":[{"id":"app-2","file":"app-2.db.gz",\
                "createdAt":"2026-03-01T10:15:30.250Z","kind":"manual","bytes":123456789012,\
                "sha256":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","compressed":true,\
                "tiers":["hourly","daily"],"verification":{"quickCheck":"ok","drill":{"at":"2026-03-02T00:00:01Z","ok":false,\
                "detail":"orders: 10 rows, manifest says 12"}},"tables":{"customer":120,"a\\u003cb\\u003e\\"q\\"":0},\
                "damage":null},{"id":"app-1","file":"app-1.db.gz","createdAt":"2026-03-01T10:15:30.250Z","kind":"scheduled",\
                "bytes":123456789012,"sha256":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",\
                "compressed":true,"tiers":[],"verification":{"quickCheck":"ok","drill":null},"tables":{"customer":120,\
                "a\\u003cb\\u003e\\"q\\"":0},"damage":null},{"id":"app-0","file":"app-0.db","createdAt":null,"kind":null,\
                "bytes":null,"sha256":null,"compressed":null,"tiers":["yearly"],"verification":null,"tables":null,\
                "damage":"no manifest (app-0.db.json)"}]}""";

    private static final String OFF = """
                {"store":null,"interval":null,"nextRun":null,"lastSuccess":null,"lastFailure":null,"lastFailureMessage":null,\
                "allowRestore":false,"copies":[],"copyProblems":[],"nextDrill":null,"backups":[]}""";
}
