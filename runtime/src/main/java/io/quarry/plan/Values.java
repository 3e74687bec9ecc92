package io.quarry.plan;

import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import java.util.List;

/** Literal rows; each row holds one constant expression per type. Runs in a single task. */
public record Values(List<Type> types, List<List<Expression>> rows) implements PlanNode {
    public Values {
        types = List.copyOf(types);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Expression> row : rows) {
            if (row.size() != types.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, expected " + types.size());
            }
        }
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
