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
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * sum and avg of decimal(38, 0) whose running totals pass 10^38 (and 2^127) on the way: partial states carry the
 * count of wraps of their 128 bits, so that workers' partials combine to Trino's answer.
 */
class TestDecimalSums {
    private static final Type DECIMAL = Types.decimal(38, 0);
    private static final List<Type> INPUT = List.of(Types.BIGINT, DECIMAL);
    private static final BigInteger MAX = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

    private static List<AggregateCall> calls() {
        return List.of(
                new AggregateCall("sum", List.of(1), List.of(DECIMAL), DECIMAL, false, Optional.empty()),
                new AggregateCall("avg", List.of(1), List.of(DECIMAL), DECIMAL, false, Optional.empty()));
    }

    /** Each page through its own PARTIAL step, as on separate workers, then one FINAL step. */
    private static List<List<Object>> partialThenFinal(Page... pages) {
        List<Type> partialTypes = new ArrayList<>(List.of(Types.BIGINT));
        List<AggregateCall> finalCalls = new ArrayList<>();
        int channel = 1;
        for (AggregateCall call : calls()) {
            List<Type> intermediate = AggregateSignatures.intermediateTypes(call.function(), call.argumentTypes(), call.resultType());
            partialTypes.addAll(intermediate);
            List<Integer> arguments = new ArrayList<>();
            for (int i = 0; i < intermediate.size(); i++) {
                arguments.add(channel++);
            }
            finalCalls.add(new AggregateCall(call.function(), arguments, call.argumentTypes(), call.resultType(), false, Optional.empty()));
        }
        List<Page> partials = new ArrayList<>();
        for (Page input : pages) {
            HashAggregationOperator partial = new HashAggregationOperator(INPUT, List.of(0), calls(), AggregationStep.PARTIAL);
            partial.addInput(input);
            partial.finish();
            while (!partial.isFinished()) {
                Page page = partial.getOutput();
                if (page != null) {
                    partials.add(page);
                }
            }
        }
        return run(new HashAggregationOperator(partialTypes, List.of(0), finalCalls, AggregationStep.FINAL),
                List.of(Types.BIGINT, DECIMAL, DECIMAL), partials.toArray(Page[]::new));
    }

    @Test
    void totalsPassingTheLimitOnTheWayAnswer() {
        // each worker's partial total is beyond 10^38 (three maxima: beyond 2^127 too); the whole is in range
        Page first = page(INPUT, row(1L, MAX), row(1L, MAX), row(1L, MAX));
        Page second = page(INPUT, row(1L, MAX.negate()), row(1L, MAX.negate()), row(1L, BigInteger.ONE.negate()));
        BigInteger total = MAX.subtract(BigInteger.ONE);
        BigInteger average = new java.math.BigDecimal(total).divide(java.math.BigDecimal.valueOf(6), 0, java.math.RoundingMode.HALF_UP)
                .toBigIntegerExact();
        assertThat(partialThenFinal(first, second))
                .containsExactly(List.of(1L, new java.math.BigDecimal(total), new java.math.BigDecimal(average)));
    }

    @Test
    void averagesOfTotalsBeyondTheLimitAnswer() {
        Page first = page(INPUT, row(1L, MAX), row(1L, MAX), row(1L, MAX));
        Page second = page(INPUT, row(1L, MAX), row(1L, MAX));
        HashAggregationOperator single = new HashAggregationOperator(INPUT, List.of(0),
                List.of(new AggregateCall("avg", List.of(1), List.of(DECIMAL), DECIMAL, false, Optional.empty())), AggregationStep.SINGLE);
        assertThat(run(single, List.of(Types.BIGINT, DECIMAL), first, second))
                .containsExactly(List.of(1L, new java.math.BigDecimal(MAX)));
    }

    @Test
    void totalsBeyondTheLimitFail() {
        Page first = page(INPUT, row(1L, MAX), row(1L, MAX));
        Page second = page(INPUT, row(1L, MAX), row(1L, MAX.negate()));
        assertThatThrownBy(() -> partialThenFinal(first, second))
                .isInstanceOf(QuarryException.class)
                .hasMessage("Decimal overflow");
    }
}
