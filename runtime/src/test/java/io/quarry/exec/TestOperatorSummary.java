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
    void inputIsWhatComesFromOtherNodesOutputTheLastOperatorsAndTimeAndMemoryAreSummed() {
        // a final aggregation (node 3) over a scan (node 5) in two producer drivers: exchange sink per producer,
        // then one driver reading the local exchange into the aggregation and the task's (unplaced) output
        List<List<OperatorStats>> drivers = List.of(
                List.of(operator("TableScan", 5, 1, 100, 100, 20, 0), operator("LocalExchangeSink", 3, 4, 100, 100, 10, 0)),
                List.of(operator("TableScan", 5, 1, 50, 50, 20, 0), operator("LocalExchangeSink", 3, 4, 50, 50, 5, 0)),
                List.of(operator("LocalExchangeSource", 3, 5, 150, 150, 1, 0), operator("HashAggregation", 3, 6, 150, 7, 40, 4096),
                        operator("Output", OperatorStats.UNPLACED, 9, 7, 7, 3, 0)));

        List<OperatorSummary> summaries = OperatorSummary.summarize(drivers);

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
        assertThat(scan.inputRows()).isEqualTo(150);
        assertThat(scan.outputRows()).isEqualTo(150);
        assertThat(scan.drivers()).isEqualTo(2);
    }

    @Test
    void aJoinsInputIsItsBuildAndProbeRows() {
        // build driver: remote source (node 2) into the hash builder (node 0); probe driver: scan (node 1) into the lookup
        List<List<OperatorStats>> drivers = List.of(
                List.of(operator("RemoteSource", 2, 0, 30, 30, 1, 0), operator("HashBuilder", 0, 1, 30, 0, 5, 1024)),
                List.of(operator("TableScan", 1, 2, 1000, 1000, 9, 0), operator("LookupJoin", 0, 3, 1000, 40, 7, 0),
                        operator("Output", OperatorStats.UNPLACED, 4, 40, 40, 1, 0)));

        OperatorSummary join = OperatorSummary.summarize(drivers).get(0);

        assertThat(join.operators()).isEqualTo("HashBuilder, LookupJoin");
        assertThat(join.inputRows()).isEqualTo(1030);
        assertThat(join.outputRows()).isEqualTo(40);
        assertThat(join.peakMemoryBytes()).isEqualTo(1024);
        assertThatThrownBy(() -> new OperatorSummary(-1, "x", 1, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
