package io.github.sqliteconsole.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {

    private final SqliteConsole.Builder builder = SqliteConsole.builder(TestDatabases.wellConfigured(Path.of("unused.db")));

    @Test
    void badValuesAreRejectedWithWhatToSet() {
        assertThatThrownBy(() -> builder.busyTimeout(Duration.ZERO)).hasMessageContaining("busyTimeout must be positive");
        assertThatThrownBy(() -> builder.freelistThreshold(1.5)).hasMessageContaining("freelistThreshold").hasMessageContaining("0.25");
        assertThatThrownBy(() -> builder.diskReserve(-1)).hasMessageContaining("diskReserve cannot be negative");
        assertThatThrownBy(() -> builder.walSizeThreshold(-1)).hasMessageContaining("walSizeThreshold");
        assertThatThrownBy(() -> SqliteConsole.builder(null)).hasMessageContaining("dataSource");
    }

    @Test
    void settersKeepEarlierValues() {
        try (SqliteConsole console = builder.busyTimeout(Duration.ofMillis(250)).walSizeThreshold(1234).build()) {
            assertThat(console.options().busyTimeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(console.options().walSizeThreshold()).isEqualTo(1234);
            assertThat(console.options().quickCheckInterval()).isEqualTo(ConsoleOptions.DEFAULT_QUICK_CHECK_INTERVAL);
        }
    }

    @Test
    void everyOptionRejectsABadValueNamingItAndWhatToSet() {
        assertThatThrownBy(() -> builder.busyTimeout(null)).hasMessage("busyTimeout must be set, was null; leave it out to keep the default");
        assertThatThrownBy(() -> builder.busyTimeout(Duration.ofMillis(-1)))
                .hasMessage("busyTimeout must be positive, was PT-0.001S; e.g. Duration.ofSeconds(1)");
        assertThatThrownBy(() -> builder.busyTimeout(Duration.ofDays(30))).hasMessage("busyTimeout is too long: PT720H; keep it to seconds");
        assertThatThrownBy(() -> builder.hostBorrowTimeout(Duration.ZERO)).hasMessageStartingWith("hostBorrowTimeout must be positive, was PT0S; ");
        assertThatThrownBy(() -> builder.quickCheckInterval(Duration.ZERO)).hasMessageStartingWith("quickCheckInterval must be positive");
        assertThatThrownBy(() -> builder.quickCheckBudget(Duration.ZERO)).hasMessageStartingWith("quickCheckBudget must be positive");
        assertThatThrownBy(() -> builder.jobDeadline(Duration.ZERO)).hasMessageStartingWith("jobDeadline must be positive");
        assertThatThrownBy(() -> builder.freelistThreshold(0)).hasMessage("freelistThreshold must be a share between 0 (exclusive) and 1,"
                + " was 0.0; 0.25 warns when a quarter of the file is free pages");
        assertThatThrownBy(() -> builder.freelistThreshold(Double.NaN)).hasMessageStartingWith("freelistThreshold must be a share");
        assertThatThrownBy(() -> builder.walSizeThreshold(0)).hasMessage("walSizeThreshold must be positive bytes, was 0; e.g. 268435456 for 256 MiB");
        assertThatThrownBy(() -> builder.rowCountBudget(Duration.ofSeconds(-1)))
                .hasMessage("rowCountBudget cannot be negative, was PT-1S; use Duration.ZERO to never run count(*)");
        assertThatThrownBy(() -> builder.diskReserve(-1)).hasMessage("diskReserve cannot be negative, was -1; 0 reserves nothing");
        assertThatThrownBy(() -> builder.snapshotDirectory(null)).hasMessageStartingWith("snapshotDirectory must be set");
        assertThatThrownBy(() -> builder.backupStore(null)).hasMessageStartingWith("backupStore must be set");
        assertThatThrownBy(() -> builder.backupRetention(24, -1, 12, 24, 10))
                .hasMessageStartingWith("backupRetention daily cannot be negative (-1)");
        assertThatThrownBy(() -> builder.stateFile(null)).hasMessageStartingWith("stateFile must be set");
        assertThatThrownBy(() -> builder.relations((String[]) null)).hasMessageStartingWith("relations must be set");
        assertThatThrownBy(() -> builder.relations("orders.customer_id")).hasMessageContaining("child.column -> parent.column");
        assertThatThrownBy(() -> builder.executor(null)).hasMessage("executor");
    }

    @Test
    void theRecordChecksWhatTheBuilderChecks() {
        ConsoleOptions defaults = ConsoleOptions.defaults();
        assertThatThrownBy(() -> new ConsoleOptions(defaults.busyTimeout(), defaults.hostBorrowTimeout(), defaults.quickCheckInterval(),
                defaults.quickCheckBudget(), defaults.freelistThreshold(), defaults.walSizeThreshold(), defaults.rowCountBudget(),
                null, Duration.ZERO, defaults.relations(), defaults.snapshotDirectory(), defaults.diskReserve(), null))
                .hasMessageStartingWith("jobDeadline must be positive");
        assertThat(ConsoleOptions.builder().jobDeadline(Duration.ofMinutes(5)).diskReserve(0).build())
                .isEqualTo(new ConsoleOptions(defaults.busyTimeout(), defaults.hostBorrowTimeout(), defaults.quickCheckInterval(),
                        defaults.quickCheckBudget(), defaults.freelistThreshold(), defaults.walSizeThreshold(),
                        defaults.rowCountBudget(), null, Duration.ofMinutes(5), defaults.relations(), defaults.snapshotDirectory(), 0, null));
    }

    @Test
    void storedBackupsAreOffUntilAStoreIsSetAndTakeTheirDefaults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        assertThat(ConsoleOptions.defaults().storedBackups()).isNull();

        var stored = ConsoleOptions.builder().backupStore(temp.resolve("store")).build().storedBackups();

        assertThat(stored.store()).isEqualTo(temp.resolve("store").toAbsolutePath());
        assertThat(stored.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(stored.drillInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(stored.retention()).isEqualTo(new io.github.sqliteconsole.core.backup.Retention(24, 30, 12, 24, 10));
        assertThat(stored.copies()).isEmpty();
        assertThat(stored.allowRestore()).isFalse();
        assertThat(stored.compression()).isTrue();
    }

    @Test
    void aStoredBackupSettingWithoutAStoreIsRefusedNotIgnored() {
        assertThatThrownBy(() -> ConsoleOptions.builder().backupInterval(Duration.ofMinutes(30)).allowRestore(true).build())
                .hasMessage("backupInterval, allowRestore set but backupStore is not; set backupStore to a directory"
                        + " to turn stored backups on, or leave these out");
    }

    @Test
    void storedBackupSettingsReachTheirOptions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        var stored = ConsoleOptions.builder().backupStore(temp.resolve("a")).backupInterval(Duration.ofMinutes(30))
                .backupRetention(1, 2, 3, 4, 5).backupCopies(temp.resolve("b")).restoreDrillInterval(Duration.ofHours(6))
                .allowRestore(true).backupCompression(false).build().storedBackups();

        assertThat(stored.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(stored.retention()).isEqualTo(new io.github.sqliteconsole.core.backup.Retention(1, 2, 3, 4, 5));
        assertThat(stored.copies()).containsExactly(temp.resolve("b").toAbsolutePath());
        assertThat(stored.drillInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(stored.allowRestore()).isTrue();
        assertThat(stored.compression()).isFalse();
        assertThatThrownBy(() -> ConsoleOptions.builder().backupStore(temp).backupInterval(Duration.ofSeconds(1)).build())
                .hasMessageStartingWith("backupInterval is PT1S; set at least PT10S");
    }
}
