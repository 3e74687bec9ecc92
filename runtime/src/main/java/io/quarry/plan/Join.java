package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins the rows of {@code left} (the probe side) with those of {@code right} (the build side, held in a
 * hash table): rows match when each left key channel equals the right key channel at the same index (for
 * a key whose {@code nullSafeKeys} entry is true, NULL also equals NULL) and {@code filter}, an expression
 * over the left channels followed by the right channels, is true. With no keys every pair is a candidate
 * (a nested-loop join). The output is described by {@link JoinType}; key channels have the same type on
 * both sides.
 */
public record Join(
        JoinType type,
        PlanNode left,
        PlanNode right,
        List<Integer> leftKeys,
        List<Integer> rightKeys,
        List<Boolean> nullSafeKeys,
        Optional<Expression> filter,
        JoinDistribution distribution)
        implements PlanNode {
    public Join {
        requireNonNull(type, "type is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        nullSafeKeys = List.copyOf(nullSafeKeys);
        requireNonNull(filter, "filter is null");
        requireNonNull(distribution, "distribution is null");
        if (leftKeys.size() != rightKeys.size() || leftKeys.size() != nullSafeKeys.size()) {
            throw new IllegalArgumentException("left keys, right keys and null-safe flags differ in number");
        }
        List<Type> leftTypes = left.outputTypes();
        List<Type> rightTypes = right.outputTypes();
        for (int i = 0; i < leftKeys.size(); i++) {
            Type leftType = leftTypes.get(leftKeys.get(i));
            Type rightType = rightTypes.get(rightKeys.get(i));
            if (leftType.storage() != rightType.storage()) {
                throw new IllegalArgumentException("join key " + i + " is " + leftType.displayName() + " on the left and "
                        + rightType.displayName() + " on the right");
            }
        }
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(left, right);
    }

    @Override
    public List<Type> outputTypes() {
        if (type.outputsOnlyRight()) {
            return right.outputTypes();
        }
        List<Type> types = new ArrayList<>(left.outputTypes());
        if (type.outputsRight()) {
            types.addAll(right.outputTypes());
        } else if (type == JoinType.MARK) {
            types.add(Types.BOOLEAN);
        }
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new Join(type, newSources.get(0), newSources.get(1), leftKeys, rightKeys, nullSafeKeys, filter, distribution);
    }
}
