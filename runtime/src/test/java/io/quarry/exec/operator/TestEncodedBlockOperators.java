package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.DictionaryBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.RunLengthBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.exec.expression.PageFilter;
import io.quarry.page.EncodedPages;
import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Filter-project and hash aggregation over dictionary and run-length pages give what they give over flat pages. */
class TestEncodedBlockOperators {
    private static final InputRef NAME = new InputRef(0, Types.VARCHAR);
    private static final InputRef AMOUNT = new InputRef(1, Types.BIGINT);
    private static final InputRef FLAG = new InputRef(2, Types.VARCHAR);
    private static final List<Type> TYPES = List.of(Types.VARCHAR, Types.BIGINT, Types.VARCHAR);

    /** Names from a dictionary of "a", "bb", NULL, "x" (unused by the rows: casting it to bigint fails) and "12". */
    private static Page encodedPage(int rows) {
        byte[] data = "abbx12".getBytes(StandardCharsets.UTF_8);
        VariableWidthBlock dictionary =
                new VariableWidthBlock(5, new boolean[] {false, false, true, false, false}, new int[] {0, 1, 3, 3, 4, 6}, data);
        int[] ids = new int[rows];
        long[] amounts = new long[rows];
        int[] used = {0, 1, 2, 4};
        for (int i = 0; i < rows; i++) {
            ids[i] = used[(i * 5 / 3) % 4];
            amounts[i] = i * 3L % 11;
        }
        VariableWidthBlock flag = new VariableWidthBlock(1, null, new int[] {0, 1}, "F".getBytes(StandardCharsets.UTF_8));
        return new Page(rows, new DictionaryBlock(dictionary, ids, rows), new LongBlock(rows, null, amounts), new RunLengthBlock(flag, rows));
    }

    private static Call call(String name, Type type, Expression... arguments) {
        return new Call(name, List.of(arguments), type);
    }

    private static List<List<Object>> filterProject(Expression filter, List<Expression> projections, Page page) {
        PageFilter pageFilter = filter == null ? null : ExpressionCompiler.compileFilter(filter);
        List<BlockEvaluator> evaluators = projections.stream().map(ExpressionCompiler::compileProjection).toList();
        List<Type> types = projections.stream().map(Expression::type).toList();
        return run(new FilterProjectOperator(pageFilter, evaluators), types, page);
    }

    @Test
    void filtersAndProjectionsOverEncodedPagesMatchTheFlatPages() {
        Page encoded = encodedPage(40);
        Page flat = EncodedPages.flatten(encoded);
        Expression notA = call("not_equal", Types.BOOLEAN, NAME, new Constant("a", Types.VARCHAR));
        Expression flagIsF = call("equal", Types.BOOLEAN, FLAG, new Constant("F", Types.VARCHAR));
        Expression small = call("less_than", Types.BOOLEAN, AMOUNT, new Constant(7L, Types.BIGINT));
        List<Expression> projections = List.of(
                NAME,
                call("length", Types.BIGINT, NAME),
                call("upper", Types.VARCHAR, FLAG),
                new Constant(5L, Types.BIGINT),
                call("concat", Types.VARCHAR, NAME, FLAG),
                call("add", Types.BIGINT, AMOUNT, new Constant(1L, Types.BIGINT)));
        for (Expression filter : java.util.Arrays.asList(null, notA, flagIsF, small,
                new io.quarry.plan.expression.SpecialForm(io.quarry.plan.expression.Form.AND, List.of(notA, flagIsF, small), Types.BOOLEAN))) {
            List<List<Object>> expected = filterProject(filter, projections, flat);
            assertThat(filterProject(filter, projections, encoded)).as("filter %s", filter).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void anEntryNoSelectedRowUsesCannotFailTheQuery() {
        // "x" is in the dictionary but in no row: cast(name AS bigint) over the dictionary fails, over the rows not
        Page encoded = encodedPage(40);
        Expression notBb = call("not_equal", Types.BOOLEAN, NAME, new Constant("bb", Types.VARCHAR));
        Expression isTwelve = call("equal", Types.BOOLEAN, NAME, new Constant("12", Types.VARCHAR));
        List<Expression> projections = List.of(call("cast", Types.BIGINT, NAME));
        List<List<Object>> rows = filterProject(isTwelve, projections, encoded);
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsExactly(12L));
        assertThat(filterProject(notBb, List.of(NAME), encoded)).isEqualTo(filterProject(notBb, List.of(NAME), EncodedPages.flatten(encoded)));
    }

    @Test
    void projectionsKeepTheEncodings() {
        Page encoded = encodedPage(40);
        FilterProjectOperator operator = new FilterProjectOperator(null, List.of(
                ExpressionCompiler.compileProjection(NAME),
                ExpressionCompiler.compileProjection(call("length", Types.BIGINT, NAME)),
                ExpressionCompiler.compileProjection(new Constant(5L, Types.BIGINT)),
                ExpressionCompiler.compileProjection(call("upper", Types.VARCHAR, FLAG))));
        assertThat(operator.acceptsEncodedBlocks()).isTrue();
        operator.addInput(encoded);
        Page output = operator.getOutput();
        assertThat(output.block(0)).isSameAs(encoded.block(0));
        assertThat(output.block(1)).isInstanceOf(DictionaryBlock.class);
        assertThat(((DictionaryBlock) output.block(1)).dictionary().positionCount()).isEqualTo(5);
        assertThat(output.block(2)).isInstanceOf(RunLengthBlock.class);
        assertThat(output.block(3)).isInstanceOf(RunLengthBlock.class);
    }

    private static List<List<Object>> aggregate(List<Integer> keys, Page... pages) {
        List<AggregateCall> calls = List.of(
                new AggregateCall("count", List.of(), List.of(), Types.BIGINT, false, Optional.empty()),
                new AggregateCall("sum", List.of(1), List.of(Types.BIGINT), Types.BIGINT, false, Optional.empty()),
                new AggregateCall("max", List.of(0), List.of(Types.VARCHAR), Types.VARCHAR, false, Optional.empty()));
        List<Type> output = new ArrayList<>();
        keys.forEach(key -> output.add(TYPES.get(key)));
        output.addAll(List.of(Types.BIGINT, Types.BIGINT, Types.VARCHAR));
        HashAggregationOperator operator = new HashAggregationOperator(TYPES, keys, calls, AggregationStep.SINGLE);
        assertThat(operator.acceptsEncodedBlocks()).isTrue();
        return run(operator, output, pages);
    }

    @Test
    void groupingByDictionaryAndRunLengthKeysMatchesTheFlatPages() {
        Page first = encodedPage(40);
        // a second page over the same dictionary (a filtered copy), then one over a new dictionary
        Page second = first.copyPositions(new int[] {3, 4, 5, 6, 7, 30, 31, 32, 33, 34}, 10);
        Page third = encodedPage(17);
        assertThat(second.block(0)).isInstanceOf(DictionaryBlock.class);
        for (List<Integer> keys : List.of(List.of(0), List.of(0, 2), List.of(2), List.of(2, 0, 1))) {
            List<List<Object>> expected = aggregate(keys,
                    EncodedPages.flatten(first), EncodedPages.flatten(second), EncodedPages.flatten(third));
            List<List<Object>> actual = aggregate(keys, first, second, third);
            // groups come in the order of their first rows, as row by row
            assertThat(actual).as("keys %s", keys).isEqualTo(expected);
        }
        assertThat(aggregate(List.of(0), first)).hasSize(4).anySatisfy(row -> assertThat(row.get(0)).isNull());
    }

    @Test
    void aDictionaryWithDuplicateValuesMakesOneGroupPerValue() {
        byte[] data = "aab".getBytes(StandardCharsets.UTF_8);
        VariableWidthBlock dictionary = new VariableWidthBlock(3, null, new int[] {0, 1, 2, 3}, data);
        int rows = 6;
        Page page = new Page(rows,
                new DictionaryBlock(dictionary, new int[] {0, 1, 2, 1, 0, 2}, rows),
                new LongBlock(rows, null, new long[] {1, 2, 3, 4, 5, 6}),
                new RunLengthBlock(new VariableWidthBlock(1, null, new int[] {0, 1}, "F".getBytes(StandardCharsets.UTF_8)), rows));
        List<List<Object>> result = new ArrayList<>(aggregate(List.of(0), page));
        result.sort(Comparator.comparing(row -> String.valueOf(row.get(0))));
        assertThat(result).containsExactly(List.of("a", 4L, 12L, "a"), List.of("b", 2L, 9L, "b"));
    }
}
