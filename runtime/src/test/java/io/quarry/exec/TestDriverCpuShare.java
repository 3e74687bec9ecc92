package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.exec.operator.LimitOperator;
import io.quarry.exec.operator.ValuesOperator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDriverCpuShare {
    @Test
    void aSlicesCpuTimeIsSharedByTheWallTimeOfEachOperatorInThatSlice() {
        ValuesOperator values = new ValuesOperator(List.of());
        LimitOperator limit = new LimitOperator(0, 1);
        Driver driver = new Driver(List.of(values, limit));

        values.stats().recordWall(300);
        limit.stats().recordWall(100);
        driver.chargeCpu(1000);
        assertThat(values.stats().cpuNanos()).isEqualTo(750);
        assertThat(limit.stats().cpuNanos()).isEqualTo(250);

        // the next slice only counts the wall time spent since the previous one
        limit.stats().recordWall(100);
        driver.chargeCpu(40);
        assertThat(values.stats().cpuNanos()).isEqualTo(750);
        assertThat(limit.stats().cpuNanos()).isEqualTo(290);

        // a slice with no time in any operator (or no CPU measured) charges nothing
        driver.chargeCpu(500);
        values.stats().recordWall(10);
        driver.chargeCpu(-1);
        assertThat(values.stats().cpuNanos()).isEqualTo(750);
        assertThat(limit.stats().cpuNanos()).isEqualTo(290);
    }
}
