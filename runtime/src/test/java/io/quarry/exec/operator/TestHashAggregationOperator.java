package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregateSignatures;
import io.quarry.plan.AggregationStep;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestHashAggregationOperator {
    private static final List<Type> INPUT = List.of(Types.VARCHAR, Types.BIGINT, Types.DOUBLE, Types.decimal(10, 2), Types.BOOLEAN);

    private static AggregateCall call(String function, List<Integer> arguments, List<Type> argumentTypes, Type result) {
        return new AggregateCall(function, arguments, argumentTypes, result, false, Optional.empty());
    }

    private static Page input() {
        return page(INPUT,
                row("a", 1L, 1.5, new BigDecimal("1.10"), true),
                row("b", 2L, null, new BigDecimal("2.20"), false),
                row("a", 3L, 2.5, null, true),
                row(null, 4L, 4.0, new BigDecimal("4.00"), null),
                row("b", null, 1.0, new BigDecimal("-0.30"), true));
    }

    private static List<AggregateCall> calls() {
        return List.of(
                call("count", List.of(), List.of(), Types.BIGINT),
                call("count", List.of(2), List.of(Types.DOUBLE), Types.BIGINT),
                call("sum", List.of(1), List.of(Types.BIGINT), Types.BIGINT),
                call("avg", List.of(2), List.of(Types.DOUBLE), Types.DOUBLE),
                call("sum", List.of(3), List.of(Types.decimal(10, 2)), Types.decimal(38, 2)),
                call("avg", List.of(3), List.of(Types.decimal(10, 2)), Types.decimal(10, 2)),
                call("min", List.of(0), List.of(Types.VARCHAR), Types.VARCHAR),
                call("max", List.of(2), List.of(Types.DOUBLE), Types.DOUBLE));
    }

    private static final List<Type> OUTPUT = List.of(Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.DOUBLE,
            Types.decimal(38, 2), Types.decimal(10, 2), Types.VARCHAR, Types.DOUBLE);

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> result = new ArrayList<>(rows);
        result.sort(Comparator.comparing(row -> String.valueOf(row.get(0))));
        return result;
    }

    private static final List<List<Object>> EXPECTED = List.of(
            Arrays.asList("a", 2L, 2L, 4L, 2.0, new BigDecimal("1.10"), new BigDecimal("1.10"), "a", 2.5),
            Arrays.asList("b", 2L, 1L, 2L, 1.0, new BigDecimal("1.90"), new BigDecimal("0.95"), "b", 1.0),
            Arrays.asList(null, 1L, 1L, 4L, 4.0, new BigDecimal("4.00"), new BigDecimal("4.00"), null, 4.0));

    @Test
    void singleStepGroupsByKeysIncludingNull() {
        HashAggregationOperator operator = new HashAggregationOperator(INPUT, List.of(0), calls(), AggregationStep.SINGLE);
        assertThat(sorted(run(operator, OUTPUT, input()))).isEqualTo(sorted(EXPECTED));
    }

    @Test
    void partialThenFinalGivesTheSameResult() {
        HashAggregationOperator partial = new HashAggregationOperator(INPUT, List.of(0), calls(), AggregationStep.PARTIAL);
        List<Type> partialTypes = new ArrayList<>(List.of(Types.VARCHAR));
        List<AggregateCall> finalCalls = new ArrayList<>();
        int channel = 1;
        for (AggregateCall call : calls()) {
            List<Type> types = AggregateSignatures.intermediateTypes(call.function(), call.argumentTypes(), call.resultType());
            partialTypes.addAll(types);
            List<Integer> arguments = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                arguments.add(channel++);
            }
            finalCalls.add(call(call.function(), arguments, call.argumentTypes(), call.resultType()));
        }
        Page all = input();
        // two partial operators over two halves, merged by one final
        HashAggregationOperator second = new HashAggregationOperator(INPUT, List.of(0), calls(), AggregationStep.PARTIAL);
        List<List<Object>> firstRows = run(partial, partialTypes, all.region(0, 2));
        List<List<Object>> secondRows = run(second, partialTypes, all.region(2, 3));
        List<Object[]> intermediate = new ArrayList<>();
        firstRows.forEach(row -> intermediate.add(row.toArray()));
        secondRows.forEach(row -> intermediate.add(row.toArray()));
        HashAggregationOperator finalStep = new HashAggregationOperator(partialTypes, List.of(0), finalCalls, AggregationStep.FINAL);
        List<List<Object>> result = run(finalStep, OUTPUT, page(partialTypes, intermediate.toArray(Object[][]::new)));
        assertThat(sorted(result)).isEqualTo(sorted(EXPECTED));
    }

    @Test
    void globalAggregationOnEmptyInputGivesOneRow() {
        List<AggregateCall> calls = List.of(
                call("count", List.of(), List.of(), Types.BIGINT),
                call("sum", List.of(1), List.of(Types.BIGINT), Types.BIGINT),
                call("avg", List.of(2), List.of(Types.DOUBLE), Types.DOUBLE));
        List<Type> types = List.of(Types.BIGINT, Types.BIGINT, Types.DOUBLE);
        assertThat(run(new HashAggregationOperator(INPUT, List.of(), calls, AggregationStep.SINGLE), types))
                .containsExactly(Arrays.asList(0L, null, null));
        assertThat(run(new HashAggregationOperator(INPUT, List.of(), calls, AggregationStep.PARTIAL), types)).isEmpty();
        List<Type> partialTypes = List.of(Types.BIGINT, Types.BIGINT, Types.DOUBLE, Types.BIGINT);
        List<AggregateCall> finalCalls = List.of(
                call("count", List.of(0), List.of(), Types.BIGINT),
                call("sum", List.of(1), List.of(Types.BIGINT), Types.BIGINT),
                call("avg", List.of(2, 3), List.of(Types.DOUBLE), Types.DOUBLE));
        assertThat(run(new HashAggregationOperator(partialTypes, List.of(), finalCalls, AggregationStep.FINAL), types))
                .containsExactly(Arrays.asList(0L, null, null));
    }

    @Test
    void distinctAndFilter() {
        List<AggregateCall> calls = List.of(
                new AggregateCall("count", List.of(1), List.of(Types.BIGINT), Types.BIGINT, true, Optional.empty()),
                new AggregateCall("sum", List.of(1), List.of(Types.BIGINT), Types.BIGINT, true, Optional.empty()),
                new AggregateCall("count", List.of(), List.of(), Types.BIGINT, false, Optional.of(2)));
        List<Type> input = List.of(Types.VARCHAR, Types.BIGINT, Types.BOOLEAN);
        Page page = page(input,
                row("x", 1L, true), row("x", 1L, false), row("x", 2L, null), row("y", 5L, true), row("y", 5L, true),
                row("x", null, true));
        List<List<Object>> result = run(new HashAggregationOperator(input, List.of(0), calls, AggregationStep.SINGLE),
                List.of(Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT), page, page);
        assertThat(sorted(result)).containsExactly(Arrays.asList("x", 2L, 3L, 4L), Arrays.asList("y", 1L, 5L, 4L));
    }

    @Test
    void bigintSumOverflowIsAnError() {
        List<Type> input = List.of(Types.BIGINT);
        HashAggregationOperator operator = new HashAggregationOperator(input, List.of(),
                List.of(call("sum", List.of(0), List.of(Types.BIGINT), Types.BIGINT)), AggregationStep.SINGLE);
        assertThatThrownBy(() -> run(operator, input, page(input, row(Long.MAX_VALUE), row(1L))))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
    }

    @Test
    void decimalSumIsExactBeyond64Bits() {
        List<Type> input = List.of(Types.decimal(18, 0));
        Object[][] rows = new Object[20][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(new BigDecimal("999999999999999999"));
        }
        HashAggregationOperator operator = new HashAggregationOperator(input, List.of(),
                List.of(call("sum", List.of(0), input, Types.decimal(38, 0))), AggregationStep.SINGLE);
        assertThat(run(operator, List.of(Types.decimal(38, 0)), page(input, rows)))
                .containsExactly(List.of(new BigDecimal("19999999999999999980")));
    }

    @Test
    void manyGroupsGrowTheTable() {
        List<Type> input = List.of(Types.BIGINT, Types.BIGINT);
        Object[][] rows = new Object[20_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row((long) (i % 5000), 1L);
        }
        HashAggregationOperator operator = new HashAggregationOperator(input, List.of(0),
                List.of(call("sum", List.of(1), List.of(Types.BIGINT), Types.BIGINT)), AggregationStep.SINGLE);
        List<List<Object>> result = run(operator, input, page(input, rows));
        assertThat(result).hasSize(5000);
        assertThat(result).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(4L));
        assertThat(operator.stats().inputRows()).isEqualTo(20_000);
    }

    @Test
    void unknownAggregateIsRejected() {
        assertThatThrownBy(() -> new HashAggregationOperator(INPUT, List.of(),
                List.of(call("median", List.of(1), List.of(Types.BIGINT), Types.BIGINT)), AggregationStep.SINGLE))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND));
    }
}
