package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.plan.SortKey;
import io.quarry.plan.WindowFrame;
import io.quarry.plan.WindowFunction;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IGNORE NULLS of lag, lead, first_value, last_value and nth_value. */
class TestWindowIgnoreNulls {
    // partition, order value, value (with NULLs), offset (2)
    private static final List<Type> INPUT = List.of(Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT);
    private static final WindowFrame WHOLE = new WindowFrame(WindowFrame.Kind.ROWS, WindowFrame.Bound.UNBOUNDED_PRECEDING,
            Optional.empty(), WindowFrame.Bound.UNBOUNDED_FOLLOWING, Optional.empty());

    private static WindowFunction ignoring(String name, List<Integer> arguments, WindowFrame frame) {
        return new WindowFunction(name, arguments, arguments.stream().map(INPUT::get).toList(), Types.VARCHAR, frame, true);
    }

    private static List<Object> column(List<WindowFunction> functions, int function) {
        List<Type> types = new ArrayList<>(INPUT);
        functions.forEach(f -> types.add(f.resultType()));
        WindowOperator operator = new WindowOperator(INPUT, List.of(0), List.of(new SortKey(1, true, false)), functions);
        List<List<Object>> rows = OperatorAssertions.run(operator, types,
                page(INPUT, row(1L, 3L, null, 2L), row(1L, 1L, "a", 2L), row(1L, 2L, "b", 2L)),
                page(INPUT, row(1L, 4L, "d", 2L), row(1L, 5L, null, 2L), row(2L, 1L, null, 2L)));
        return rows.stream().map(r -> r.get(INPUT.size() + function)).toList();
    }

    @Test
    void lagAndLeadCountOnlyNonNullRows() {
        List<WindowFunction> functions = List.of(
                ignoring("lag", List.of(2), WindowFrame.DEFAULT),
                ignoring("lead", List.of(2), WindowFrame.DEFAULT),
                ignoring("lag", List.of(2, 3), WindowFrame.DEFAULT));
        // partition 1 sorted: a, b, NULL, d, NULL; partition 2: NULL
        assertThat(column(functions, 0)).isEqualTo(Arrays.asList(null, "a", "b", "b", "d", null));
        assertThat(column(functions, 1)).isEqualTo(Arrays.asList("b", "d", "d", null, null, null));
        assertThat(column(functions, 2)).isEqualTo(Arrays.asList(null, null, "a", "a", "b", null));
    }

    @Test
    void frameFunctionsSkipNulls() {
        List<WindowFunction> functions = List.of(
                ignoring("first_value", List.of(2), WindowFrame.DEFAULT),
                ignoring("last_value", List.of(2), WindowFrame.DEFAULT),
                ignoring("nth_value", List.of(2, 3), WHOLE));
        assertThat(column(functions, 0)).isEqualTo(Arrays.asList("a", "a", "a", "a", "a", null));
        assertThat(column(functions, 1)).isEqualTo(Arrays.asList("a", "b", "b", "d", "d", null));
        assertThat(column(functions, 2)).isEqualTo(Arrays.asList("b", "b", "b", "b", "b", null));
    }
}
