package io.github.sqliteconsole.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqliteconsole.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    @Test
    void writesAndReadsBackNestedValuesInOrder() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a \"quoted\" \\ name\n\u0001");
        value.put("count", -42L);
        value.put("ok", true);
        value.put("none", null);
        value.put("list", List.of(1L, "two", false));
        value.put("empty", Map.of());

        String json = Json.writeIndented(value);

        assertThat(ManifestJson.parse(json)).isEqualTo(value);
        assertThat(json).startsWith("{\n  \"name\": \"a \\\"quoted\\\" \\\\ name\\n\\u0001\",\n  \"count\": -42,");
    }

    @Test
    void refusesAnythingThatIsNotStrictlyAManifest() {
        assertThatThrownBy(() -> ManifestJson.parse("{\"a\": 1,}")).hasMessage(
                "not valid manifest JSON at character 8: a key in quotes expected");
        assertThatThrownBy(() -> ManifestJson.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("the key \"a\" appears twice");
        assertThatThrownBy(() -> ManifestJson.parse("{\"a\": 1.5}")).hasMessageContaining("'}' expected");
        assertThatThrownBy(() -> ManifestJson.parse("{\"a\": 01}")).hasMessageContaining("a value expected");
        assertThatThrownBy(() -> ManifestJson.parse("{} x")).hasMessageContaining("text after the end");
        assertThatThrownBy(() -> ManifestJson.parse("{\"a\": \"open")).hasMessageContaining("a string is not closed");
        assertThatThrownBy(() -> ManifestJson.parse("")).hasMessageContaining("the text ends where a value should be");
    }

    @Test
    void aManifestRoundTripsAndAMissingFieldIsNamed() {
        BackupManifest manifest = new BackupManifest("app-20260301T101530Z", Instant.parse("2026-03-01T10:15:30Z"),
                BackupKind.BEFORE_RESTORE, "/data/app.db", "app-20260301T101530Z.db.gz", 1234, "ab".repeat(32), true, 10,
                4096, "3.50.0", 3, Map.of("t", 5L), "ok", new DrillResult(Instant.parse("2026-03-02T00:00:00Z"), true, "ok"));

        String json = manifest.toJson();

        assertThat(BackupManifest.fromJson(json)).isEqualTo(manifest);
        assertThat(json).contains("\"kind\": \"before-restore\"", "\"sha256\": \"abab");
        assertThatThrownBy(() -> BackupManifest.fromJson(json.replace("\"bytes\"", "\"size\"")))
                .hasMessage("the manifest's bytes is missing or not a whole number");
    }
}
