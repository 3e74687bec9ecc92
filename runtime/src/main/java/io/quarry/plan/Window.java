package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Window functions: rows are grouped by the {@code partitionKeys} channels and ordered by {@code orderKeys}
 * within each partition; each function adds one channel after the source's channels.
 */
public record Window(PlanNode source, List<Integer> partitionKeys, List<SortKey> orderKeys, List<WindowFunction> functions)
        implements PlanNode {
    public Window {
        requireNonNull(source, "source is null");
        partitionKeys = List.copyOf(partitionKeys);
        orderKeys = List.copyOf(orderKeys);
        functions = List.copyOf(functions);
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        List<Type> types = new ArrayList<>(source.outputTypes());
        for (WindowFunction function : functions) {
            types.add(function.resultType());
        }
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new Window(newSources.get(0), partitionKeys, orderKeys, functions);
    }
}
