package io.quarry.plan;

import io.quarry.type.DecimalType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.List;

/**
 * The intermediate state of each aggregate function between its PARTIAL and FINAL steps. The planner
 * uses it to type partial aggregations; the executor lays out its accumulators the same way.
 */
public final class AggregateSignatures {
    private AggregateSignatures() {}

    public static List<Type> intermediateTypes(String function, List<Type> argumentTypes, Type resultType) {
        return switch (function) {
            case "count" -> List.of(Types.BIGINT);
            // a decimal sum crosses 10^38 and comes back as Trino's does: its 128 bits, wrapped, and the count of wraps
            case "sum" -> resultType instanceof DecimalType ? List.of(resultType, Types.BIGINT) : List.of(resultType);
            case "min", "max" -> List.of(resultType);
            case "array_agg", "map_agg" -> List.of(resultType);
            case "avg" -> resultType instanceof DecimalType decimal
                    ? List.of(Types.decimal(38, decimal.scale()), Types.BIGINT, Types.BIGINT)
                    : List.of(Types.DOUBLE, Types.BIGINT);
            default -> ExtendedAggregates.intermediateTypes(function, argumentTypes, resultType);
        };
    }

    /** Whether the function can run as PARTIAL then FINAL. */
    public static boolean isDecomposable(String function, boolean distinct) {
        return !distinct && (List.of("count", "sum", "min", "max", "avg", "array_agg", "map_agg").contains(function)
                || ExtendedAggregates.FUNCTIONS.contains(function));
    }
}
