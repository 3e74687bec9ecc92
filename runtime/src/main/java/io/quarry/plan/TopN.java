package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/** The first {@code count} rows by the keys, in order. */
public record TopN(PlanNode source, List<SortKey> keys, long count) implements PlanNode {
    public TopN {
        requireNonNull(source, "source is null");
        keys = List.copyOf(keys);
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
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
        return new TopN(newSources.get(0), keys, count);
    }
}
