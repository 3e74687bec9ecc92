package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.OperatorSummary;
import io.quarry.page.Page;
import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.TableScan;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import io.quarry.type.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestAnalyzeText {
    private static final QueryId QUERY = QueryId.valueOf("20261127_010000_00001_abcde");
    private static final TableScan SCAN = new TableScan("tpch", new SchemaTableName("tiny", "orders"),
            List.of(new ColumnMetadata("orderstatus", Types.varchar(1))));
    // fragment 1: partial aggregation (id 0) over the scan (id 1); fragment 0: output (0), final aggregation (1), remote source (2)
    private static final PlanFragment SOURCE = new PlanFragment(1, new Aggregate(SCAN, List.of(0), List.of(), AggregationStep.PARTIAL),
            FragmentDistribution.SOURCE, ExchangeKind.GATHER, List.of(), List.of());
    private static final PlanFragment ROOT = new PlanFragment(0, new Output(new Aggregate(
            new RemoteSource(1, List.of(Types.varchar(1))), List.of(0), List.of(), AggregationStep.FINAL), List.of("orderstatus")),
            FragmentDistribution.SINGLE, ExchangeKind.GATHER, List.of(), List.of(1));

    private static TaskStatus task(int stage, int partition, TaskProgress progress, OperatorSummary... operators) {
        return new TaskStatus(new TaskId(new StageId(QUERY, stage), partition, 0), "node-" + partition, TaskState.FINISHED, progress,
                Optional.empty(), List.of(), List.of(operators));
    }

    private static TaskProgress progress(long inputRows, long outputRows, long cpuNanos, long peak) {
        return new TaskProgress(1, 0, 0, 1, inputRows, inputRows * 10, outputRows, outputRows * 2, cpuNanos, cpuNanos * 2, 0, peak);
    }

    private static OperatorSummary summary(int node, String operators, long in, long out, long cpu, long peak) {
        return new OperatorSummary(node, operators, 2, in, in * 10, out, out * 2, cpu, cpu * 3, peak, 0);
    }

    private static List<StageActor.StageSnapshot> snapshots() {
        StageActor.StageSnapshot source = new StageActor.StageSnapshot(new StageId(QUERY, 1), "FINISHED", true, List.of(
                task(1, 0, progress(10000, 3, 3_000_000, 1024), summary(1, "TableScan", 10000, 10000, 2_000_000, 0),
                        summary(0, "HashAggregation", 10000, 3, 1_000_000, 2048)),
                task(1, 1, progress(5000, 3, 1_000_000, 1024), summary(1, "TableScan", 5000, 5000, 500_000, 0),
                        summary(0, "HashAggregation", 5000, 3, 500_000, 1024))));
        StageActor.StageSnapshot root = new StageActor.StageSnapshot(new StageId(QUERY, 0), "FINISHED", true, List.of(
                task(0, 0, progress(6, 3, 1_000_000, 512), summary(2, "RemoteSource", 6, 6, 0, 0),
                        summary(1, "HashAggregation", 6, 3, 1_000_000, 512), summary(0, "Output", 3, 3, 0, 0))));
        return List.of(source, root);
    }

    @Test
    void stageFiguresAreSummedOverTheTasks() {
        AnalyzeFigures.Stage stage = AnalyzeFigures.stage(snapshots().get(0).tasks());
        assertThat(stage.tasks()).isEqualTo(2);
        assertThat(stage.inputRows()).isEqualTo(15000);
        assertThat(stage.outputRows()).isEqualTo(6);
        assertThat(stage.cpuNanos()).isEqualTo(4_000_000);
        assertThat(stage.peakMemoryBytes()).isEqualTo(2048);
        assertThat(stage.inputRowsPerTask()).containsExactly(10000L, 5000L);
        AnalyzeFigures.Node scan = stage.nodes().get(1);
        assertThat(scan.tasks()).isEqualTo(2);
        assertThat(scan.drivers()).isEqualTo(4);
        assertThat(scan.outputRows()).isEqualTo(15000);
        assertThat(scan.cpuNanos()).isEqualTo(2_500_000);
        assertThat(scan.wallNanos()).isEqualTo(7_500_000);
        AnalyzeFigures.Node partial = stage.nodes().get(0);
        assertThat(partial.outputRows()).isEqualTo(6);
        assertThat(partial.peakMemoryBytes()).isEqualTo(3072);

        double[] spread = AnalyzeFigures.meanAndDeviationPercent(List.of(10000L, 5000L));
        assertThat(spread[0]).isEqualTo(7500.0);
        assertThat(spread[1]).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.01));
        assertThat(AnalyzeFigures.meanAndDeviationPercent(List.of())).containsExactly(0, 0);
    }

    @Test
    void textShowsEachFragmentAndNodeWithItsFigures() {
        Page page = new ExplainAnalyze(List.of(ROOT, SOURCE), false).answer(snapshots());
        assertThat(page.positionCount()).isEqualTo(1);
        String text = ((VariableWidthBlock) page.block(0)).getString(0);

        assertThat(text).startsWith("Tasks: 3, CPU: 5.00ms, Wall: 10.00ms, Peak memory (sum of tasks): 2.50kB\n");
        assertThat(text).contains("Fragment 0 [SINGLE]\n    CPU: 1.00ms, Wall: 2.00ms, Peak memory: 512B, Tasks: 1, Input: 6 rows (60B);"
                + " per task: avg.: 6.00 std.dev.: 0.00%, Output: 3 rows (6B)\n");
        assertThat(text).contains("Fragment 1 [SOURCE]\n    CPU: 4.00ms, Wall: 8.00ms, Peak memory: 2.00kB, Tasks: 2,"
                + " Input: 15000 rows (146.48kB); per task: avg.: 7500.00 std.dev.: 33.33%, Output: 6 rows (12B)\n");
        // node CPU shares are of the 5ms that all nodes took
        assertThat(text).contains("CPU: 2.50ms (50.00%), Wall: 7.50ms (50.00%), Peak memory: 0B, Input: 15000 rows (146.48kB),"
                + " Output: 15000 rows (29.30kB)");
        assertThat(text).contains("CPU: 1.50ms (30.00%), Wall: 4.50ms (30.00%), Peak memory: 3.00kB, Input: 15000 rows (146.48kB),"
                + " Output: 6 rows (12B)");
        assertThat(text).doesNotContain("Operators:");
        // each figures line follows its node's layout line
        List<String> lines = text.lines().toList();
        int scan = indexOf(lines, "TableScan[");
        assertThat(lines.get(scan + 1)).contains("Layout: [varchar(1)]");
        assertThat(lines.get(scan + 2)).contains("CPU: 2.50ms");
    }

    @Test
    void verboseShowsOperatorsTasksAndSkew() {
        String text = AnalyzeText.render(List.of(ROOT, SOURCE), Map.of(1, AnalyzeFigures.stage(snapshots().get(0).tasks())), true);
        assertThat(text).contains("Operators: TableScan, Tasks: 2, Drivers: 4");
        assertThat(text).contains("Input avg.: 7500.00 rows per task, Input std.dev.: 33.33%, Input min/max: 5000/10000 rows");
        assertThat(text).contains("Fragment 0 [SINGLE]\n    No figures: the stage did not report\n");
    }

    @Test
    void durationsAndSizesAreWrittenAsTrinoDoes() {
        assertThat(AnalyzeText.duration(0)).isEqualTo("0.00ns");
        assertThat(AnalyzeText.duration(12_300)).isEqualTo("12.30us");
        assertThat(AnalyzeText.duration(4_560_000)).isEqualTo("4.56ms");
        assertThat(AnalyzeText.duration(7_890_000_000L)).isEqualTo("7.89s");
        assertThat(AnalyzeText.duration(90_000_000_000L)).isEqualTo("1.50m");
        assertThat(AnalyzeText.duration(java.time.Duration.ofHours(2).toNanos())).isEqualTo("2.00h");
        assertThat(AnalyzeText.duration(java.time.Duration.ofDays(100).toNanos())).isEqualTo("100.00d");
        assertThat(AnalyzeText.bytes(512)).isEqualTo("512B");
        assertThat(AnalyzeText.bytes(1536)).isEqualTo("1.50kB");
        assertThat(AnalyzeText.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.00GB");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
