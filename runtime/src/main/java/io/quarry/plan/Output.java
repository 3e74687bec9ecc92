package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/** The root of a query plan: the result columns and their names as the client sees them. */
public record Output(PlanNode source, List<String> columnNames) implements PlanNode {
    public Output {
        requireNonNull(source, "source is null");
        columnNames = List.copyOf(columnNames);
        if (columnNames.size() != source.outputTypes().size()) {
            throw new IllegalArgumentException("one name per output column is needed");
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
        return new Output(newSources.get(0), columnNames);
    }
}
