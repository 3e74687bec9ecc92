package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/**
 * A stage boundary: the source runs in other tasks and its rows reach this point as {@code kind} says
 * ({@code partitionKeys} are the hashed channels of REPARTITION). The fragmenter cuts the plan here.
 */
public record Exchange(PlanNode source, ExchangeKind kind, List<Integer> partitionKeys) implements PlanNode {
    public Exchange {
        requireNonNull(source, "source is null");
        requireNonNull(kind, "kind is null");
        partitionKeys = List.copyOf(partitionKeys);
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        return source.outputTypes();
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new Exchange(newSources.get(0), kind, partitionKeys);
    }
}
