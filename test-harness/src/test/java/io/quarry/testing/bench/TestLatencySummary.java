package io.quarry.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TestLatencySummary {
    @Test
    void nearestRankPercentilesOfOneToHundred() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[values.length - 1 - i] = i + 1; // descending: the summary sorts
        }
        LatencySummary summary = LatencySummary.of(values);
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.p50()).isEqualTo(50);
        assertThat(summary.p95()).isEqualTo(95);
        assertThat(summary.p99()).isEqualTo(99);
        assertThat(summary.max()).isEqualTo(100);
        assertThat(summary.mean()).isCloseTo(50.5, within(1e-9));
        assertThat(values[0]).as("input left as it was").isEqualTo(100);
    }

    @Test
    void smallSeriesRoundRanksUp() {
        double[] values = {4, 1, 3, 2};
        LatencySummary summary = LatencySummary.of(values);
        assertThat(summary.p50()).isEqualTo(2); // rank ceil(0.5 * 4) = 2
        assertThat(summary.p95()).isEqualTo(4); // rank ceil(3.8) = 4
        assertThat(summary.p99()).isEqualTo(4);
        assertThat(LatencySummary.median(new double[] {7})).isEqualTo(7);
        assertThat(LatencySummary.median(new double[] {9, 1, 5})).isEqualTo(5);
    }

    @Test
    void rejectsEmptySeriesAndBadPercent() {
        assertThatThrownBy(() -> LatencySummary.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(new double[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
