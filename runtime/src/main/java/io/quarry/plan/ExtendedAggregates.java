package io.quarry.plan;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.List;
import java.util.Set;

/**
 * The intermediate states of the aggregate functions beyond count, sum, avg, min and max (see
 * {@link AggregateSignatures}); all of them split into PARTIAL and FINAL steps.
 */
public final class ExtendedAggregates {
    /** Every function of this class, by Trino name. */
    public static final Set<String> FUNCTIONS = Set.of(
            "count_if", "bool_and", "bool_or", "every", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp",
            "var_pop", "geometric_mean", "corr", "covar_samp", "covar_pop", "regr_slope", "regr_intercept", "max_by", "min_by", "arbitrary", "any_value",
            "approx_distinct", "approx_percentile", "approx_set", "merge", "make_set_digest", "merge_set_digest",
            "tdigest_agg", "qdigest_agg", "histogram", "multimap_agg", "map_union", "bitwise_and_agg", "bitwise_or_agg", "bitwise_xor_agg",
            "skewness", "kurtosis");

    private ExtendedAggregates() {}

    static List<Type> intermediateTypes(String function, List<Type> argumentTypes, Type resultType) {
        return switch (function) {
            case "count_if" -> List.of(Types.BIGINT);
            case "bool_and", "bool_or", "every" -> List.of(Types.BOOLEAN);
            case "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop" ->
                    List.of(Types.BIGINT, Types.DOUBLE, Types.DOUBLE);
            case "geometric_mean" -> List.of(Types.BIGINT, Types.DOUBLE);
            case "corr", "covar_samp", "covar_pop", "regr_slope", "regr_intercept" ->
                    List.of(Types.BIGINT, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE);
            case "max_by", "min_by" -> List.of(argumentTypes.get(0), argumentTypes.get(1));
            case "arbitrary", "any_value" -> List.of(resultType);
            case "approx_distinct", "approx_percentile", "approx_set", "merge", "make_set_digest", "merge_set_digest",
                    "tdigest_agg", "qdigest_agg" ->
                    List.of(Types.VARBINARY);
            case "histogram", "multimap_agg", "map_union" -> List.of(resultType);
            case "bitwise_and_agg", "bitwise_or_agg", "bitwise_xor_agg" -> List.of(Types.BIGINT);
            case "skewness", "kurtosis" -> List.of(Types.BIGINT, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE);
            default -> throw new QuarryException(
                    ErrorCode.NOT_SUPPORTED, "Aggregate function " + function + " cannot be split into partial and final steps");
        };
    }
}
