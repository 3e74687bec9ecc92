package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/**
 * One function of a {@link Window}: a ranking or value function ({@code row_number}, {@code rank},
 * {@code dense_rank}, {@code percent_rank}, {@code cume_dist}, {@code ntile}, {@code lag}, {@code lead},
 * {@code first_value}, {@code last_value}, {@code nth_value}) or an aggregate function, over the input
 * channels {@code arguments} (lag/lead: value, offset, default; ntile: buckets; nth_value: value, n).
 */
public record WindowFunction(String function, List<Integer> arguments, List<Type> argumentTypes, Type resultType, WindowFrame frame) {
    public WindowFunction {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
        argumentTypes = List.copyOf(argumentTypes);
        requireNonNull(resultType, "resultType is null");
        requireNonNull(frame, "frame is null");
        if (arguments.size() != argumentTypes.size()) {
            throw new IllegalArgumentException("each argument needs a type");
        }
    }
}
