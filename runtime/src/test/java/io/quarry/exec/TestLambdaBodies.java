package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a lambda's body may hold, with Trino 476's answers: sub-queries, constructors with NULLs, nested lambdas. */
class TestLambdaBodies extends LocalQueryTest {

    private static List<String> types(String sql) throws Exception {
        return run(sql).types().stream().map(Type::displayName).toList();
    }

    @Test
    void existsInTheBodyIsTheSameForEveryElement() throws Exception {
        assertResult("SELECT transform(ARRAY[1, 2], x -> EXISTS (SELECT 1)),"
                        + " transform(ARRAY[1, 2], x -> NOT EXISTS (SELECT 1 FROM nation WHERE nationkey > 100)),"
                        + " filter(ARRAY[1, 2], x -> x > 1 AND EXISTS (SELECT 1 FROM region)),"
                        + " reduce(ARRAY[1, 2], 0, (s, x) -> s + x, s -> (EXISTS (SELECT 1)))",
                List.of("array(boolean)", "array(boolean)", "array(integer)", "boolean"),
                List.of(List.of(true, true), List.of(true, true), List.of(2L), true));
        // correlated with the row, not the parameter
        assertResult("SELECT n.nationkey, transform(ARRAY[1], x -> EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.nationkey))"
                        + " FROM nation n WHERE n.nationkey IN (3, 7) ORDER BY 1",
                List.of("bigint", "array(boolean)"), List.of(3L, List.of(true)), List.of(7L, List.of(false)));
        assertResult("SELECT regionkey, transform(ARRAY[1], x -> EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey))"
                        + " FROM nation n GROUP BY regionkey ORDER BY 1 LIMIT 2",
                List.of("bigint", "array(boolean)"), List.of(0L, List.of(true)), List.of(1L, List.of(true)));
        assertResult("SELECT transform(ARRAY[1, 2], x -> EXISTS /* c */ (SELECT 1))", List.of("array(boolean)"),
                List.of(List.of(true, true)));
        assertResult("SELECT count(*) FROM nation n WHERE any_match(ARRAY[n.regionkey], x -> x = 0 AND NOT EXISTS"
                        + " (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey AND r.name <> 'AFRICA'))",
                List.of("bigint"), List.of(5L));
    }

    @Test
    void otherSubQueriesInTheBodyAreNotSupported() {
        assertFails("SELECT transform(ARRAY[1, 2], x -> x + (SELECT 1))", ErrorCode.NOT_SUPPORTED,
                "Lambda expression cannot contain subqueries");
        assertFails("SELECT filter(ARRAY[1, 2], x -> x IN (SELECT 1))", ErrorCode.NOT_SUPPORTED,
                "Lambda expression cannot contain subqueries");
        // positions in an EXISTS that starts the body are the user's
        assertFails("SELECT transform(ARRAY[1,2], x -> EXISTS (SELECT 1 FROM region WHERE y = x))", ErrorCode.COLUMN_NOT_FOUND,
                "line 1:70: Column 'y' cannot be resolved");
    }

    @Test
    void aCollectionOfTypeUnknownIsANullCollection() throws Exception {
        List<Object> nullElement = Arrays.asList((Object) null);
        assertResult("SELECT transform(ARRAY[NULL], x -> transform(x, y -> y + 1)),"
                        + " transform(ARRAY[NULL], x -> filter(x, y -> true)),"
                        + " transform(ARRAY[NULL], x -> transform_values(x, (k, v) -> 1)),"
                        + " transform(ARRAY[NULL], x -> map_zip_with(x, MAP(ARRAY[1], ARRAY[2]), (k, a, b) -> b)),"
                        + " transform(ARRAY[NULL], x -> zip_with(ARRAY[1], x, (a, b) -> a)),"
                        + " transform(ARRAY[NULL], x -> reduce(x, 0, (s, y) -> s + y, s -> s))",
                List.of("array(array(integer))", "array(array(unknown))", "array(map(unknown, integer))",
                        "array(map(integer, integer))", "array(array(integer))", "array(integer)"),
                List.of(nullElement, nullElement, nullElement, nullElement, nullElement, nullElement));
        assertResult("SELECT transform(if(true, NULL), x -> x + 1), filter(if(true, NULL), x -> x > 1)",
                List.of("array(integer)", "array(unknown)"), Arrays.asList(null, null));
    }

    @Test
    void constructorsWithNullsInTheBody() throws Exception {
        assertThat(types("SELECT transform(ARRAY[DATE '2020-01-01'], x -> ARRAY[x, NULL]),"
                        + " transform(ARRAY[TIMESTAMP '2020-01-01 00:00:00'], x -> ARRAY[x, NULL]),"
                        + " transform(ARRAY[DATE '2020-01-01'], x -> ARRAY[ARRAY[x], NULL]),"
                        + " transform(ARRAY[DATE '2020-01-01'], x -> CASE WHEN true THEN x ELSE NULL END),"
                        + " transform(ARRAY[DATE '2020-01-01'], x -> coalesce(x, NULL))"))
                .containsExactly("array(array(date))", "array(array(timestamp(0)))", "array(array(array(date)))",
                        "array(date)", "array(date)");
        assertResult("SELECT transform(ARRAY[1], x -> ARRAY[x, NULL]), transform(ARRAY['a'], x -> ARRAY[x, NULL]),"
                        + " transform(ARRAY[1.5], x -> ARRAY[x, NULL]), transform(ARRAY[ROW(1, 'a')], x -> ARRAY[x, NULL]),"
                        + " transform(ARRAY[CAST(1.5 AS decimal(10,2))], x -> ARRAY[x, NULL, 1]), transform(ARRAY[1], x -> nullif(x, 1))",
                List.of("array(array(integer))", "array(array(varchar(1)))", "array(array(decimal(2,1)))",
                        "array(array(row(integer, varchar(1))))", "array(array(decimal(12,2)))", "array(integer)"),
                List.of(List.of(Arrays.asList(1L, null)), List.of(Arrays.asList("a", null)),
                        List.of(Arrays.asList(new BigDecimal("1.5"), null)), List.of(Arrays.asList(List.of(1L, "a"), null)),
                        List.of(Arrays.asList(new BigDecimal("1.50"), null, new BigDecimal("1.00"))), Arrays.asList((Object) null)));
        assertFails("SELECT transform(ARRAY[DATE '2020-01-01'], x -> MAP(ARRAY[x, NULL], ARRAY[1, 2]))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
    }

    @Test
    void roundingInTheBodyKeepsTrinosTypes() throws Exception {
        assertResult("SELECT transform(ARRAY[-1.5, 2.5], x -> round(x)), transform(ARRAY[-1.55, 2.5], x -> round(x, 1)),"
                        + " transform(ARRAY[-1.5, 2.5], x -> truncate(x)), transform(ARRAY[-1.5, 2.5], x -> round(x))[1],"
                        + " ARRAY[round(-1.5)], coalesce(round(1.5), 1)",
                List.of("array(decimal(2,0))", "array(decimal(4,2))", "array(decimal(1,0))", "decimal(2,0)",
                        "array(decimal(2,0))", "decimal(10,0)"),
                List.of(List.of(new BigDecimal("-2"), new BigDecimal("3")), List.of(new BigDecimal("-1.60"), new BigDecimal("2.50")),
                        List.of(new BigDecimal("-1"), new BigDecimal("2")), new BigDecimal("-2"), List.of(new BigDecimal("-2")),
                        new BigDecimal("2")));
    }

    @Test
    void lambdasOverConstructorsOfAnOuterParameter() throws Exception {
        assertResult("SELECT transform(ARRAY[1], x -> transform(ARRAY[x], y -> y * y)),"
                        + " transform(ARRAY[1], x -> transform(ARRAY[x], y -> y + x)),"
                        + " transform(ARRAY[1], x -> transform_values(MAP(ARRAY[x], ARRAY[x]), (k, v) -> k * v)),"
                        + " transform(ARRAY['a'], x -> transform(ARRAY[x], y -> y || y)),"
                        + " zip_with(ARRAY[1, 2], ARRAY[3, 4], (a, b) -> zip_with(ARRAY[a], ARRAY[b], (c, d) -> c * d + a))",
                List.of("array(array(integer))", "array(array(integer))", "array(map(integer, integer))",
                        "array(array(varchar))", "array(array(integer))"),
                List.of(List.of(List.of(1L)), List.of(List.of(2L)), List.of(java.util.Map.of(1L, 1L)), List.of(List.of("aa")),
                        List.of(List.of(4L), List.of(10L))));
    }

    @Test
    void theStateOfReduceIsTheInputFunctionsResult() throws Exception {
        assertResult("SELECT reduce(ARRAY['ab'], 'x', (s, x) -> x, s -> s), reduce(ARRAY['ab'], 'x', (s, x) -> s, s -> s),"
                        + " reduce(ARRAY[1], 'a', (s, x) -> s, s -> s), reduce(ARRAY['a', 'b', 'c'], '', (s, x) -> s || x, s -> s),"
                        + " reduce(ARRAY[1, 2, 3], MAP(), (s, x) -> map_concat(s, MAP(ARRAY[x], ARRAY[x * x])), s -> s)",
                List.of("varchar(2)", "varchar(1)", "varchar(1)", "varchar", "map(integer, integer)"),
                List.of("ab", "x", "a", "abc", java.util.Map.of(1L, 1L, 2L, 4L, 3L, 9L)));
        // the initial value must be coercible to that result
        assertFails("SELECT reduce(ARRAY['ab'], 'xyz', (s, x) -> 'q', s -> s)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT reduce(ARRAY[1, 2, 3], 0, (s, x) -> s > x, s -> s)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT reduce(ARRAY[1,2,3], 0, s -> s, s -> s)", ErrorCode.INVALID_PARAMETER_USAGE,
                "line 1:32: Expected a lambda that takes 2 argument(s) but got 1");
    }

    @Test
    void mapZipWithZipsKeysOfTheirCommonType() throws Exception {
        assertResult("SELECT map_zip_with(MAP(ARRAY[1], ARRAY[2]), MAP(ARRAY[BIGINT '1'], ARRAY[3]), (k, a, b) -> a + b),"
                        + " map_zip_with(MAP(ARRAY[1.5], ARRAY[2]), MAP(ARRAY[1], ARRAY[3]), (k, a, b) -> k)",
                List.of("map(bigint, integer)", "map(decimal(11,1), decimal(11,1))"),
                List.of(java.util.Map.of(1L, 5L), java.util.Map.of(new BigDecimal("1.5"), new BigDecimal("1.5"),
                        new BigDecimal("1.0"), new BigDecimal("1.0"))));
        assertFails("SELECT map_zip_with(MAP(ARRAY[1], ARRAY[2]), MAP(ARRAY['1'], ARRAY[3]), (k, a, b) -> a + b)",
                ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void parametersAndTheNamesAroundThem() throws Exception {
        // a parameter named as the table's alias: the table's columns are still the columns
        assertResult("SELECT transform(ARRAY[1,2], n -> n + nationkey) FROM nation n WHERE nationkey = 3",
                List.of("array(bigint)"), List.of(List.of(4L, 5L)));
        assertFails("SELECT zip_with(ARRAY[1,2], ARRAY[3,4], (x, x) -> 1)", ErrorCode.AMBIGUOUS_NAME,
                "line 1:42: Column 'x' is ambiguous");
        assertFails("SELECT x -> x + 1", ErrorCode.TYPE_MISMATCH, "line 1:8: Lambda expression should always be used inside a function");
        assertFails("SELECT CAST(x -> x AS integer)", ErrorCode.TYPE_MISMATCH, "line 1:13: Lambda expression");
        assertFails("SELECT (x, y) -> x", ErrorCode.TYPE_MISMATCH, "line 1:8: Lambda expression");
        assertFails("SELECT max_by(nationkey, x -> x) FROM nation", ErrorCode.FUNCTION_NOT_FOUND,
                "line 1:8: Unexpected parameters (bigint, <function>) for function max_by");
        assertFails("SELECT array_agg(x -> x) FROM nation", ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void bodiesFoldAsExpressionsDo() throws Exception {
        assertResult("SELECT transform(ARRAY[1, 2], x -> x / (x - 1) > 0 OR true),"
                        + " transform(ARRAY[1, 2], x -> x / (x - 1) > 0 AND false),"
                        + " transform(ARRAY[1,2], x -> filter(ARRAY[1,2,3], y -> y > x))",
                List.of("array(boolean)", "array(boolean)", "array(array(integer))"),
                List.of(List.of(true, true), List.of(false, false), List.of(List.of(2L, 3L), List.of(3L))));
        assertFails("SELECT transform(ARRAY[1, 2], x -> x / (x - 1) > 0 OR x > 0)", ErrorCode.DIVISION_BY_ZERO);
    }

    @Test
    void fieldsAndFunctionsOfParametersOfEnclosingLambdas() throws Exception {
        assertResult("SELECT transform(ARRAY[CAST(ROW(1, ROW(2, 'x')) AS ROW(a integer, b ROW(c integer, d varchar)))], r -> r.b.d),"
                        + " transform(ARRAY['abc'], x -> regexp_replace(x, '(b)', y -> upper(y[1])))",
                List.of("array(varchar)", "array(varchar)"), List.of(List.of("x"), List.of("aBc")));
    }
}
