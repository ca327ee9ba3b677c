package io.github.sqliteconsole.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobKindTest {

    @Test
    void everyKindOfTheContractIsListedOnceInPageOrder() {
        assertThat(Arrays.stream(JobKind.values()).map(JobKind::apiName)).containsExactly("quick-check", "integrity-check",
                "foreign-key-check", "orphan-scan", "optimize", "analyze", "checkpoint", "reindex", "incremental-vacuum",
                "vacuum", "backup", "stored-backup", "restore-drill", "restore");
        assertThat(JobKind.fromApiName("vacuum")).contains(JobKind.VACUUM);
        assertThat(JobKind.fromApiName("VACUUM")).isEmpty();
    }

    @Test
    void whoMayRunAKindAndWhetherItChangesTheDatabase() {
        assertThat(JobKind.of(JobKind.Group.CHECK)).allSatisfy(kind -> {
            assertThat(kind.access()).isEqualTo(JobKind.Access.VIEWER);
            assertThat(kind.mutates()).isFalse();
        });
        assertThat(JobKind.of(JobKind.Group.MAINTENANCE)).allSatisfy(kind -> {
            assertThat(kind.access()).isEqualTo(JobKind.Access.OPERATOR);
            assertThat(kind.mutates()).isTrue();
            assertThat(kind.resultType()).isEqualTo(MaintenanceResult.class);
        });
        assertThat(JobKind.BACKUP.access()).as("a backup is all the data").isEqualTo(JobKind.Access.OPERATOR);
        assertThat(JobKind.BACKUP.mutates()).isFalse();
        assertThat(JobKind.values()).noneMatch(JobKind::allowedInReadOnlyMode);
    }

    @Test
    void argumentsGetDefaultsAndRefuseWhatTheKindDoesNotTake() {
        assertThat(JobArguments.defaults(JobKind.CHECKPOINT).get("mode")).isEqualTo("PASSIVE");
        assertThat(JobKind.BACKUP.arguments(Map.of("compress", "gzip")).get("compress")).isEqualTo("gzip");
        assertThat(JobArguments.defaults(JobKind.VACUUM).values()).isEmpty();
        assertThatThrownBy(() -> JobKind.CHECKPOINT.arguments(Map.of("mode", "FULL")))
                .isInstanceOf(InvalidJobArgument.class)
                .hasMessage("a checkpoint job cannot take mode=FULL; use one of [PASSIVE, TRUNCATE]");
        assertThatThrownBy(() -> JobKind.VACUUM.arguments(Map.of("mode", "TRUNCATE")))
                .hasMessage("a vacuum job cannot take mode=TRUNCATE; it takes no parameters");
        assertThatThrownBy(() -> JobKind.BACKUP.arguments(Map.of("format", "zip")))
                .hasMessage("a backup job cannot take format=zip; it takes only [compress]");
    }
}
