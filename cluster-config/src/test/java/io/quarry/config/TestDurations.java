package io.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestDurations {
    @ParameterizedTest
    @CsvSource({
        "100ns, 100",
        "10us, 10000",
        "500ms, 500000000",
        "10s, 10000000000",
        "5m, 300000000000",
        "1.50m, 90000000000",
        "2h, 7200000000000",
        "1d, 86400000000000",
        "0.5ms, 500000",
        "' 47 ms ', 47000000",
        "0s, 0"
    })
    void parsesAirliftDurations(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @Test
    void parsesLongDurations() {
        assertThat(Durations.parse("100d")).isEqualTo(Duration.ofDays(100));
        assertThat(Durations.parse("1000000d")).isEqualTo(Duration.ofDays(1_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "10", "10 sec", "10S", "-1s", "1,5m", "10 seconds", "PT10S", "1e3ms"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("ns, us, ms, s, m, h, d");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0.00ns",
        "999, 999.00ns",
        "1000, 1.00us",
        "47000000, 47.00ms",
        "1500000000, 1.50s",
        "90000000000, 1.50m",
        "11556000000000, 3.21h",
        "86400000000000, 1.00d",
        "8640000000000000, 100.00d"
    })
    void formatsInTheLargestFittingUnit(long nanos, String text) {
        assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
        assertThat(Durations.formatNanos(nanos)).isEqualTo(text);
    }

    @Test
    void formatsMillis() {
        assertThat(Durations.formatMillis(47)).isEqualTo("47.00ms");
        assertThat(Durations.formatMillis(90_000)).isEqualTo("1.50m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.00ns", "10.00us", "47.00ms", "1.50s", "1.50m", "2.00h", "100.00d", "0.00ns"})
    void canonicalTextsRoundTrip(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
    }

    @Test
    void formatsAnythingTheParserAccepts() {
        for (String text : new String[] {"1ns", "999us", "1000ms", "59s", "60s", "61.5s", "23h", "24h", "3d"}) {
            Duration duration = Durations.parse(text);
            assertThat(Durations.parse(Durations.format(duration)))
                    .as(text)
                    .isCloseTo(duration, Duration.ofNanos(Math.max(1, duration.toNanos() / 100)));
        }
    }

    @Test
    void rejectsNegativeDurations() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1))).hasMessageContaining("negative");
    }
}
