package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import java.util.List;

/** Computes one output channel per expression over the source's channels. */
public record Project(PlanNode source, List<Expression> projections) implements PlanNode {
    public Project {
        requireNonNull(source, "source is null");
        projections = List.copyOf(projections);
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        return projections.stream().map(Expression::type).toList();
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new Project(newSources.get(0), projections);
    }
}
