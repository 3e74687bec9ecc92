package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.Block;
import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The memory estimates of state that grows with the data: array_agg, map_agg and UNNEST output. */
class TestRetainedSizes {
    private static final int ROWS = 1000;

    private static Page strings(int length) {
        Object[][] rows = new Object[ROWS][];
        String value = "x".repeat(length);
        for (int i = 0; i < ROWS; i++) {
            rows[i] = row(value + i, (long) i);
        }
        return page(List.of(Types.VARCHAR, Types.BIGINT), rows);
    }

    private static long arrayAggBytes(Page input) {
        AggregateCall call = new AggregateCall("array_agg", List.of(0), List.of(Types.VARCHAR),
                new ArrayType(Types.VARCHAR), false, Optional.empty());
        Accumulator accumulator = StructuralAccumulators.create(call);
        accumulator.ensureCapacity(1);
        accumulator.addInput(new int[ROWS], new Block[] {input.block(0)}, ROWS);
        return accumulator.sizeInBytes();
    }

    @Test
    void arrayAggCountsTheBytesOfItsValues() {
        long shortStrings = arrayAggBytes(strings(10));
        long longStrings = arrayAggBytes(strings(1000));
        // 1000 values of about 1000 bytes are at least a megabyte, not a fixed few bytes per value
        assertThat(longStrings).isGreaterThanOrEqualTo(1000L * 1000);
        assertThat(longStrings - shortStrings).isGreaterThanOrEqualTo(990L * 1000);
        // and the estimate stays close: at most twice the payload plus the chains
        assertThat(longStrings).isLessThan(2L * 1004 * 1000 + 64L * ROWS);
    }

    @Test
    void mapAggCountsKeysAndValues() {
        AggregateCall call = new AggregateCall("map_agg", List.of(0, 1), List.of(Types.VARCHAR, Types.BIGINT),
                new MapType(Types.VARCHAR, Types.BIGINT), false, Optional.empty());
        Accumulator accumulator = StructuralAccumulators.create(call);
        accumulator.ensureCapacity(1);
        Page input = strings(500);
        long before = accumulator.sizeInBytes();
        accumulator.addInput(new int[ROWS], new Block[] {input.block(0), input.block(1)}, ROWS);
        assertThat(accumulator.sizeInBytes() - before).isBetween(509L * ROWS, 2L * 520 * ROWS);
    }

    @Test
    void unnestOutputCountsUntilTaken() {
        ArrayType bigints = new ArrayType(Types.BIGINT);
        List<Type> input = List.of(Types.VARCHAR, bigints);
        List<Object> elements = new ArrayList<>(Collections.nCopies(10_000, 7L));
        UnnestOperator unnest = new UnnestOperator(input, List.of(0), List.of(1), false);
        unnest.addInput(page(input, row("a".repeat(100), elements), row("b", elements)));
        // 20,000 rows of a bigint and a replicated varchar
        assertThat(unnest.stats().retainedBytes()).isGreaterThan(20_000L * 8);
        Page output = unnest.getOutput();
        assertThat(output.positionCount()).isEqualTo(20_000);
        assertThat(unnest.stats().retainedBytes()).isZero();
    }
}
