package io.quarry.plan.expression;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/**
 * A scalar function or operator applied to arguments, with Trino's function names in lower case
 * ({@code substr}, {@code year}, …) and these operator names: {@code add}, {@code subtract},
 * {@code multiply}, {@code divide}, {@code modulus}, {@code negate}, {@code equal}, {@code not_equal},
 * {@code less_than}, {@code less_than_or_equal}, {@code greater_than}, {@code greater_than_or_equal},
 * {@code is_distinct_from}, {@code like} (value, pattern[, escape]), {@code cast} (to {@code type}),
 * {@code try_cast}. Calls are null-in, null-out unless the function says otherwise. The planner makes the
 * operands of arithmetic and comparisons the same type, except decimals, which may differ in precision
 * and scale.
 */
public record Call(String function, List<Expression> arguments, Type type) implements Expression {
    public Call {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
        requireNonNull(type, "type is null");
    }
}
