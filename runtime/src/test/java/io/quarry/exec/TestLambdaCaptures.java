package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.type.Type;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lambdas that use the columns of their row, planned from SQL and run over two tasks per distributed stage. */
class TestLambdaCaptures extends LocalQueryTest {

    @Test
    void lambdaBodiesReadColumnsOfTheRow() throws Exception {
        LocalQueryRunner.Result result = run("SELECT nationkey, transform(ARRAY[1, 2], x -> x * 100 + nationkey),"
                + " filter(ARRAY[0, 1, 2, 3], x -> x < regionkey), reduce(ARRAY[1, 2], regionkey, (s, x) -> s + x, s -> s * nationkey)"
                + " FROM nation WHERE nationkey IN (1, 2) ORDER BY nationkey");
        assertThat(result.types().stream().map(Type::displayName).toList())
                .containsExactly("bigint", "array(bigint)", "array(integer)", "bigint");
        assertThat(result.rows()).containsExactly(
                List.of(1L, List.of(101L, 201L), List.of(0L), 4L),
                List.of(2L, List.of(102L, 202L), List.of(0L), 8L));
    }

    @Test
    void capturesAcrossJoinsAggregatesAndRowFields() throws Exception {
        LocalQueryRunner.Result result = run("SELECT n.name, transform(ARRAY[r.name], x -> x || '/' || n.name)"
                + " FROM nation n JOIN region r ON n.regionkey = r.regionkey WHERE n.nationkey = 3");
        assertThat(result.rows()).containsExactly(List.of("CANADA", List.of("AMERICA/CANADA")));
        LocalQueryRunner.Result aggregate = run("SELECT sum(cardinality(filter(ARRAY[1, 2, 3, 4], x -> x <= regionkey))) FROM nation");
        assertThat(aggregate.rows()).containsExactly(List.of(50L));
        LocalQueryRunner.Result field = run("SELECT transform(ARRAY[1.5E0], x -> x * t.r.k) FROM (SELECT CAST(ROW(2E0) AS row(k double)) AS r) t");
        assertThat(field.rows()).containsExactly(List.of(List.of(3.0)));
    }

    @Test
    void lambdasInsideUnnestReadTheOuterRow() throws Exception {
        // expected rows as Trino 476 returns them
        assertResult("SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr)"
                + " CROSS JOIN UNNEST(transform(t.arr, v -> v + t.n)) AS u(x) ORDER BY 1, 2",
                List.of("integer", "integer"), List.of(1L, 2L), List.of(1L, 3L), List.of(5L, 8L));
        assertResult("SELECT n.name, x FROM nation n CROSS JOIN UNNEST(transform(ARRAY[1,2], v -> v * n.nationkey)) AS u(x)"
                + " WHERE n.nationkey < 3 ORDER BY 1, 2",
                List.of("varchar(25)", "bigint"), List.of("ALGERIA", 0L), List.of("ALGERIA", 0L),
                List.of("ARGENTINA", 1L), List.of("ARGENTINA", 2L), List.of("BRAZIL", 2L), List.of("BRAZIL", 4L));
        assertResult("SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr)"
                + " CROSS JOIN UNNEST(transform(arr, v -> v + n), transform(arr, v -> v * n * 10)) AS u(x, y)",
                List.of("integer", "integer", "integer"), List.of(1L, 2L, 10L), List.of(1L, 3L, 20L));
        assertResult("SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr)"
                + " LEFT JOIN UNNEST(filter(arr, v -> v > n)) AS u(x) ON true ORDER BY 1, 2",
                List.of("integer", "integer"), List.of(1L, 2L), Arrays.asList(5L, null));
        assertResult("SELECT r.name, x, y FROM region r"
                + " CROSS JOIN UNNEST(ARRAY[r.regionkey], transform(ARRAY[r.name], s -> lower(s))) AS u(x, y) ORDER BY 1 LIMIT 3",
                List.of("varchar(25)", "bigint", "varchar(25)"), List.of("AFRICA", 0L, "africa"), List.of("AMERICA", 1L, "america"),
                List.of("ASIA", 2L, "asia"));
        assertResult("SELECT name, (SELECT max(x) FROM UNNEST(transform(ARRAY[1, 2], v -> v * n.nationkey)) u(x))"
                + " FROM nation n WHERE nationkey < 3 ORDER BY 1",
                List.of("varchar(25)", "bigint"), List.of("ALGERIA", 0L), List.of("ARGENTINA", 2L), List.of("BRAZIL", 4L));
    }

    @Test
    void fieldsOfRowParameters() throws Exception {
        assertResult("SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.s)",
                List.of("array(varchar)"), List.of(List.of("a")));
        assertResult("SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.s || 'x')",
                List.of("array(varchar)"), List.of(List.of("ax")));
        assertResult("SELECT filter(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar)), CAST(ROW(2,'b') AS ROW(i int, s varchar))],"
                + " e -> e.i > 1)", List.of("array(row(i integer, s varchar))"), List.of(List.of(List.of(2L, "b"))));
        assertResult("SELECT any_match(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.i = 1 AND e.s = 'a')",
                List.of("boolean"), List.of(true));
    }

    @Test
    void lambdasInsideLambdasReadTheOuterParameters() throws Exception {
        assertResult("SELECT transform(ARRAY[ARRAY[1, 2], ARRAY[3]], a -> transform(a, x -> x * cardinality(a)))",
                List.of("array(array(bigint))"), List.of(List.of(List.of(2L, 4L), List.of(3L))));
        assertResult("SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], y -> x + y + n)) FROM (VALUES 100) t(n)",
                List.of("array(array(integer))"), List.of(List.of(List.of(111L), List.of(112L))));
        assertResult("SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], y -> transform(ARRAY[100], z -> x + y + z)))",
                List.of("array(array(array(integer)))"), List.of(List.of(List.of(List.of(111L)), List.of(List.of(112L)))));
        // an inner parameter of the same name hides the outer one
        assertResult("SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], x -> x + 1))",
                List.of("array(array(integer))"), List.of(List.of(List.of(11L), List.of(11L))));
        assertResult("SELECT reduce(ARRAY[1, 2], 0, (s, x) -> s + cardinality(filter(ARRAY[1, 2, 3], y -> y <= x)), s -> s)",
                List.of("bigint"), List.of(3L));
        assertResult("SELECT n.name, transform(ARRAY[1, 2], x -> transform(ARRAY[n.regionkey], y -> x * 10 + y + n.nationkey))"
                + " FROM nation n WHERE n.nationkey < 2 ORDER BY 1", List.of("varchar(25)", "array(array(bigint))"),
                List.of("ALGERIA", List.of(List.of(10L), List.of(20L))), List.of("ARGENTINA", List.of(List.of(12L), List.of(22L))));
        // a column first in a binary body, before the parameter
        assertResult("SELECT transform(ARRAY[1], x -> nationkey + x) FROM nation WHERE nationkey = 3",
                List.of("array(bigint)"), List.of(List.of(4L)));
    }

    @Test
    void lambdasOverAggregatesReadGroupKeys() throws Exception {
        assertResult("SELECT regionkey, transform(array_agg(nationkey ORDER BY nationkey), x -> x * regionkey)"
                + " FROM nation GROUP BY regionkey ORDER BY 1", List.of("bigint", "array(bigint)"),
                List.of(0L, List.of(0L, 0L, 0L, 0L, 0L)), List.of(1L, List.of(1L, 2L, 3L, 17L, 24L)),
                List.of(2L, List.of(16L, 18L, 24L, 36L, 42L)), List.of(3L, List.of(18L, 21L, 57L, 66L, 69L)),
                List.of(4L, List.of(16L, 40L, 44L, 52L, 80L)));
        assertResult("SELECT regionkey, count(*) FROM nation GROUP BY regionkey"
                + " HAVING any_match(array_agg(nationkey), x -> x = regionkey * 6) ORDER BY 1",
                List.of("bigint", "bigint"), List.of(0L, 5L), List.of(2L, 5L));
    }
}
