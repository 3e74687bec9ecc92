package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Block;
import io.quarry.block.Values;
import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.page.Page;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.type.Type;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Array, map and row expressions and lambdas from SQL text to values: planned by the SQL front end, compiled
 * and evaluated by the executor over the one-row VALUES of a query without FROM.
 */
class TestStructuralExpressions {
    private static final SqlPlanner PLANNER = new SqlPlanner(TestingMetadata.INSTANCE);
    private static final Session SESSION = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test",
            Optional.empty(), Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);

    private static Object value(String expression) {
        return values(expression).get(0);
    }

    private static String type(String expression) {
        return PLANNER.plan("SELECT " + expression, SESSION).columnTypes().get(0).displayName();
    }

    private static List<Object> values(String expressions) {
        QueryPlan plan = PLANNER.plan("SELECT " + expressions, SESSION);
        PlanNode node = plan.root().sources().get(0);
        List<Expression> projections;
        Page input;
        if (node instanceof Project project) {
            projections = project.projections();
            io.quarry.plan.Values values = (io.quarry.plan.Values) project.source();
            input = evaluate(values.rows().get(0), new Page(1));
        } else {
            projections = ((io.quarry.plan.Values) node).rows().get(0);
            input = new Page(1);
        }
        Page result = evaluate(projections, input);
        List<Object> row = new ArrayList<>();
        List<Type> types = plan.columnTypes();
        for (int i = 0; i < types.size(); i++) {
            row.add(Values.toObject(types.get(i), result.block(i), 0));
        }
        return row;
    }

    private static Page evaluate(List<Expression> expressions, Page input) {
        Block[] blocks = new Block[expressions.size()];
        for (int i = 0; i < blocks.length; i++) {
            BlockEvaluator evaluator = ExpressionCompiler.compile(expressions.get(i));
            blocks[i] = evaluator.evaluate(input);
        }
        return new Page(1, blocks);
    }

    private static void assertFails(String expression, ErrorCode code, String message) {
        assertThatThrownBy(() -> value(expression))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    @Test
    void arrayConstructorSubscriptAndElementAt() {
        assertThat(value("ARRAY[1, 2, 3]")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(type("ARRAY[1, 2, 3]")).isEqualTo("array(integer)");
        assertThat(value("ARRAY['x', 'y'][2]")).isEqualTo("y");
        assertThat(value("element_at(ARRAY[1, 2, 3], -1)")).isEqualTo(3L);
        assertThat(value("element_at(ARRAY[1, 2], 5)")).isNull();
        assertThat(value("ARRAY[1, NULL][2]")).isNull();
        assertFails("ARRAY[1, 2][5]", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Array subscript must be less than or equal to array length: 5 > 2");
        assertFails("ARRAY[1, 2][0]", ErrorCode.INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
        assertFails("element_at(ARRAY[1], 0)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
    }

    @Test
    void arrayFunctions() {
        assertThat(values("cardinality(ARRAY[1, 2, 3]), contains(ARRAY[1, 2], 2), contains(ARRAY[1, NULL], 3), "
                + "array_position(ARRAY[5, 6], 6), array_sort(ARRAY[3, NULL, 1]), array_distinct(ARRAY[1, 1, 2, NULL, NULL])"))
                .containsExactly(3L, true, null, 2L, Arrays.asList(1L, 3L, null), Arrays.asList(1L, 2L, null));
        assertThat(values("ARRAY[1, 2] || ARRAY[3], array_max(ARRAY[1, 7, 3]), array_min(ARRAY[4, NULL]), "
                + "array_remove(ARRAY[1, 2, 1], 1), slice(ARRAY[1, 2, 3, 4], 2, 2), reverse(ARRAY[1, 2, 3])"))
                .containsExactly(List.of(1L, 2L, 3L), 7L, null, List.of(2L), List.of(2L, 3L), List.of(3L, 2L, 1L));
        assertThat(values("array_union(ARRAY[1, 2], ARRAY[2, 3]), array_intersect(ARRAY[1, 2, 2], ARRAY[2, 3]), "
                + "array_except(ARRAY[1, 2, 3], ARRAY[2]), array_join(ARRAY['a', NULL, 'c'], '-'), "
                + "array_join(ARRAY[1, NULL], ',', 'n'), flatten(ARRAY[ARRAY[1], ARRAY[2, 3]])"))
                .containsExactly(List.of(1L, 2L, 3L), List.of(2L), List.of(1L, 3L), "a-c", "1,n", List.of(1L, 2L, 3L));
        assertThat(values("repeat('x', 3), sequence(1, 5, 2), sequence(3, 1)"))
                .containsExactly(List.of("x", "x", "x"), List.of(1L, 3L, 5L), List.of(3L, 2L, 1L));
        assertFails("sequence(1, 5, 0)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "step must not be zero");
    }

    @Test
    void arraysCompareForEquality() {
        assertThat(values("ARRAY[1, 2] = ARRAY[1, 3], ARRAY[1, NULL] = ARRAY[1, 2], ARRAY[1, NULL] = ARRAY[2, 2], "
                + "ARRAY[1, 2] <> ARRAY[1], ARRAY[2] = ARRAY[2, 1]"))
                .containsExactly(false, null, false, true, false);
    }

    @Test
    void maps() {
        assertThat(values("map(ARRAY['a', 'b'], ARRAY[1, 2]), map(ARRAY['a', 'b'], ARRAY[1, 2])['b'], "
                + "element_at(map(ARRAY['a'], ARRAY[1]), 'z'), cardinality(map(ARRAY['a', 'b'], ARRAY[1, 2])), "
                + "map_keys(map(ARRAY['b', 'a'], ARRAY[1, 2])), map_values(map(ARRAY['b', 'a'], ARRAY[1, 2]))"))
                .containsExactly(Map.of("a", 1L, "b", 2L), 2L, null, 2L, List.of("b", "a"), List.of(1L, 2L));
        assertThat(type("map(ARRAY['a', 'b'], ARRAY[1, 2])")).isEqualTo("map(varchar(1), integer)");
        assertThat(value("map_entries(map(ARRAY['k'], ARRAY[1]))")).isEqualTo(List.of(List.of("k", 1L)));
        assertThat(value("map_from_entries(ARRAY[ROW('k', 1), ROW('l', 2)])")).isEqualTo(Map.of("k", 1L, "l", 2L));
        assertFails("map(ARRAY['a', 'a'], ARRAY[1, 2])", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Duplicate map keys (a) are not allowed");
        assertFails("map(ARRAY['a'], ARRAY[1, 2])", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key and value arrays must be the same length");
        assertFails("map(ARRAY['a'], ARRAY[1])['z']", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key not present in map: z");
    }

    @Test
    void rows() {
        assertThat(values("CAST(ROW(1, 'a') AS ROW(id integer, label varchar)).label, "
                + "CAST(ROW(1, 'a') AS ROW(id integer, label varchar)), ROW(1, 2.5)"))
                .containsExactly("a", List.of(1L, "a"), List.of(1L, new java.math.BigDecimal("2.5")));
        assertThat(type("CAST(ROW(1, 'a') AS ROW(id integer, label varchar))")).isEqualTo("row(id integer, label varchar)");
        assertThat(type("ROW(1, 2.5)")).isEqualTo("row(integer, decimal(2,1))");
    }

    @Test
    void lambdas() {
        assertThat(values("transform(ARRAY[1, 2, 3], x -> x * 10), filter(ARRAY[1, 2, 3, 4], x -> x % 2 = 0), "
                + "reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s * 2), zip_with(ARRAY[1, 2], ARRAY[10], (x, y) -> coalesce(y, 0) + x)"))
                .containsExactly(List.of(10L, 20L, 30L), List.of(2L, 4L), 12L, List.of(11L, 2L));
        assertThat(values("any_match(ARRAY[1, 2], x -> x > 1), all_match(ARRAY[1, 2], x -> x > 1), "
                + "none_match(ARRAY[1, 2], x -> x > 5), any_match(ARRAY[1, NULL], x -> x > 1), any_match(filter(ARRAY[1], x -> false), x -> true)"))
                .containsExactly(true, false, true, null, false);
        assertThat(values("transform_values(map(ARRAY['a'], ARRAY[1]), (k, v) -> v + 1), "
                + "transform_keys(map(ARRAY['a'], ARRAY[1]), (k, v) -> upper(k)), "
                + "map_filter(map(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> v > 1)"))
                .containsExactly(Map.of("a", 2L), Map.of("A", 1L), Map.of("b", 2L));
        assertThat(type("transform(ARRAY[1, 2], x -> x > 1)")).isEqualTo("array(boolean)");
        assertThat(value("transform(ARRAY[ARRAY[1, 2], ARRAY[3]], a -> cardinality(a))")).isEqualTo(List.of(2L, 1L));
    }
}
