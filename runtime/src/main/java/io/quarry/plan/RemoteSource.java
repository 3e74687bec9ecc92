package io.quarry.plan;

import io.quarry.type.Type;
import java.util.List;

/** Inside a fragment: the rows arriving from the tasks of fragment {@code fragmentId}. */
public record RemoteSource(int fragmentId, List<Type> types) implements PlanNode {
    public RemoteSource {
        types = List.copyOf(types);
    }

    @Override
    public List<PlanNode> sources() {
        return List.of();
    }

    @Override
    public List<Type> outputTypes() {
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return this;
    }
}
