package io.quarry.actor;

import io.quarry.exec.OperatorSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of EXPLAIN ANALYZE for one stage, summed over its tasks from their final reports: the stage's own
 * (CPU, wall, peak memory, raw input, output) and, per plan node, the {@link OperatorSummary}s of its tasks summed,
 * with each task's input to show skew.
 */
final class AnalyzeFigures {
    private AnalyzeFigures() {}

    /** One stage's figures. {@code inputRowsPerTask} lists each task's raw input. */
    record Stage(
            int tasks,
            long cpuNanos,
            long wallNanos,
            long peakMemoryBytes,
            long inputRows,
            long inputBytes,
            long outputRows,
            long outputBytes,
            List<Long> inputRowsPerTask,
            Map<Integer, Node> nodes) {
        Stage {
            inputRowsPerTask = List.copyOf(inputRowsPerTask);
            nodes = Map.copyOf(nodes);
        }
    }

    /** One plan node's figures summed over the tasks that ran it; {@code inputRowsPerTask} lists each task's input. */
    record Node(
            int planNodeId,
            String operators,
            int tasks,
            int drivers,
            long inputRows,
            long inputBytes,
            long outputRows,
            long outputBytes,
            long cpuNanos,
            long wallNanos,
            long peakMemoryBytes,
            long dynamicFilterPrunedRows,
            List<Long> inputRowsPerTask) {
        Node {
            inputRowsPerTask = List.copyOf(inputRowsPerTask);
        }
    }

    /** Sums the final reports of a stage's tasks. */
    static Stage stage(List<TaskStatus> tasks) {
        long cpu = 0;
        long wall = 0;
        long peak = 0;
        long inputRows = 0;
        long inputBytes = 0;
        long outputRows = 0;
        long outputBytes = 0;
        List<Long> perTask = new ArrayList<>();
        Map<Integer, List<OperatorSummary>> byNode = new TreeMap<>();
        for (TaskStatus task : tasks) {
            TaskProgress progress = task.progress();
            cpu += progress.cpuNanos();
            wall += progress.wallNanos();
            peak += progress.peakMemoryBytes();
            inputRows += progress.inputRows();
            inputBytes += progress.inputBytes();
            outputRows += progress.outputRows();
            outputBytes += progress.outputBytes();
            perTask.add(progress.inputRows());
            for (OperatorSummary summary : task.operators()) {
                byNode.computeIfAbsent(summary.planNodeId(), ignored -> new ArrayList<>()).add(summary);
            }
        }
        Map<Integer, Node> nodes = new TreeMap<>();
        byNode.forEach((id, summaries) -> nodes.put(id, node(id, summaries)));
        return new Stage(tasks.size(), cpu, wall, peak, inputRows, inputBytes, outputRows, outputBytes, perTask, nodes);
    }

    private static Node node(int planNodeId, List<OperatorSummary> summaries) {
        int drivers = 0;
        long inputRows = 0;
        long inputBytes = 0;
        long outputRows = 0;
        long outputBytes = 0;
        long cpu = 0;
        long wall = 0;
        long peak = 0;
        long pruned = 0;
        List<Long> perTask = new ArrayList<>();
        for (OperatorSummary summary : summaries) {
            drivers += summary.drivers();
            inputRows += summary.inputRows();
            inputBytes += summary.inputBytes();
            outputRows += summary.outputRows();
            outputBytes += summary.outputBytes();
            cpu += summary.cpuNanos();
            wall += summary.wallNanos();
            peak += summary.peakMemoryBytes();
            pruned += summary.dynamicFilterPrunedRows();
            perTask.add(summary.inputRows());
        }
        return new Node(planNodeId, summaries.get(0).operators(), summaries.size(), drivers, inputRows, inputBytes, outputRows,
                outputBytes, cpu, wall, peak, pruned, perTask);
    }

    /** The mean of the values and their standard deviation as a percentage of the mean (0 when the mean is 0). */
    static double[] meanAndDeviationPercent(List<Long> values) {
        if (values.isEmpty()) {
            return new double[] {0, 0};
        }
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        double mean = sum / values.size();
        double squares = 0;
        for (long value : values) {
            squares += (value - mean) * (value - mean);
        }
        double deviation = Math.sqrt(squares / values.size());
        return new double[] {mean, mean == 0 ? 0 : deviation * 100 / mean};
    }
}
