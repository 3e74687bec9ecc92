package io.quarry.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestRunTimes {
    @Test
    void oddCountTakesTheMiddleValue() {
        double[] seconds = {3.0, 1.0, 2.0};
        RunTimes times = RunTimes.of(seconds);
        assertThat(times).isEqualTo(new RunTimes(3, 1.0, 2.0));
        assertThat(seconds[0]).as("input left as it was").isEqualTo(3.0);
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertThat(RunTimes.of(new double[] {4, 1, 3, 2})).isEqualTo(new RunTimes(4, 1, 2.5));
        assertThat(RunTimes.of(new double[] {0.5})).isEqualTo(new RunTimes(1, 0.5, 0.5));
    }

    @Test
    void noRunsIsAnError() {
        assertThatThrownBy(() -> RunTimes.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
