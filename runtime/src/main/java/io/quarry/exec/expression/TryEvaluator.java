package io.quarry.exec.expression;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.Set;

/**
 * {@code try(expression)}: the expression's values, NULL where computing them fails with one of the data
 * errors Trino's TRY catches. The whole block is computed first; only a block that fails is computed again
 * one position at a time.
 */
final class TryEvaluator implements BlockEvaluator {
    private static final Set<ErrorCode> CAUGHT = Set.of(ErrorCode.DIVISION_BY_ZERO, ErrorCode.INVALID_CAST_ARGUMENT,
            ErrorCode.INVALID_FUNCTION_ARGUMENT, ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);

    private final BlockEvaluator value;

    TryEvaluator(BlockEvaluator value) {
        this.value = requireNonNull(value, "value is null");
    }

    @Override
    public Type type() {
        return value.type();
    }

    @Override
    public Block evaluate(Page page, int[] positions, int count) {
        try {
            return value.evaluate(page, positions, count);
        } catch (QuarryException e) {
            if (!CAUGHT.contains(e.errorCode())) {
                throw e;
            }
        }
        BlockBuilder out = BlockBuilder.create(value.type(), count);
        int[] one = new int[1];
        for (int i = 0; i < count; i++) {
            one[0] = positions == null ? i : positions[i];
            try {
                out.append(value.evaluate(page, one.clone(), 1), 0);
            } catch (QuarryException e) {
                if (!CAUGHT.contains(e.errorCode())) {
                    throw e;
                }
                out.appendNull();
            }
        }
        return out.build();
    }
}
