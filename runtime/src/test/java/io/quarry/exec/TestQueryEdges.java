package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Query clauses where Quarry answered differently from Trino 476: TABLESAMPLE, and the errors of OVER on what is
 * not a window function. The expected values were taken from Trino 476.
 */
class TestQueryEdges extends LocalQueryTest {
    @Test
    void tableSample() throws Exception {
        assertResult("SELECT count(*) FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (100)", List.of("bigint"), List.of(25L));
        assertResult("SELECT n.name FROM tpch.tiny.nation n TABLESAMPLE BERNOULLI (100) WHERE n.nationkey = 1",
            List.of("varchar(25)"), List.of("ARGENTINA"));
        assertResult("SELECT name FROM tpch.tiny.nation TABLESAMPLE SYSTEM (100) WHERE nationkey = 1",
            List.of("varchar(25)"), List.of("ARGENTINA"));
        assertResult("SELECT count(*) FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (0)", List.of("bigint"), List.of(0L));
        assertFails("SELECT count(*) FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (101)",
            ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Sample percentage");
        assertFails("SELECT name FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (100) WHERE nosuch = 1",
            ErrorCode.COLUMN_NOT_FOUND, "Column 'nosuch' cannot be resolved");
    }

    @Test
    void overOnWhatIsNoWindowFunction() {
        assertFails("SELECT count(*) FILTER (WHERE x > 1) OVER () FROM (VALUES 1, 2, 3) t(x)",
            ErrorCode.NOT_SUPPORTED, "FILTER is not yet supported for window functions");
        assertFails("SELECT abs(x) OVER () FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_WINDOW, "Not a window function: abs");
    }

    @Test
    void valuesSpreadARowTypedValueOverColumns() throws Exception {
        assertResult("VALUES CAST(ROW(1,2) AS ROW(x int, y int))", List.of("integer", "integer"), List.of(1L, 2L));
        assertResult("SELECT b, a FROM (VALUES CAST(ROW(1,'a') AS ROW(x int, y varchar)), CAST(ROW(2,'b') AS ROW(x int, y varchar)))"
            + " t(a, b) ORDER BY 2", List.of("varchar", "integer"), List.of("a", 1L), List.of("b", 2L));
        // written ROW(…), the row is one column
        assertResult("SELECT r.y FROM (VALUES ROW(CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(r)",
            List.of("varchar"), List.of("b"));
        assertFails("SELECT a FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(a)", ErrorCode.MISMATCHED_COLUMN_ALIASES);
    }

    @Test
    void aggregatesAndWindowsInsideLambdasAndUnnest() {
        assertFails("SELECT name, transform(ARRAY[1], x -> x + rank() OVER (ORDER BY nationkey)) FROM tpch.tiny.nation",
            ErrorCode.EXPRESSION_NOT_SCALAR,
            "line 1:41: Lambda expression cannot contain aggregations, window functions or grouping operations: [rank() OVER");
        assertFails("SELECT transform(ARRAY[1], x -> x + count(*)) FROM tpch.tiny.nation", ErrorCode.EXPRESSION_NOT_SCALAR,
            "line 1:35: Lambda expression cannot contain aggregations, window functions or grouping operations: [count(*)]");
        assertFails("SELECT regionkey, transform(ARRAY[1], x -> x + max(nationkey)) FROM tpch.tiny.nation GROUP BY regionkey",
            ErrorCode.EXPRESSION_NOT_SCALAR, "line 1:46: Lambda expression cannot contain");
        assertFails("SELECT (SELECT x FROM UNNEST(ARRAY[count(*)]) u(x)) FROM tpch.tiny.nation", ErrorCode.EXPRESSION_NOT_SCALAR,
            "line 1:30: UNNEST cannot contain aggregations, window functions or grouping operations: [count(*)]");
        assertFails("SELECT n, (SELECT count(*) FROM UNNEST(ARRAY[max(n)]) u(x)) FROM (VALUES 1) t(n)",
            ErrorCode.EXPRESSION_NOT_SCALAR, "line 1:40: UNNEST cannot contain aggregations, window functions or grouping operations: [max(n)]");
    }

    @Test
    void unnestOfAComputedAndAPlainOuterColumn() throws Exception {
        assertResult("SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(ARRAY[n], arr) AS u(x, y)",
            List.of("integer", "integer", "integer"), List.of(1L, 1L, 1L), java.util.Arrays.asList(1L, null, 2L));
    }

    @Test
    void lambdasOfTheWrongArity() {
        assertFails("SELECT transform(ARRAY[1, 2], (x, y) -> x)", ErrorCode.INVALID_PARAMETER_USAGE,
            "line 1:31: Expected a lambda that takes 1 argument(s) but got 2");
        assertFails("SELECT transform_values(MAP(ARRAY['a'], ARRAY[1]), v -> v)", ErrorCode.INVALID_PARAMETER_USAGE,
            "line 1:52: Expected a lambda that takes 2 argument(s) but got 1");
        assertFails("SELECT zip_with(ARRAY[1], ARRAY[2], x -> x)", ErrorCode.INVALID_PARAMETER_USAGE,
            "line 1:37: Expected a lambda that takes 2 argument(s) but got 1");
    }

    @Test
    void rowConstructorFirstInAParenthesisedList() throws Exception {
        assertResult("VALUES (ROW(2, 'b'), 1)", List.of("row(integer, varchar(1))", "integer"), List.of(List.of(2L, "b"), 1L));
        assertResult("SELECT x.k FROM (VALUES (ROW(1, 2), 1), (ROW(1, 3), 2)) x(r, k) JOIN (VALUES (ROW(1, 2), 0)) y(r, z) ON x.r = y.r",
            List.of("integer"), List.of(1L));
        assertResult("SELECT * FROM (VALUES (ROW(1, ')'), 'x')) t(r, s)",
            List.of("row(integer, varchar(1))", "varchar(1)"), List.of(List.of(1L, ")"), "x"));
        assertResult("SELECT (ROW(1, 'a'), 2) IN ((ROW(1, 'a'), 2))", List.of("boolean"), List.of(true));
        // positions after the row are the user's
        assertFails("SELECT * FROM (VALUES (ROW(2, 'b'), 1)) t(r, n) WHERE nosuch = 1", ErrorCode.COLUMN_NOT_FOUND,
            "line 1:55: Column 'nosuch' cannot be resolved");
    }
}
