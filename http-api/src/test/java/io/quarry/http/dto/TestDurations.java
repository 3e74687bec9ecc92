package io.quarry.http.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestDurations {
    @Test
    void formatsInTheLargestUnitWithTwoDecimals() {
        assertThat(Durations.format(Duration.ofMillis(12_340))).isEqualTo("12.34s");
        assertThat(Durations.format(Duration.ofSeconds(3 * 3600 + 756))).isEqualTo("3.21h");
        assertThat(Durations.format(Duration.ofMillis(47))).isEqualTo("47.00ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1.50m");
        assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2.00d");
        assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("1.50us");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0.00ns");
        assertThat(Durations.format(Duration.ofMinutes(-1))).isEqualTo("0.00ns");
    }

    @Test
    void parsesAirliftText() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse(" 2 m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse(Durations.format(Duration.ofMillis(12_340)))).isEqualTo(Duration.ofMillis(12_340));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("soon");
        assertThatThrownBy(() -> Durations.parse("5 weeks")).hasMessageContaining("5 weeks");
        assertThatThrownBy(() -> Durations.parse("-1s")).isInstanceOf(IllegalArgumentException.class);
    }
}
