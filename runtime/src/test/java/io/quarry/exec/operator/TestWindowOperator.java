package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.page.Page;
import io.quarry.plan.SortKey;
import io.quarry.plan.WindowFrame;
import io.quarry.plan.WindowFrame.Bound;
import io.quarry.plan.WindowFrame.Kind;
import io.quarry.plan.WindowFunction;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestWindowOperator {
    // partition, order value, one (constant 1 for offsets), name
    private static final List<Type> INPUT = List.of(Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR);
    private static final WindowFrame WHOLE = new WindowFrame(Kind.ROWS, Bound.UNBOUNDED_PRECEDING, Optional.empty(), Bound.UNBOUNDED_FOLLOWING, Optional.empty());

    private static WindowFunction function(String name, List<Integer> arguments, Type result, WindowFrame frame) {
        return new WindowFunction(name, arguments, arguments.stream().map(INPUT::get).toList(), result, frame);
    }

    /** Two partitions, spread over two pages and out of order; partition 1 has peers (order value 20). */
    private static Page[] input() {
        return new Page[] {
            page(INPUT, row(1L, 20L, 1L, "c"), row(2L, 5L, 1L, "x"), row(1L, 10L, 1L, "a")),
            page(INPUT, row(1L, 20L, 1L, "c"), row(2L, 6L, 1L, "y"), row(1L, 30L, 1L, "d")),
        };
    }

    private static List<List<Object>> run(List<WindowFunction> functions) {
        List<Type> types = new ArrayList<>(INPUT);
        functions.forEach(function -> types.add(function.resultType()));
        WindowOperator operator = new WindowOperator(INPUT, List.of(0), List.of(new SortKey(1, true, false)), functions);
        return OperatorAssertions.run(operator, types, input());
    }

    private static List<Object> column(List<List<Object>> rows, int channel) {
        return rows.stream().map(row -> row.get(channel)).toList();
    }

    @Test
    void rankingFunctionsUsePeers() {
        List<List<Object>> rows = run(List.of(
                function("row_number", List.of(), Types.BIGINT, WindowFrame.DEFAULT),
                function("rank", List.of(), Types.BIGINT, WindowFrame.DEFAULT),
                function("dense_rank", List.of(), Types.BIGINT, WindowFrame.DEFAULT),
                function("percent_rank", List.of(), Types.DOUBLE, WindowFrame.DEFAULT),
                function("cume_dist", List.of(), Types.DOUBLE, WindowFrame.DEFAULT),
                function("ntile", List.of(2), Types.BIGINT, WindowFrame.DEFAULT)));
        // sorted: partition 1 (10, 20, 20, 30), then partition 2 (5, 6)
        assertThat(column(rows, 1)).containsExactly(10L, 20L, 20L, 30L, 5L, 6L);
        assertThat(column(rows, 4)).containsExactly(1L, 2L, 3L, 4L, 1L, 2L);
        assertThat(column(rows, 5)).containsExactly(1L, 2L, 2L, 4L, 1L, 2L);
        assertThat(column(rows, 6)).containsExactly(1L, 2L, 2L, 3L, 1L, 2L);
        assertThat(column(rows, 7)).containsExactly(0.0, 1.0 / 3, 1.0 / 3, 1.0, 0.0, 1.0);
        assertThat(column(rows, 8)).containsExactly(0.25, 0.75, 0.75, 1.0, 0.5, 1.0);
        assertThat(column(rows, 9)).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
    }

    @Test
    void ntileSpreadsTheRemainderOverTheFirstBuckets() {
        List<Long> buckets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buckets.add(WindowOperator.ntile(4, 10, i));
        }
        assertThat(buckets).containsExactly(1L, 1L, 1L, 2L, 2L, 2L, 3L, 3L, 4L, 4L);
        assertThat(WindowOperator.ntile(5, 3, 2)).isEqualTo(3L);
    }

    @Test
    void aggregatesOverFrames() {
        WindowFrame running = new WindowFrame(Kind.ROWS, Bound.UNBOUNDED_PRECEDING, Optional.empty(), Bound.CURRENT_ROW, Optional.empty());
        // offsets come from channel 2, which is 1 in every row
        WindowFrame moving = new WindowFrame(Kind.ROWS, Bound.PRECEDING, Optional.of(2), Bound.FOLLOWING, Optional.of(2));
        WindowFrame before = new WindowFrame(Kind.ROWS, Bound.UNBOUNDED_PRECEDING, Optional.empty(), Bound.PRECEDING, Optional.of(2));
        WindowFrame range = new WindowFrame(Kind.RANGE, Bound.PRECEDING, Optional.of(1), Bound.CURRENT_ROW, Optional.empty());
        List<List<Object>> rows = run(List.of(
                function("sum", List.of(1), Types.BIGINT, WindowFrame.DEFAULT),
                function("sum", List.of(1), Types.BIGINT, running),
                function("sum", List.of(1), Types.BIGINT, moving),
                function("count", List.of(), Types.BIGINT, WHOLE),
                function("sum", List.of(1), Types.BIGINT, before),
                function("max", List.of(3), Types.VARCHAR, range)));
        // the default RANGE frame includes the peers of the current row
        assertThat(column(rows, 4)).containsExactly(10L, 50L, 50L, 80L, 5L, 11L);
        assertThat(column(rows, 5)).containsExactly(10L, 30L, 50L, 80L, 5L, 11L);
        assertThat(column(rows, 6)).containsExactly(30L, 50L, 70L, 50L, 11L, 11L);
        assertThat(column(rows, 7)).containsExactly(4L, 4L, 4L, 4L, 2L, 2L);
        // an empty frame: sum is NULL
        assertThat(column(rows, 8)).containsExactly(null, 10L, 30L, 50L, null, 5L);
        // RANGE 1 PRECEDING: values within 1 below, with peers; 20 - 1 = 19 excludes 10
        assertThat(column(rows, 9)).containsExactly("a", "c", "c", "d", "x", "y");
    }

    @Test
    void valueFunctions() {
        WindowFrame running = new WindowFrame(Kind.ROWS, Bound.UNBOUNDED_PRECEDING, Optional.empty(), Bound.CURRENT_ROW, Optional.empty());
        List<List<Object>> rows = run(List.of(
                function("lag", List.of(3), Types.VARCHAR, WindowFrame.DEFAULT),
                function("lead", List.of(3, 2, 3), Types.VARCHAR, WindowFrame.DEFAULT),
                function("first_value", List.of(3), Types.VARCHAR, WindowFrame.DEFAULT),
                function("last_value", List.of(3), Types.VARCHAR, WindowFrame.DEFAULT),
                function("last_value", List.of(3), Types.VARCHAR, WHOLE),
                function("nth_value", List.of(3, 2), Types.VARCHAR, running)));
        assertThat(column(rows, 4)).containsExactly(null, "a", "c", "c", null, "x");
        // lead by 1 with the row's own name as the default
        assertThat(column(rows, 5)).containsExactly("c", "c", "d", "d", "y", "y");
        assertThat(column(rows, 6)).containsExactly("a", "a", "a", "a", "x", "x");
        // the default frame ends with the last peer
        assertThat(column(rows, 7)).containsExactly("a", "c", "c", "d", "x", "y");
        assertThat(column(rows, 8)).containsExactly("d", "d", "d", "d", "y", "y");
        assertThat(column(rows, 9)).containsExactly("a", "a", "a", "a", "x", "x");
    }

    @Test
    void withoutPartitionsOrOrderEveryRowIsAPeer() {
        WindowOperator operator = new WindowOperator(INPUT, List.of(), List.of(),
                List.of(function("sum", List.of(1), Types.BIGINT, WindowFrame.DEFAULT), function("rank", List.of(), Types.BIGINT, WindowFrame.DEFAULT)));
        List<Type> types = new ArrayList<>(INPUT);
        types.add(Types.BIGINT);
        types.add(Types.BIGINT);
        List<List<Object>> rows = OperatorAssertions.run(operator, types, input());
        assertThat(column(rows, 4)).containsOnly(91L);
        assertThat(column(rows, 5)).containsOnly(1L);
        assertThat(rows).hasSize(6);
    }

    @Test
    void badArgumentsAreUserErrors() {
        Page zero = page(INPUT, row(1L, 1L, 0L, "a"));
        WindowOperator ntile = new WindowOperator(INPUT, List.of(), List.of(), List.of(function("ntile", List.of(2), Types.BIGINT, WindowFrame.DEFAULT)));
        assertThatThrownBy(() -> OperatorAssertions.run(ntile, INPUT, zero))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT));
        assertThatThrownBy(() -> new WindowOperator(INPUT, List.of(), List.of(),
                        List.of(function("median", List.of(1), Types.BIGINT, WindowFrame.DEFAULT))))
                .isInstanceOf(QuarryException.class);
    }
}
