package io.quarry.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Block;
import io.quarry.block.LongBlock;
import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTryEvaluator {
    @Test
    void failingRowsBecomeNull() {
        InputRef divisor = new InputRef(0, Types.BIGINT);
        Call divide = new Call("divide", List.of(new Constant(10L, Types.BIGINT), divisor), Types.BIGINT);
        SpecialForm attempt = new SpecialForm(Form.TRY, List.of(divide), Types.BIGINT);
        Page page = new Page(4, new LongBlock(4, null, new long[] {2, 0, 5, 0}));
        Block block = ExpressionCompiler.compile(attempt).evaluate(page);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            values.add(Values.toObject(Types.BIGINT, block, i));
        }
        assertThat(values).containsExactly(5L, null, 2L, null);
        // on a subset of positions too
        Block subset = ExpressionCompiler.compile(attempt).evaluate(page, new int[] {3, 2}, 2);
        assertThat(subset.isNull(0)).isTrue();
        assertThat(Values.toObject(Types.BIGINT, subset, 1)).isEqualTo(2L);
    }

    @Test
    void badCastsBecomeNullButOtherErrorsStay() {
        Call cast = new Call("cast", List.of(new InputRef(0, Types.VARCHAR)), Types.INTEGER);
        SpecialForm attempt = new SpecialForm(Form.TRY, List.of(cast), Types.INTEGER);
        Page page = new Page(2, io.quarry.exec.function.Blocks.constant(Types.VARCHAR, "abc", 2));
        Block block = ExpressionCompiler.compile(attempt).evaluate(page);
        assertThat(block.isNull(0)).isTrue();
        assertThat(block.isNull(1)).isTrue();
        SpecialForm wrapped = new SpecialForm(Form.TRY, List.of(new Call("no_such_function", List.of(), Types.BIGINT)), Types.BIGINT);
        assertThatThrownBy(() -> ExpressionCompiler.compile(wrapped))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND));
    }
}
