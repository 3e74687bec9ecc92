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
 * the node's operators took in from other nodes, what its last operator gave out, the time the drivers spent in its operators,
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
    /** What a single-driver pipeline reading a local exchange starts with (see RemoteSourceOperator). */
    private static final String LOCAL_EXCHANGE_SOURCE = "LocalExchangeSource";

    public OperatorSummary {
        if (planNodeId < 0) {
            throw new IllegalArgumentException("planNodeId is negative: " + planNodeId);
        }
        requireNonNull(operators, "operators is null");
    }

    /**
     * One summary per plan node the operators of the drivers (each a chain of operators, in order) were placed on, by
     * node id; unplaced operators are left out. A node's input is what its entry operators took in: those whose
     * predecessor in their driver runs another node (a join's build and probe), or that start a driver without reading
     * a local exchange of their own node. Its output is what its last operator (in planning order) gave out.
     */
    public static List<OperatorSummary> summarize(List<List<OperatorStats>> drivers) {
        Map<Integer, List<OperatorStats>> byNode = new TreeMap<>();
        Set<OperatorStats> entries = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<OperatorStats> driver : drivers) {
            for (int i = 0; i < driver.size(); i++) {
                OperatorStats stats = driver.get(i);
                if (stats.planNodeId() == OperatorStats.UNPLACED) {
                    continue;
                }
                byNode.computeIfAbsent(stats.planNodeId(), ignored -> new ArrayList<>()).add(stats);
                boolean entry = i == 0
                        ? !stats.operatorType().equals(LOCAL_EXCHANGE_SOURCE)
                        : driver.get(i - 1).planNodeId() != stats.planNodeId();
                if (entry) {
                    entries.add(stats);
                }
            }
        }
        List<OperatorSummary> summaries = new ArrayList<>(byNode.size());
        for (Map.Entry<Integer, List<OperatorStats>> node : byNode.entrySet()) {
            summaries.add(summarizeNode(node.getKey(), node.getValue(), entries));
        }
        return summaries;
    }

    private static OperatorSummary summarizeNode(int planNodeId, List<OperatorStats> operators, Set<OperatorStats> entries) {
        int last = Integer.MIN_VALUE;
        for (OperatorStats stats : operators) {
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
            if (entries.contains(stats)) {
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
