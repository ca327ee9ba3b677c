package io.github.sqliteconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSettingsTest {

    @TempDir
    Path dir;

    private final Map<String, String> properties = new HashMap<>();

    @Test
    void ownDatabaseKeepsStoredBackupsBesideItWithRestoreAllowed() {
        properties.put("demo.defaultDb", dir.resolve("demo/inventory.db").toString());

        DemoSettings settings = DemoSettings.from(properties::get);

        assertThat(settings.database().isDemoData()).isTrue();
        assertThat(settings.backupStore()).isEqualTo(dir.resolve("demo/backups"));
        assertThat(settings.allowRestore()).isTrue();
        assertThat(settings.stateFile()).as("the default, beside the demo's own file").isNull();
        assertThat(settings.backupInterval()).as("the console's default").isNull();
    }

    @Test
    void backupsAndIntervalAreTheUsersToChoose() {
        properties.put("demo.defaultDb", dir.resolve("demo/inventory.db").toString());
        properties.put("demo.backups", dir.resolve("elsewhere").toString());
        properties.put("demo.backupInterval", "PT15M");

        DemoSettings settings = DemoSettings.from(properties::get);

        assertThat(settings.backupStore()).isEqualTo(dir.resolve("elsewhere"));
        assertThat(settings.backupInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void someonesFileIsReadOnlyWithItsStateInTheDemosDirectoryAndNoBackups() {
        properties.put("demo.defaultDb", dir.resolve("demo/inventory.db").toString());
        properties.put("demo.db", dir.resolve("theirs/app.db").toString());

        DemoSettings settings = DemoSettings.from(properties::get);

        assertThat(settings.database().isDemoData()).isFalse();
        assertThat(settings.writable()).isFalse();
        assertThat(settings.allowRestore()).isFalse();
        assertThat(settings.backupStore()).isNull();
        assertThat(settings.stateFile().getParent()).isEqualTo(dir.resolve("demo/state"));
        assertThat(settings.stateFile().getFileName().toString()).startsWith("app.db-").endsWith(".sqlite-console");
    }

    @Test
    void twoFilesWithOneNameGetTwoStateFiles() {
        properties.put("demo.db", dir.resolve("a/app.db").toString());
        Path first = DemoSettings.from(properties::get).stateFile();
        properties.put("demo.db", dir.resolve("b/app.db").toString());

        assertThat(DemoSettings.from(properties::get).stateFile()).isNotEqualTo(first);
    }

    @Test
    void writableFileWithBackupsMayBeRestored() {
        properties.put("demo.db", dir.resolve("theirs/app.db").toString());
        properties.put("demo.backups", dir.resolve("their-backups").toString());
        properties.put("demo.writable", "true");

        DemoSettings settings = DemoSettings.from(properties::get);

        assertThat(settings.writable()).isTrue();
        assertThat(settings.backupStore()).isEqualTo(dir.resolve("their-backups"));
        assertThat(settings.allowRestore()).isTrue();
    }

    @Test
    void anIntervalThatIsNotIso8601StopsTheStartWithWhatToWrite() {
        properties.put("demo.backupInterval", "1h");

        assertThatThrownBy(() -> DemoSettings.from(properties::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Ddemo.backupInterval=1h is not an ISO-8601 duration")
                .hasMessageContaining("PT1H");
    }

    @Test
    void anIntervalBelowTenSecondsIsRefused() {
        properties.put("demo.backupInterval", "PT1S");

        assertThatThrownBy(() -> DemoSettings.from(properties::get))
                .hasMessageContaining("-Ddemo.backupInterval=PT1S is shorter than PT10S");
    }

    @Test
    void writableMustBeTrueOrFalse() {
        properties.put("demo.db", dir.resolve("theirs/app.db").toString());
        properties.put("demo.writable", "yes");

        assertThatThrownBy(() -> DemoSettings.from(properties::get))
                .hasMessageContaining("-Ddemo.writable=yes is neither true nor false");
    }

    @Test
    void anIntervalForSomeonesFileWithoutBackupsIsAMistake() {
        properties.put("demo.db", dir.resolve("theirs/app.db").toString());
        properties.put("demo.backupInterval", "PT1H");

        assertThatThrownBy(() -> DemoSettings.from(properties::get))
                .hasMessageContaining("add -Ddemo.backups=DIR");
    }

    @Test
    void backupsBesideSomeonesFileAreRefused() {
        properties.put("demo.db", dir.resolve("theirs/app.db").toString());
        properties.put("demo.backups", dir.resolve("theirs").toString());

        assertThatThrownBy(() -> DemoSettings.from(properties::get))
                .hasMessageContaining("writes nothing beside that file");
    }
}
