package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.SortKey;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UNNEST and the array_agg / map_agg accumulators. */
class TestStructuralOperators {
    private static final ArrayType INTEGERS = new ArrayType(Types.INTEGER);
    private static final MapType MAP = new MapType(Types.VARCHAR, Types.BIGINT);

    @Test
    void unnestsArraysOfDifferentLengthsWithOrdinality() {
        List<Type> input = List.of(Types.VARCHAR, INTEGERS, new ArrayType(Types.VARCHAR));
        Page page = page(input,
                row("a", List.of(1, 2, 3), List.of("x")),
                row("b", null, List.of("y", "z")),
                row("c", List.of(), List.of()),
                row("d", Arrays.asList(4, null), null));
        List<Type> output = List.of(Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.BIGINT);
        List<List<Object>> rows = run(new UnnestOperator(input, List.of(0), List.of(1, 2), true), output, page);
        assertThat(rows).containsExactly(
                Arrays.asList("a", 1L, "x", 1L),
                Arrays.asList("a", 2L, null, 2L),
                Arrays.asList("a", 3L, null, 3L),
                Arrays.asList("b", null, "y", 1L),
                Arrays.asList("b", null, "z", 2L),
                Arrays.asList("d", 4L, null, 1L),
                Arrays.asList("d", null, null, 2L));
    }

    @Test
    void unnestsMapsIntoKeyAndValueAndRowsIntoTheirFields() {
        RowType pair = RowType.anonymous(List.of(Types.BIGINT, Types.VARCHAR));
        List<Type> input = List.of(MAP, new ArrayType(pair));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k1", 10L);
        map.put("k2", null);
        Page page = page(input, row(map, List.of(List.of(7L, "seven"), Arrays.asList(null, "none"))));
        List<Type> output = List.of(Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR);
        assertThat(run(new UnnestOperator(input, List.of(), List.of(0, 1), false), output, page)).containsExactly(
                Arrays.asList("k1", 10L, 7L, "seven"),
                Arrays.asList("k2", null, null, "none"));
    }

    @Test
    void arrayAggKeepsNullsAndOrdersByItsKeys() {
        List<Type> input = List.of(Types.VARCHAR, Types.BIGINT, Types.BIGINT);
        Page page = page(input,
                row("a", 1L, 30L),
                row("b", 2L, 20L),
                row("a", null, 10L),
                row("a", 3L, null));
        AggregateCall plain = new AggregateCall("array_agg", List.of(1), List.of(Types.BIGINT), new ArrayType(Types.BIGINT),
                false, Optional.empty());
        AggregateCall ordered = new AggregateCall("array_agg", List.of(1, 2), List.of(Types.BIGINT, Types.BIGINT),
                new ArrayType(Types.BIGINT), false, Optional.empty(), List.of(new SortKey(2, false, false)));
        List<Type> output = List.of(Types.VARCHAR, new ArrayType(Types.BIGINT), new ArrayType(Types.BIGINT));
        List<List<Object>> rows = run(new HashAggregationOperator(input, List.of(0), List.of(plain, ordered),
                AggregationStep.SINGLE), output, page);
        rows.sort(Comparator.comparing(row -> (String) row.get(0)));
        assertThat(rows).containsExactly(
                List.of("a", Arrays.asList(1L, null, 3L), Arrays.asList(1L, null, 3L)),
                List.of("b", List.of(2L), List.of(2L)));
    }

    @Test
    void arrayAggAndMapAggSplitIntoPartialAndFinal() {
        List<Type> input = List.of(Types.VARCHAR, Types.BIGINT);
        AggregateCall arrays = new AggregateCall("array_agg", List.of(1), List.of(Types.BIGINT), new ArrayType(Types.BIGINT),
                false, Optional.empty());
        AggregateCall maps = new AggregateCall("map_agg", List.of(0, 1), List.of(Types.VARCHAR, Types.BIGINT),
                new MapType(Types.VARCHAR, Types.BIGINT), false, Optional.empty());
        List<Type> intermediate = List.of(new ArrayType(Types.BIGINT), new MapType(Types.VARCHAR, Types.BIGINT));
        List<List<Object>> first = run(new HashAggregationOperator(input, List.of(), List.of(arrays, maps),
                AggregationStep.PARTIAL), intermediate, page(input, row("x", 1L), row("y", 2L), row(null, 3L)));
        List<List<Object>> second = run(new HashAggregationOperator(input, List.of(), List.of(arrays, maps),
                AggregationStep.PARTIAL), intermediate, page(input, row("x", 9L), row("z", 4L)));
        Page partials = page(intermediate, first.get(0).toArray(), second.get(0).toArray());
        AggregateCall finalArrays = new AggregateCall("array_agg", List.of(0), List.of(Types.BIGINT),
                new ArrayType(Types.BIGINT), false, Optional.empty());
        AggregateCall finalMaps = new AggregateCall("map_agg", List.of(1), List.of(Types.VARCHAR, Types.BIGINT),
                new MapType(Types.VARCHAR, Types.BIGINT), false, Optional.empty());
        List<List<Object>> result = run(new HashAggregationOperator(intermediate, List.of(), List.of(finalArrays, finalMaps),
                AggregationStep.FINAL), intermediate, partials);
        assertThat(result).hasSize(1);
        assertThat(result.get(0).get(0)).isEqualTo(List.of(1L, 2L, 3L, 9L, 4L));
        // NULL keys are skipped; a repeated key keeps its first value
        assertThat(result.get(0).get(1)).isEqualTo(Map.of("x", 1L, "y", 2L, "z", 4L));
    }

    @Test
    void arrayAggOfNoRowsIsNull() {
        List<Type> input = List.of(Types.BIGINT);
        AggregateCall arrays = new AggregateCall("array_agg", List.of(0), List.of(Types.BIGINT), new ArrayType(Types.BIGINT),
                false, Optional.empty());
        List<List<Object>> rows = run(new HashAggregationOperator(input, List.of(), List.of(arrays), AggregationStep.SINGLE),
                List.of(new ArrayType(Types.BIGINT)), new Page(0, page(input).blocks()));
        assertThat(rows).containsExactly(Arrays.asList((Object) null));
    }
}
