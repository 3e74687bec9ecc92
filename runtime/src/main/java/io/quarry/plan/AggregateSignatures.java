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
            case "sum", "min", "max" -> List.of(resultType);
            case "array_agg", "map_agg" -> List.of(resultType);
            case "avg" -> List.of(
                    resultType instanceof DecimalType decimal ? Types.decimal(38, decimal.scale()) : Types.DOUBLE,
                    Types.BIGINT);
            default -> ExtendedAggregates.intermediateTypes(function, argumentTypes, resultType);
        };
    }

    /** Whether the function can run as PARTIAL then FINAL. */
    public static boolean isDecomposable(String function, boolean distinct) {
        return !distinct && (List.of("count", "sum", "min", "max", "avg", "array_agg", "map_agg").contains(function)
                || ExtendedAggregates.FUNCTIONS.contains(function));
    }
}
