package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/** Skips {@code offset} rows, then passes at most {@code count} rows ({@link Long#MAX_VALUE}: no limit). */
public record Limit(PlanNode source, long offset, long count) implements PlanNode {
    public Limit {
        requireNonNull(source, "source is null");
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count must not be negative");
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
        return new Limit(newSources.get(0), offset, count);
    }
}
