package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The part of a plan one stage runs: {@code root} (with {@link RemoteSource}s where its inputs come from
 * other fragments), how its tasks are placed, and how its output is spread over the consumer's tasks.
 */
public record PlanFragment(
        int id,
        PlanNode root,
        FragmentDistribution distribution,
        ExchangeKind outputKind,
        List<Integer> outputPartitionKeys,
        List<Integer> sourceFragments) {
    public PlanFragment {
        requireNonNull(root, "root is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(outputKind, "outputKind is null");
        outputPartitionKeys = List.copyOf(outputPartitionKeys);
        sourceFragments = List.copyOf(sourceFragments);
    }
}
