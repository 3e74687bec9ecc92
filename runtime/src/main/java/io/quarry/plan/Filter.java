package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import java.util.List;

/** Keeps the rows for which {@code predicate} (a boolean expression over the source's channels) is true. */
public record Filter(PlanNode source, Expression predicate) implements PlanNode {
    public Filter {
        requireNonNull(source, "source is null");
        requireNonNull(predicate, "predicate is null");
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
        return new Filter(newSources.get(0), predicate);
    }
}
