package io.quarry.plan.expression;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/**
 * A lambda argument of a function such as {@code transform}: {@code body} reads its parameters as input
 * channels {@code 0 .. parameterTypes.size() - 1} and the values it captures from the enclosing row as the
 * channels after them, in the order of {@code captures} (expressions over the enclosing input). Its type is
 * the type of its body.
 */
public record Lambda(List<Type> parameterTypes, List<Expression> captures, Expression body) implements Expression {
    public Lambda {
        parameterTypes = List.copyOf(parameterTypes);
        captures = List.copyOf(captures);
        requireNonNull(body, "body is null");
    }

    @Override
    public Type type() {
        return body.type();
    }
}
