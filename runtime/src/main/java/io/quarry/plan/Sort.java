package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/** Orders all rows by the keys. */
public record Sort(PlanNode source, List<SortKey> keys) implements PlanNode {
    public Sort {
        requireNonNull(source, "source is null");
        keys = List.copyOf(keys);
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
        return new Sort(newSources.get(0), keys);
    }
}
