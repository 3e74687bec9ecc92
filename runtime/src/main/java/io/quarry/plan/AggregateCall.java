package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * One aggregate function of an {@link Aggregate}: {@code function} (lower case: count, sum, avg, min, max,
 * …) over the input channels {@code arguments} whose types are {@code argumentTypes} (the original SQL
 * argument types, also in the FINAL step), producing {@code resultType}. In the FINAL step
 * {@code arguments} are the channels of the intermediate state (see {@link AggregateSignatures}).
 * {@code filter} is a boolean channel restricting the rows (SQL {@code FILTER (WHERE …)}). {@code orderBy}
 * orders the values an order-sensitive aggregate ({@code array_agg(x ORDER BY y)}) sees; its channels are
 * also listed in {@code arguments}, after the aggregated value. Calls with an ORDER BY run in one step.
 */
public record AggregateCall(
        String function,
        List<Integer> arguments,
        List<Type> argumentTypes,
        Type resultType,
        boolean distinct,
        Optional<Integer> filter,
        List<SortKey> orderBy) {
    public AggregateCall {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
        argumentTypes = List.copyOf(argumentTypes);
        requireNonNull(resultType, "resultType is null");
        requireNonNull(filter, "filter is null");
        orderBy = List.copyOf(orderBy);
    }

    /** A call without ORDER BY. */
    public AggregateCall(
            String function, List<Integer> arguments, List<Type> argumentTypes, Type resultType, boolean distinct,
            Optional<Integer> filter) {
        this(function, arguments, argumentTypes, resultType, distinct, filter, List.of());
    }
}
