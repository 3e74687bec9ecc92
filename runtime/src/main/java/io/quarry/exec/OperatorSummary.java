package io.quarry.exec;

import static java.util.Objects.requireNonNull;

import io.quarry.exec.operator.OperatorStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures of one plan node in one task, summed over the operators that run it in all the task's drivers: what
 * the node's first operator took in, what its last operator gave out, the time the drivers spent in its operators,
 * and the sum of their peak retained memory. {@code operators} names the operator types in pipeline order. A task
 * sends these with its final status, for EXPLAIN ANALYZE.
 */
public record OperatorSummary(
        int planNodeId,
        String operators,
        int drivers,
        long inputRows,
        long inputBytes,
        long outputRows,
        long outputBytes,
        long cpuNanos,
        long wallNanos,
        long peakMemoryBytes,
        long dynamicFilterPrunedRows) {
    public OperatorSummary {
        if (planNodeId < 0) {
            throw new IllegalArgumentException("planNodeId is negative: " + planNodeId);
        }
        requireNonNull(operators, "operators is null");
    }

    /** One summary per plan node the operators were placed on (unplaced operators are left out), by node id. */
    public static List<OperatorSummary> summarize(List<OperatorStats> operators) {
        Map<Integer, List<OperatorStats>> byNode = new TreeMap<>();
        for (OperatorStats stats : operators) {
            if (stats.planNodeId() != OperatorStats.UNPLACED) {
                byNode.computeIfAbsent(stats.planNodeId(), ignored -> new ArrayList<>()).add(stats);
            }
        }
        List<OperatorSummary> summaries = new ArrayList<>(byNode.size());
        for (Map.Entry<Integer, List<OperatorStats>> node : byNode.entrySet()) {
            summaries.add(summarizeNode(node.getKey(), node.getValue()));
        }
        return summaries;
    }

    private static OperatorSummary summarizeNode(int planNodeId, List<OperatorStats> operators) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (OperatorStats stats : operators) {
            first = Math.min(first, stats.sequence());
            last = Math.max(last, stats.sequence());
        }
        List<OperatorStats> ordered = new ArrayList<>(operators);
        ordered.sort(Comparator.comparingInt(OperatorStats::sequence));
        Set<String> names = new LinkedHashSet<>();
        int drivers = 0;
        long inputRows = 0;
        long inputBytes = 0;
        long outputRows = 0;
        long outputBytes = 0;
        long cpu = 0;
        long wall = 0;
        long peak = 0;
        long pruned = 0;
        for (OperatorStats stats : ordered) {
            names.add(stats.operatorType());
            if (stats.sequence() == first) {
                inputRows += stats.inputRows();
                inputBytes += stats.inputBytes();
            }
            if (stats.sequence() == last) {
                drivers++;
                outputRows += stats.outputRows();
                outputBytes += stats.outputBytes();
            }
            cpu += stats.cpuNanos();
            wall += stats.wallNanos();
            peak += stats.peakRetainedBytes();
            pruned += stats.dynamicFilterPrunedRows();
        }
        return new OperatorSummary(planNodeId, String.join(", ", names), drivers, inputRows, inputBytes, outputRows,
                outputBytes, cpu, wall, peak, pruned);
    }
}
