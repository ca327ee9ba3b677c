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
}
