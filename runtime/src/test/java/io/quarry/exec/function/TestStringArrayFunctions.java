package io.quarry.exec.function;

import static io.quarry.exec.function.FunctionAssertions.arg;
import static io.quarry.exec.function.FunctionAssertions.eval;
import static io.quarry.exec.function.FunctionAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestStringArrayFunctions {
    private static final Type ARRAY = new ArrayType(Types.VARCHAR);

    private static FunctionAssertions.Argument text(String value) {
        return arg(value, Types.VARCHAR);
    }

    private static FunctionAssertions.Argument bigint(long value) {
        return arg(value, Types.BIGINT);
    }

    @Test
    void splitsAtEachDelimiter() {
        assertThat(eval("split", ARRAY, text("a,b,c"), text(","))).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("split", ARRAY, text("a,,b,"), text(","))).isEqualTo(List.of("a", "", "b", ""));
        assertThat(eval("split", ARRAY, text(""), text(","))).isEqualTo(List.of(""));
        assertThat(eval("split", ARRAY, text("abc"), text(","))).isEqualTo(List.of("abc"));
        assertThat(eval("split", ARRAY, text("a::b:::c"), text("::"))).isEqualTo(List.of("a", "b", ":c"));
        assertThat(eval("split", ARRAY, text("é→ü→日"), text("→"))).isEqualTo(List.of("é", "ü", "日"));
    }

    @Test
    void splitsIntoAtMostLimitParts() {
        assertThat(eval("split", ARRAY, text("a,b,c"), text(","), bigint(2))).isEqualTo(List.of("a", "b,c"));
        assertThat(eval("split", ARRAY, text("a,b,c"), text(","), bigint(1))).isEqualTo(List.of("a,b,c"));
        assertThat(eval("split", ARRAY, text("a,b,c"), text(","), bigint(10))).isEqualTo(List.of("a", "b", "c"));
        assertThat(eval("split", ARRAY, text("a,b,"), text(","), bigint(3))).isEqualTo(List.of("a", "b", ""));
    }

    @Test
    void rejectsEmptyDelimiterAndNonPositiveLimit() {
        QuarryException empty = failure("split", ARRAY, text("abc"), text(""));
        assertThat(empty.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(empty.getMessage()).contains("The delimiter may not be the empty string");
        QuarryException limit = failure("split", ARRAY, text("abc"), text(","), bigint(0));
        assertThat(limit.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(limit.getMessage()).contains("Limit must be positive");
        assertThat(failure("split", ARRAY, text("abc"), text(","), bigint(1L << 40)).getMessage())
                .contains("Limit is too large");
    }

    @Test
    void extractsAllMatches() {
        assertThat(eval("regexp_extract_all", ARRAY, text("a1b22c333"), text("\\d+"))).isEqualTo(List.of("1", "22", "333"));
        assertThat(eval("regexp_extract_all", ARRAY, text("abc"), text("\\d+"))).isEqualTo(List.of());
        assertThat(eval("regexp_extract_all", ARRAY, text("a1 b2 c3"), text("([a-z])(\\d)"), bigint(2)))
                .isEqualTo(List.of("1", "2", "3"));
        // a group that does not take part in a match is a null element
        assertThat(eval("regexp_extract_all", ARRAY, text("ab"), text("(a)|b"), bigint(1)))
                .isEqualTo(Arrays.asList("a", null));
        assertThat(eval("regexp_extract_all", ARRAY, text("ab"), text("x*"))).isEqualTo(List.of("", "", ""));
    }

    @Test
    void rejectsGroupOutOfRangeAndBadPattern() {
        QuarryException group = failure("regexp_extract_all", ARRAY, text("a1"), text("(\\d)"), bigint(2));
        assertThat(group.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(group.getMessage()).contains("Pattern has 1 groups. Cannot access group 2");
        QuarryException negative = failure("regexp_extract_all", ARRAY, text("a1"), text("\\d"), bigint(-1));
        assertThat(negative.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(negative.getMessage()).contains("Group cannot be negative");
        assertThat(failure("regexp_split", ARRAY, text("a"), text("(")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void splitsAtEachMatch() {
        assertThat(eval("regexp_split", ARRAY, text("a1b22c333"), text("\\d+"))).isEqualTo(List.of("a", "b", "c", ""));
        assertThat(eval("regexp_split", ARRAY, text("abc"), text("\\d"))).isEqualTo(List.of("abc"));
        assertThat(eval("regexp_split", ARRAY, text("abc"), text(""))).isEqualTo(List.of("", "a", "b", "c", ""));
        assertThat(eval("regexp_split", ARRAY, text(""), text(","))).isEqualTo(List.of(""));
    }

    @Test
    void buildsOneArrayBlockPerPageWithNullRows() {
        Block strings = column(Types.VARCHAR, "a,b", null, "", "x,y,z");
        Block delimiters = column(Types.VARCHAR, ",", ",", ",", ",");
        Call call = new Call("split", List.of(new InputRef(0, Types.VARCHAR), new InputRef(1, Types.VARCHAR)), ARRAY);
        Block result = ExpressionCompiler.compile(call).evaluate(new Page(4, new Block[] {strings, delimiters}));
        assertThat(result).isInstanceOf(ArrayBlock.class);
        ArrayBlock arrays = (ArrayBlock) result;
        assertThat(arrays.isNull(1)).isTrue();
        assertThat(arrays.length(1)).isZero();
        assertThat(Values.toObject(ARRAY, arrays, 0)).isEqualTo(List.of("a", "b"));
        assertThat(Values.toObject(ARRAY, arrays, 2)).isEqualTo(List.of(""));
        assertThat(Values.toObject(ARRAY, arrays, 3)).isEqualTo(List.of("x", "y", "z"));
        assertThat(arrays.elements().positionCount()).isEqualTo(6);
    }

    @Test
    void compilesAConstantPatternOnceAndAPatternColumnPerRow() {
        Block strings = column(Types.VARCHAR, "a1b2", "a1b2");
        Block patterns = column(Types.VARCHAR, "\\d", "[a-z]");
        Call perRow = new Call("regexp_extract_all",
                List.of(new InputRef(0, Types.VARCHAR), new InputRef(1, Types.VARCHAR)), ARRAY);
        Block result = ExpressionCompiler.compile(perRow).evaluate(new Page(2, new Block[] {strings, patterns}));
        assertThat(Values.toObject(ARRAY, result, 0)).isEqualTo(List.of("1", "2"));
        assertThat(Values.toObject(ARRAY, result, 1)).isEqualTo(List.of("a", "b"));
        Call fixed = new Call("regexp_split",
                List.of(new InputRef(0, Types.VARCHAR), new Constant("\\d", Types.VARCHAR)), ARRAY);
        Block split = ExpressionCompiler.compile(fixed).evaluate(new Page(2, new Block[] {strings}));
        assertThat(Values.toObject(ARRAY, split, 1)).isEqualTo(List.of("a", "b", ""));
    }

    private static Block column(Type type, Object... values) {
        BlockBuilder builder = BlockBuilder.create(type, values.length);
        for (Object value : values) {
            builder.appendObject(value);
        }
        return builder.build();
    }
}
