package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.exec.operator.OperatorStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestOperatorSummary {
    private static OperatorStats operator(String type, int planNodeId, int sequence, long inputRows, long outputRows, long cpu,
            long peak) {
        OperatorStats stats = new OperatorStats(type);
        stats.place(planNodeId, sequence);
        stats.recordInput(inputRows, inputRows * 8);
        stats.recordWall(cpu * 2);
        stats.recordCpu(cpu);
        stats.setRetainedBytes(peak);
        stats.setRetainedBytes(0);
        // output rows are counted from pages: record them through an empty-column page of that many rows
        stats.recordOutput(new io.quarry.page.Page((int) outputRows));
        return stats;
    }

    @Test
    void inputIsTheFirstOperatorsOutputTheLastsAndTimeAndMemoryAreSummed() {
        // a final aggregation over two producer drivers: exchange sink (per producer), exchange source, aggregation
        List<OperatorStats> operators = List.of(
                operator("LocalExchangeSink", 3, 4, 100, 100, 10, 0),
                operator("LocalExchangeSink", 3, 4, 50, 50, 5, 0),
                operator("LocalExchangeSource", 3, 5, 0, 150, 1, 0),
                operator("HashAggregation", 3, 6, 150, 7, 40, 4096),
                operator("TableScan", 5, 1, 150, 150, 20, 0),
                operator("Output", OperatorStats.UNPLACED, 9, 7, 7, 3, 0));

        List<OperatorSummary> summaries = OperatorSummary.summarize(operators);

        assertThat(summaries).extracting(OperatorSummary::planNodeId).containsExactly(3, 5);
        OperatorSummary aggregate = summaries.get(0);
        assertThat(aggregate.operators()).isEqualTo("LocalExchangeSink, LocalExchangeSource, HashAggregation");
        assertThat(aggregate.inputRows()).isEqualTo(150);
        assertThat(aggregate.inputBytes()).isEqualTo(150 * 8);
        assertThat(aggregate.outputRows()).isEqualTo(7);
        assertThat(aggregate.drivers()).isEqualTo(1);
        assertThat(aggregate.cpuNanos()).isEqualTo(56);
        assertThat(aggregate.wallNanos()).isEqualTo(112);
        assertThat(aggregate.peakMemoryBytes()).isEqualTo(4096);
        OperatorSummary scan = summaries.get(1);
        assertThat(scan.operators()).isEqualTo("TableScan");
        assertThat(scan.outputRows()).isEqualTo(150);
    }

    @Test
    void driversOfTheLastOperatorAreCounted() {
        List<OperatorSummary> summaries = OperatorSummary.summarize(List.of(
                operator("TableScan", 0, 0, 10, 10, 1, 0), operator("TableScan", 0, 0, 20, 20, 1, 0),
                operator("TableScan", 0, 0, 30, 30, 1, 0)));
        assertThat(summaries).singleElement().satisfies(scan -> {
            assertThat(scan.drivers()).isEqualTo(3);
            assertThat(scan.inputRows()).isEqualTo(60);
            assertThat(scan.outputRows()).isEqualTo(60);
        });
        assertThatThrownBy(() -> new OperatorSummary(-1, "x", 1, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
