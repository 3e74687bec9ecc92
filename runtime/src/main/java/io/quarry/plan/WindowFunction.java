package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/**
 * One function of a {@link Window}: a ranking or value function ({@code row_number}, {@code rank},
 * {@code dense_rank}, {@code percent_rank}, {@code cume_dist}, {@code ntile}, {@code lag}, {@code lead},
 * {@code first_value}, {@code last_value}, {@code nth_value}) or an aggregate function, over the input
 * channels {@code arguments} (lag/lead: value, offset, default; ntile: buckets; nth_value: value, n).
 * {@code ignoreNulls}: the value functions skip rows whose value is NULL ({@code IGNORE NULLS}); {@code distinct}: an
 * aggregate reads each distinct argument value of its frame once ({@code count(DISTINCT x) OVER ...}). {@code orderBy}: the
 * order an aggregate sees its frame's values in ({@code array_agg(x ORDER BY y) OVER ...}); its channels are also the last
 * {@code arguments}, as in {@link AggregateCall}.
 */
public record WindowFunction(
        String function, List<Integer> arguments, List<Type> argumentTypes, Type resultType, WindowFrame frame, boolean ignoreNulls,
        boolean distinct, List<SortKey> orderBy) {
    /** A function that respects NULLs (the default). */
    public WindowFunction(String function, List<Integer> arguments, List<Type> argumentTypes, Type resultType, WindowFrame frame) {
        this(function, arguments, argumentTypes, resultType, frame, false, false, List.of());
    }

    /** A function over all values of its frame. */
    public WindowFunction(
            String function, List<Integer> arguments, List<Type> argumentTypes, Type resultType, WindowFrame frame, boolean ignoreNulls) {
        this(function, arguments, argumentTypes, resultType, frame, ignoreNulls, false, List.of());
    }

    public WindowFunction {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
        argumentTypes = List.copyOf(argumentTypes);
        requireNonNull(resultType, "resultType is null");
        requireNonNull(frame, "frame is null");
        orderBy = List.copyOf(orderBy);
        if (arguments.size() != argumentTypes.size()) {
            throw new IllegalArgumentException("each argument needs a type");
        }
        if (orderBy.size() > arguments.size()) {
            throw new IllegalArgumentException("the sort keys are among the arguments");
        }
    }
}
