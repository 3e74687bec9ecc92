package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregateSignatures;
import io.quarry.plan.AggregationStep;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestExtendedAccumulators {
    // group, x (bigint), y (double), flag (boolean), name (varchar)
    private static final List<Type> INPUT = List.of(Types.VARCHAR, Types.BIGINT, Types.DOUBLE, Types.BOOLEAN, Types.VARCHAR);

    private static AggregateCall call(String function, List<Integer> arguments, Type result) {
        List<Type> argumentTypes = arguments.stream().map(INPUT::get).toList();
        return new AggregateCall(function, arguments, argumentTypes, result, false, Optional.empty());
    }

    private static List<AggregateCall> calls() {
        return List.of(
                call("count_if", List.of(3), Types.BIGINT),
                call("bool_and", List.of(3), Types.BOOLEAN),
                call("bool_or", List.of(3), Types.BOOLEAN),
                call("every", List.of(3), Types.BOOLEAN),
                call("stddev", List.of(1), Types.DOUBLE),
                call("stddev_pop", List.of(1), Types.DOUBLE),
                call("variance", List.of(2), Types.DOUBLE),
                call("var_pop", List.of(2), Types.DOUBLE),
                call("geometric_mean", List.of(1), Types.DOUBLE),
                call("corr", List.of(2, 1), Types.DOUBLE),
                call("covar_samp", List.of(2, 1), Types.DOUBLE),
                call("covar_pop", List.of(2, 1), Types.DOUBLE),
                call("max_by", List.of(4, 2), Types.VARCHAR),
                call("min_by", List.of(4, 2), Types.VARCHAR),
                call("arbitrary", List.of(1), Types.BIGINT),
                call("approx_distinct", List.of(4), Types.BIGINT));
    }

    private static List<Type> outputTypes() {
        List<Type> types = new ArrayList<>(List.of(Types.VARCHAR));
        calls().forEach(call -> types.add(call.resultType()));
        return types;
    }

    private static Page first() {
        return page(INPUT,
                row("a", 1L, 2.0, true, "one"),
                row("a", 2L, 4.5, false, "two"),
                row("b", 10L, null, true, "ten"),
                row("a", 4L, 7.0, null, null));
    }

    private static Page second() {
        return page(INPUT,
                row("b", 20L, 3.0, true, "twenty"),
                row("a", 8L, 1.0, true, "eight"),
                row("b", null, 9.0, true, "none"),
                row("c", null, null, null, null));
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> result = new ArrayList<>(rows);
        result.sort(Comparator.comparing(row -> String.valueOf(row.get(0))));
        return result;
    }

    private static List<List<Object>> single() {
        return sorted(run(new HashAggregationOperator(INPUT, List.of(0), calls(), AggregationStep.SINGLE), outputTypes(), first(), second()));
    }

    @Test
    void singleStepValues() {
        List<List<Object>> rows = single();
        assertThat(rows).hasSize(3);
        List<Object> a = rows.get(0);
        // x = 1, 2, 4, 8; y = 2, 4.5, 7, 1; flags true, false, NULL, true
        assertThat(a.get(1)).isEqualTo(2L);
        assertThat(a.get(2)).isEqualTo(false);
        assertThat(a.get(3)).isEqualTo(true);
        assertThat(a.get(4)).isEqualTo(false);
        assertThat((double) a.get(5)).isCloseTo(3.095695936834452, within(1e-12));
        assertThat((double) a.get(6)).isCloseTo(2.680951323690902, within(1e-12));
        assertThat((double) a.get(7)).isCloseTo(7.229166666666667, within(1e-12));
        assertThat((double) a.get(8)).isCloseTo(5.421875, within(1e-12));
        assertThat((double) a.get(9)).isCloseTo(2.8284271247461903, within(1e-12));
        assertThat((double) a.get(10)).isCloseTo(-0.29535093773170096, within(1e-12));
        assertThat((double) a.get(11)).isCloseTo(-2.4583333333333335, within(1e-12));
        assertThat((double) a.get(12)).isCloseTo(-1.84375, within(1e-12));
        assertThat(a.get(13)).isNull(); // the max y (7.0) has a NULL name
        assertThat(a.get(14)).isEqualTo("eight");
        assertThat(a.get(15)).isEqualTo(1L);
        assertThat(a.get(16)).isEqualTo(3L);

        List<Object> c = rows.get(2);
        assertThat(c.get(1)).isEqualTo(0L);
        assertThat(c.subList(2, 16)).containsOnlyNulls();
        assertThat(c.get(16)).isEqualTo(0L);
    }

    @Test
    void partialThenFinalEqualsSingle() {
        List<AggregateCall> calls = calls();
        List<Type> partialTypes = new ArrayList<>(List.of(Types.VARCHAR));
        List<AggregateCall> finalCalls = new ArrayList<>();
        int channel = 1;
        for (AggregateCall call : calls) {
            List<Type> intermediate = AggregateSignatures.intermediateTypes(call.function(), call.argumentTypes(), call.resultType());
            partialTypes.addAll(intermediate);
            List<Integer> arguments = new ArrayList<>();
            for (int i = 0; i < intermediate.size(); i++) {
                arguments.add(channel++);
            }
            finalCalls.add(new AggregateCall(call.function(), arguments, call.argumentTypes(), call.resultType(), false, Optional.empty()));
            assertThat(AggregateSignatures.isDecomposable(call.function(), false)).as(call.function()).isTrue();
        }
        // each page aggregated by its own partial step, as on two workers
        List<Page> partials = new ArrayList<>();
        for (Page input : List.of(first(), second())) {
            HashAggregationOperator partial = new HashAggregationOperator(INPUT, List.of(0), calls, AggregationStep.PARTIAL);
            partial.addInput(input);
            partial.finish();
            while (!partial.isFinished()) {
                Page page = partial.getOutput();
                if (page != null) {
                    partials.add(page);
                }
            }
        }
        List<List<Object>> merged = sorted(run(
                new HashAggregationOperator(partialTypes, List.of(0), finalCalls, AggregationStep.FINAL),
                outputTypes(), partials.toArray(Page[]::new)));
        List<List<Object>> single = single();
        assertThat(merged).hasSameSizeAs(single);
        for (int r = 0; r < single.size(); r++) {
            for (int c = 0; c < single.get(r).size(); c++) {
                Object expected = single.get(r).get(c);
                Object actual = merged.get(r).get(c);
                if (expected instanceof Double value) {
                    assertThat((Double) actual).as("row %s column %s", r, c).isCloseTo(value, within(1e-9));
                } else {
                    assertThat(actual).as("row %s column %s", r, c).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void approxDistinctIsWithinItsStandardError() {
        ExtendedAccumulators.ApproxDistinct accumulator = new ExtendedAccumulators.ApproxDistinct(
                new AggregateCall("approx_distinct", List.of(0), List.of(Types.BIGINT), Types.BIGINT, false, Optional.empty()));
        accumulator.ensureCapacity(1);
        int rows = 200_000;
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = i * 7919L;
        }
        accumulator.addInput(new int[rows], new io.quarry.block.Block[] {new io.quarry.block.LongBlock(rows, null, values)}, rows);
        BlockBuilder out = BlockBuilder.create(Types.BIGINT, 1);
        accumulator.writeFinal(0, out);
        long estimate = ((io.quarry.block.LongBlock) out.build()).getLong(0);
        assertThat((double) estimate).isCloseTo(rows, within(rows * 0.023 * 3));
    }

    @Test
    void approxPercentileOfFewValuesIsTheNearestRank() {
        List<Type> types = List.of(Types.BIGINT, Types.DOUBLE);
        AggregateCall median = new AggregateCall("approx_percentile", List.of(0, 1), types, Types.BIGINT, false, Optional.empty());
        Page input = page(types, row(5L, 0.5), row(1L, 0.5), row(3L, 0.5), row(null, 0.5), row(100L, 0.5));
        List<List<Object>> rows = run(new HashAggregationOperator(types, List.of(), List.of(median), AggregationStep.SINGLE),
                List.of(Types.BIGINT), input);
        assertThat(rows).containsExactly(List.of(5L));
    }
}
