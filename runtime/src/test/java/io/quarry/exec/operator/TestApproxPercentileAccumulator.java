package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.DecimalType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** approx_percentile over pages: single and partial/final steps, weights, arrays of percentages. */
class TestApproxPercentileAccumulator {
    private static final int PAGE_ROWS = 10_000;
    private static final ArrayType PERCENTAGES = new ArrayType(Types.DOUBLE);

    /** Values {@code from, from + step, ...}: PAGE_ROWS of them, weight 1 + value % 3, percentage 0.9. */
    private static Page page(long from, long step, Block percentages) {
        long[] values = new long[PAGE_ROWS];
        long[] weights = new long[PAGE_ROWS];
        for (int i = 0; i < PAGE_ROWS; i++) {
            values[i] = from + i * step;
            weights[i] = 1 + values[i] % 3;
        }
        return new Page(PAGE_ROWS, new Block[] {
                new LongBlock(PAGE_ROWS, null, values), new LongBlock(PAGE_ROWS, null, weights), percentages});
    }

    private static Block scalarPercentage(double percentage) {
        double[] values = new double[PAGE_ROWS];
        java.util.Arrays.fill(values, percentage);
        return new DoubleBlock(PAGE_ROWS, null, values);
    }

    private static Block arrayPercentages(double... percentages) {
        int[] offsets = new int[PAGE_ROWS + 1];
        double[] elements = new double[PAGE_ROWS * percentages.length];
        for (int i = 0; i < PAGE_ROWS; i++) {
            System.arraycopy(percentages, 0, elements, i * percentages.length, percentages.length);
            offsets[i + 1] = (i + 1) * percentages.length;
        }
        return new ArrayBlock(PAGE_ROWS, null, offsets, new DoubleBlock(elements.length, null, elements));
    }

    /** Each page through its own partial step (as on several workers), then one final step. */
    private static Object partialThenFinal(AggregateCall call, List<Type> inputTypes, Page... pages) {
        List<Page> partials = new ArrayList<>();
        for (Page input : pages) {
            HashAggregationOperator partial = new HashAggregationOperator(inputTypes, List.of(), List.of(call), AggregationStep.PARTIAL);
            partial.addInput(input);
            partial.finish();
            while (!partial.isFinished()) {
                Page page = partial.getOutput();
                if (page != null) {
                    partials.add(page);
                }
            }
        }
        AggregateCall merge = new AggregateCall(call.function(), List.of(0), call.argumentTypes(), call.resultType(), false, Optional.empty());
        List<List<Object>> rows = run(new HashAggregationOperator(List.of(Types.VARBINARY), List.of(), List.of(merge), AggregationStep.FINAL),
                List.of(call.resultType()), partials.toArray(Page[]::new));
        assertThat(rows).hasSize(1);
        return rows.get(0).get(0);
    }

    @Test
    void partialStatesMergeWithinOnePercentOfRank() {
        List<Type> types = List.of(Types.BIGINT, Types.BIGINT, Types.DOUBLE);
        AggregateCall call = new AggregateCall("approx_percentile", List.of(0, 2), List.of(Types.BIGINT, Types.DOUBLE), Types.BIGINT, false, Optional.empty());
        // 0..39,999 spread over four pages, interleaved
        Object p90 = partialThenFinal(call, types,
                page(0, 4, scalarPercentage(0.9)), page(1, 4, scalarPercentage(0.9)),
                page(2, 4, scalarPercentage(0.9)), page(3, 4, scalarPercentage(0.9)));
        assertThat((double) (Long) p90).isCloseTo(36_000, within(400.0));
    }

    @Test
    void arrayOfPercentagesAnswersEachInOrder() {
        List<Type> types = List.of(Types.BIGINT, Types.BIGINT, PERCENTAGES);
        AggregateCall call = new AggregateCall("approx_percentile", List.of(0, 2), List.of(Types.BIGINT, PERCENTAGES),
                new ArrayType(Types.BIGINT), false, Optional.empty());
        Object result = partialThenFinal(call, types,
                page(0, 2, arrayPercentages(0.5, 0.1, 0.99)), page(1, 2, arrayPercentages(0.5, 0.1, 0.99)));
        @SuppressWarnings("unchecked")
        List<Long> values = (List<Long>) result;
        assertThat(values).hasSize(3);
        // Trino's t-digest is within a few percent of the rank in the middle, closer at the ends
        assertThat((double) values.get(0)).isCloseTo(10_000, within(500.0));
        assertThat((double) values.get(1)).isCloseTo(2_000, within(300.0));
        assertThat((double) values.get(2)).isCloseTo(19_800, within(200.0));
    }

    @Test
    void weightsShiftTheAnswer() {
        // value v has weight 1 + v % 3 over 0..9,999: the weights average 2 and do not change the median much,
        // but weight 1 for all values below 5,000 and 3 above it does
        List<Type> types = List.of(Types.BIGINT, Types.BIGINT, Types.DOUBLE);
        long[] values = new long[PAGE_ROWS];
        long[] weights = new long[PAGE_ROWS];
        for (int i = 0; i < PAGE_ROWS; i++) {
            values[i] = i;
            weights[i] = i < 5_000 ? 1 : 3;
        }
        Page input = new Page(PAGE_ROWS, new Block[] {
                new LongBlock(PAGE_ROWS, null, values), new LongBlock(PAGE_ROWS, null, weights), scalarPercentage(0.5)});
        AggregateCall call = new AggregateCall("approx_percentile", List.of(0, 1, 2), types, Types.DOUBLE, false, Optional.empty());
        List<List<Object>> rows = run(new HashAggregationOperator(types, List.of(), List.of(call), AggregationStep.SINGLE),
                List.of(Types.DOUBLE), input);
        // total weight 20,000: the median rank 10,000 is 5,000 into the weight-3 half, at 5,000 + 5,000 / 3
        assertThat((double) rows.get(0).get(0)).isCloseTo(6_667, within(200.0));
    }

    @Test
    void decimalPercentageAndBadPercentages() {
        DecimalType decimal = new DecimalType(2, 1);
        List<Type> types = List.of(Types.BIGINT, Types.BIGINT, decimal);
        long[] tenths = new long[PAGE_ROWS];
        java.util.Arrays.fill(tenths, 5); // 0.5 as a decimal(2, 1)
        Page input = page(1, 1, new LongBlock(PAGE_ROWS, null, tenths));
        AggregateCall call = new AggregateCall("approx_percentile", List.of(0, 2), List.of(Types.BIGINT, decimal), Types.BIGINT, false, Optional.empty());
        List<List<Object>> rows = run(new HashAggregationOperator(types, List.of(), List.of(call), AggregationStep.SINGLE),
                List.of(Types.BIGINT), input);
        assertThat((double) (Long) rows.get(0).get(0)).isCloseTo(5_000, within(100.0));

        AggregateCall bad = new AggregateCall("approx_percentile", List.of(0, 2), List.of(Types.BIGINT, Types.DOUBLE), Types.BIGINT, false, Optional.empty());
        assertThatThrownBy(() -> run(new HashAggregationOperator(List.of(Types.BIGINT, Types.BIGINT, Types.DOUBLE), List.of(), List.of(bad), AggregationStep.SINGLE),
                List.of(Types.BIGINT), page(1, 1, scalarPercentage(1.5))))
                .isInstanceOf(QuarryException.class)
                .hasMessage("Percentile must be between 0 and 1")
                .satisfies(e -> assertThat(((QuarryException) e).errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT));
    }

    /** Values {@code v % 10} for v from {@code from}, PAGE_ROWS of them, weight 1.5, the percentage and accuracy 0.01. */
    private static Page tenValues(long from, double percentage) {
        long[] values = new long[PAGE_ROWS];
        for (int i = 0; i < PAGE_ROWS; i++) {
            values[i] = (from + i) % 10;
        }
        double[] weights = new double[PAGE_ROWS];
        double[] accuracies = new double[PAGE_ROWS];
        java.util.Arrays.fill(weights, 1.5);
        java.util.Arrays.fill(accuracies, 0.01);
        return new Page(PAGE_ROWS, new Block[] {new LongBlock(PAGE_ROWS, null, values), new DoubleBlock(PAGE_ROWS, null, weights),
                scalarPercentage(percentage), new DoubleBlock(PAGE_ROWS, null, accuracies)});
    }

    @Test
    void accuracyFormMergesQuantileDigestsBetweenSteps() {
        List<Type> types = List.of(Types.BIGINT, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE);
        AggregateCall call = new AggregateCall("approx_percentile", List.of(0, 1, 2, 3), types, Types.BIGINT, false, Optional.empty());
        // a digest of ten distinct values is exact: 0..9 as often each, the median is the sixth, as in Trino
        assertThat(partialThenFinal(call, types, tenValues(0, 0.5), tenValues(3, 0.5), tenValues(7, 0.5))).isEqualTo(5L);
        assertThat(partialThenFinal(call, types, tenValues(0, 0.1), tenValues(5, 0.1))).isEqualTo(1L);
        List<List<Object>> single = run(new HashAggregationOperator(types, List.of(), List.of(call), AggregationStep.SINGLE),
                List.of(Types.BIGINT), tenValues(0, 0.9), tenValues(1, 0.9));
        assertThat(single).containsExactly(List.of(9L));
    }

    @Test
    void memoryIsBoundedPerGroup() {
        AggregateCall call = new AggregateCall("approx_percentile", List.of(0, 2), List.of(Types.BIGINT, Types.DOUBLE), Types.BIGINT, false, Optional.empty());
        ApproxPercentileAccumulator accumulator = new ApproxPercentileAccumulator(call, false);
        accumulator.ensureCapacity(1);
        int[] groups = new int[PAGE_ROWS];
        long afterOnePage = 0;
        for (int p = 0; p < 100; p++) {
            Page input = page((long) p * PAGE_ROWS, 1, scalarPercentage(0.5));
            accumulator.addInput(groups, new Block[] {input.block(0), input.block(1), input.block(2)}, PAGE_ROWS);
            if (p == 0) {
                afterOnePage = accumulator.sizeInBytes();
            }
        }
        // a million values, and the state is about as large as after the first ten thousand
        assertThat(accumulator.sizeInBytes()).isLessThan(afterOnePage + 4_000).isLessThan(40_000);
    }
}
