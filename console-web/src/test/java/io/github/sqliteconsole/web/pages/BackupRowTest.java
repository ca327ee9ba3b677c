package io.github.sqliteconsole.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.backup.BackupKind;
import io.github.sqliteconsole.core.backup.BackupManifest;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.StoredBackup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupRowTest {

    @Test
    void aBeforeRestoreBackupOfADamagedDatabaseSaysSoInsteadOfNotDrilled() {
        BackupRow sound = BackupRow.of(listed("ok"));
        BackupRow damaged = BackupRow.of(listed("purchase_order: *** in database main *** Page 7: btreeInitPage() returns error code 11"));

        assertThat(sound.drill()).isEqualTo("not drilled");
        assertThat(sound.drillFailed()).isFalse();
        assertThat(damaged.drill()).isEqualTo(
                "damaged when taken: purchase_order: *** in database main *** Page 7: btreeInitPage() returns error code 11");
        assertThat(damaged.drillFailed()).isTrue();
        assertThat(damaged.proven()).isFalse();
        assertThat(sound.restorable()).isTrue();
        assertThat(damaged.restorable()).as("a restore of it is refused, so it is not offered").isFalse();
    }

    @Test
    void theShortDigestIsTwelveDigitsAndSurvivesAHandEditedManifest() {
        assertThat(BackupRow.of(listed("ok", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .shortSha256()).isEqualTo("9f86d081884c…");
        assertThat(BackupRow.of(listed("ok", "00")).shortSha256()).isEqualTo("00");
    }

    private static ListedBackup listed(String quickCheck) {
        return listed(quickCheck, "00");
    }

    private static ListedBackup listed(String quickCheck, String sha256) {
        BackupManifest manifest = new BackupManifest("shop-20261124T170000Z", Instant.parse("2026-11-24T17:00:00Z"),
                BackupKind.BEFORE_RESTORE, "/data/shop.db", "shop-20261124T170000Z.db.gz", 4096, sha256, true, 1, 4096,
                "3.54.1", 0, Map.of("supplier", 50L), quickCheck, null);
        return new ListedBackup(new StoredBackup(manifest.id(), Path.of("shop-20261124T170000Z.db.gz"), manifest, null),
                Set.of());
    }
}
