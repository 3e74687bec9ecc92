package io.quarry.exec.operator;

import io.quarry.plan.AggregateCall;
import io.quarry.type.MapType;
import io.quarry.type.Storage;
import java.util.Set;

/**
 * The accumulators of checksum, listagg, approx_most_frequent, numeric_histogram and the max_by/min_by/max/min forms
 * with a count (all in a single step, no intermediate state between nodes), and min/max of arrays and rows.
 */
final class MoreAccumulators {
    /**
     * The functions, by Quarry name ({@code max_by_n}/{@code min_by_n} are max_by/min_by with a count, {@code max_n}/
     * {@code min_n} max/min with one).
     */
    static final Set<String> FUNCTIONS = Set.of(
            "checksum", "listagg", "approx_most_frequent", "numeric_histogram", "max_by_n", "min_by_n", "max_n", "min_n");

    private MoreAccumulators() {}

    static boolean handles(AggregateCall call) {
        return FUNCTIONS.contains(call.function()) || isStructuralMinMax(call)
                || (call.function().equals("max_by") || call.function().equals("min_by")) && call.argumentTypes().size() == 3;
    }

    private static boolean isStructuralMinMax(AggregateCall call) {
        return (call.function().equals("min") || call.function().equals("max")) && call.argumentTypes().size() == 1
                && (call.argumentTypes().get(0).storage() == Storage.ARRAY || call.argumentTypes().get(0).storage() == Storage.ROW);
    }

    static Accumulator create(AggregateCall call) {
        if (isStructuralMinMax(call)) {
            return new StructuralMinMaxAccumulator(call.argumentTypes().get(0), call.function().equals("max"));
        }
        return switch (call.function()) {
            case "checksum" -> new ChecksumAccumulator(call.argumentTypes().get(0));
            case "listagg" -> new ListaggAccumulator(call);
            case "approx_most_frequent" -> new ApproxMostFrequentAccumulator(call.argumentTypes().get(1));
            case "numeric_histogram" -> new NumericHistogramAccumulator(
                    ((MapType) call.resultType()).keyType(), call.argumentTypes());
            case "max_n", "min_n" -> new ValuesByKeyAccumulator(call.function(), call.argumentTypes().get(0), call.argumentTypes().get(0));
            default -> new ValuesByKeyAccumulator(call.function(), call.argumentTypes().get(0), call.argumentTypes().get(1));
        };
    }
}
