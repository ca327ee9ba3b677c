package io.github.sqliteconsole.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void durationsUseTheirLargestUnit() {
        assertThat(new Formats().duration(Duration.ofSeconds(40))).isEqualTo("40 s");
        assertThat(new Formats().duration(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(new Formats().duration(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(new Formats().duration(Duration.ofHours(24))).isEqualTo("24 h");
        assertThat(new Formats().duration(Duration.ofDays(7))).isEqualTo("7 d");
    }

    @Test
    void aBase64DigestIsShownInHexAsSha256sumPrintsIt() {
        // SHA-256 of the empty input, as sha256sum prints it and as Repr-Digest carries it.
        assertThat(new Formats().hexOfBase64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private final Formats fmt = new Formats();
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void timesAreRelativeAsAPersonSaysThem() {
        assertThat(fmt.ago(now.minusSeconds(10), now)).isEqualTo("just now");
        assertThat(fmt.ago(now.minusSeconds(180), now)).isEqualTo("3 min ago");
        assertThat(fmt.ago(now.minusSeconds(5 * 3600), now)).isEqualTo("5 h ago");
        assertThat(fmt.ago(now.minusSeconds(86_400), now)).isEqualTo("1 day ago");
        assertThat(fmt.ago(now.minusSeconds(3 * 86_400), now)).isEqualTo("3 days ago");
        assertThat(fmt.ago(now.plusSeconds(600), now)).isEqualTo("in 10 min");
    }

    @Test
    void durationsAreHuman() {
        assertThat(fmt.duration(340)).isEqualTo("340 ms");
        assertThat(fmt.duration(1_800)).isEqualTo("1.8 s");
        assertThat(fmt.duration(125_000)).isEqualTo("2 min 5 s");
        assertThat(fmt.duration(3_780_000)).isEqualTo("1 h 3 min");
    }
}
