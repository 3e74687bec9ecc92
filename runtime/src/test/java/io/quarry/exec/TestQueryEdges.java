package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

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
    void valuesMixingDoubleLiteralsWithIntegersAndDecimals() throws Exception {
        assertResult("SELECT x FROM (VALUES 1.5e0, 2, 3) t(x)", List.of("double"), List.of(1.5), List.of(2.0), List.of(3.0));
        assertResult("SELECT x FROM (VALUES 2, 1.5e0) t(x)", List.of("double"), List.of(2.0), List.of(1.5));
        assertResult("SELECT avg(CAST(x AS real)), sum(CAST(x AS real)) FROM (VALUES 1.5e0, 2) t(x)",
            List.of("real", "real"), List.of(1.75, 3.5));
        assertResult("SELECT x FROM (VALUES 1.5e0, 2.5) t(x) ORDER BY x", List.of("double"), List.of(1.5), List.of(2.5));
    }

    @Test
    void aBareNullArgumentMakesTheFunctionNull() throws Exception {
        // Trino binds NULL to the parameter's type; every one of these answers NULL
        List<Object> row = java.util.Collections.nCopies(8, null);
        assertThat(run("SELECT abs(NULL), round(NULL), sign(NULL), mod(NULL, NULL), json_parse(NULL), json_array_length(NULL),"
                + " to_unixtime(NULL), format_datetime(NULL, NULL)").rows()).containsExactly(row);
    }

    @Test
    void aBareNullCollectionMakesTheFunctionNullOfTrinosType() throws Exception {
        assertResult("SELECT array_distinct(NULL), map_keys(NULL), zip(NULL, NULL), contains(NULL, 1), array_join(NULL, ','),"
                        + " map(NULL, NULL), array_max(NULL), array_histogram(NULL), map_entries(NULL), map_from_entries(NULL)",
                List.of("array(unknown)", "array(unknown)", "array(row(unknown, unknown))", "boolean", "varchar",
                        "map(unknown, unknown)", "unknown", "map(unknown, bigint)", "array(row(unknown, unknown))",
                        "map(unknown, unknown)"),
                java.util.Collections.nCopies(10, null));
    }

    @Test
    void aUsingColumnHasNoQualifiedName() {
        assertFails("SELECT t.k FROM (VALUES (1, 'a')) t(k, v) JOIN (VALUES (1, 'x')) u(k, w) USING (k)",
            ErrorCode.COLUMN_NOT_FOUND, "Column 't.k' cannot be resolved");
    }

    @Test
    void dateBesideNumberHasNoCommonType() {
        // Trino 476: TYPE_MISMATCH, "column 1 in UNION query has incompatible types: date, integer"
        assertFails("SELECT DATE '2020-01-01' UNION SELECT 1", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT 1 UNION ALL SELECT DATE '2020-01-01'", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT CASE WHEN true THEN DATE '2020-01-01' ELSE 1 END", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void overOnWhatIsNoWindowFunction() {
        assertFails("SELECT count(*) FILTER (WHERE x > 1) OVER () FROM (VALUES 1, 2, 3) t(x)",
            ErrorCode.NOT_SUPPORTED, "FILTER is not yet supported for window functions");
        assertFails("SELECT abs(x) OVER () FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_WINDOW, "Not a window function: abs");
    }

    @Test
    void setOperationsOfDifferentWidthsAreTypeMismatches() {
        assertFails("SELECT * FROM (SELECT 1 x UNION SELECT 1, 2)", ErrorCode.TYPE_MISMATCH, "UNION query has different number of fields");
        assertFails("SELECT 1 x INTERSECT SELECT 1, 2", ErrorCode.TYPE_MISMATCH, "INTERSECT query has different number of fields");
        assertFails("SELECT 1 x EXCEPT ALL SELECT 1, 2", ErrorCode.TYPE_MISMATCH, "EXCEPT query has different number of fields");
    }

    @Test
    void sequenceTableFunctionGeneratesItsRows() throws Exception {
        assertResult("SELECT * FROM TABLE(sequence(start => 1, stop => 10, step => 3))", List.of("bigint"),
                List.of(1L), List.of(4L), List.of(7L), List.of(10L));
        assertResult("SELECT x FROM TABLE(system.builtin.sequence(3, 1, -1)) t(x) ORDER BY x", List.of("bigint"),
                List.of(1L), List.of(2L), List.of(3L));
        assertResult("SELECT s.sequential_number * 2 FROM TABLE(sequence(1, 1 + 1)) s ORDER BY 1", List.of("bigint"),
                List.of(2L), List.of(4L));
        // cut into several splits, generated page by page
        assertResult("SELECT count(*), sum(sequential_number), max(sequential_number) FROM TABLE(sequence(1, 1000000))",
                List.of("bigint", "bigint", "bigint"), List.of(1_000_000L, 500_000_500_000L, 1_000_000L));
        assertResult("SELECT max(sequential_number), count(*) FROM TABLE(sequence(-9223372036854775807, 9223372036854775807,"
                + " 9223372036854775807))", List.of("bigint", "bigint"), List.of(Long.MAX_VALUE, 3L));
        assertResult("SELECT n.name FROM nation n JOIN TABLE(sequence(0, 1)) s ON n.nationkey = s.sequential_number ORDER BY 1",
                List.of("varchar(25)"), List.of("ALGERIA"), List.of("ARGENTINA"));
    }

    @Test
    void tableFunctionArgumentsAreCheckedAsTrinoDoes() {
        assertFails("SELECT * FROM TABLE(sequence(3, 1, 0))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Step must be negative for sequence [3, 1]");
        assertFails("SELECT * FROM TABLE(sequence(1, 3, -1))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Step must be positive for sequence [1, 3]");
        assertFails("SELECT * FROM TABLE(sequence(1))", ErrorCode.MISSING_ARGUMENT, "line 1:30: Missing argument: STOP");
        assertFails("SELECT * FROM TABLE(sequence(1, 2, 3, 4))", ErrorCode.INVALID_ARGUMENTS, "Too many arguments");
        assertFails("SELECT * FROM TABLE(sequence(start => 1, 3))", ErrorCode.INVALID_ARGUMENTS,
                "All arguments must be passed by name or all must be passed positionally");
        assertFails("SELECT * FROM TABLE(sequence(1, NULL))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Stop is null");
        assertFails("SELECT * FROM TABLE(sequence('a', 3))", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT * FROM TABLE(sequence(1.5, 3))", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT * FROM TABLE(foo(1))", ErrorCode.FUNCTION_NOT_FOUND, "line 1:21: Table function 'foo' not registered");
        assertFails("SELECT * FROM TABLE(sequence(start => 1, foo => 2))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:42: Unexpected argument name: FOO");
        assertFails("SELECT * FROM TABLE(sequence(start => 1, \"stop\" => 2))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:42: Unexpected argument name: stop");
        assertFails("SELECT * FROM TABLE(sequence(start => 1, start => 2))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:42: Duplicate argument name: START");
        assertFails("SELECT * FROM TABLE(sequence(TABLE(region), 2))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:30: Invalid argument START. Expected expression, got table");
        assertFails("SELECT * FROM TABLE(sequence(1, DESCRIPTOR(a)))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:33: Invalid argument STOP. Expected expression, got descriptor");
        assertFails("SELECT * FROM TABLE(sequence(start => 1, stop => TABLE(SELECT 1)))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:42: Invalid argument STOP. Expected expression, got table");
        assertFails("SELECT * FROM TABLE(builtin.sequence(1, 2))", ErrorCode.FUNCTION_NOT_FOUND,
                "line 1:21: Table function 'builtin.sequence' not registered");
    }

    @Test
    void aggregatesThatCompareRefuseValuesWithoutOrder() {
        assertFails("SELECT max(x) FROM (VALUES MAP(ARRAY[1], ARRAY[2])) t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (map(integer, integer)) for function max");
        assertFails("SELECT min(x) OVER () FROM (VALUES MAP(ARRAY[1], ARRAY[2])) t(x)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT max_by(1, x) FROM (VALUES ARRAY[MAP(ARRAY[1], ARRAY[2])]) t(x)", ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void argumentsNoSignatureTakesAreUserErrors() throws Exception {
        assertFails("SELECT array_join(ARRAY[1], 1)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (array(integer), integer) for function array_join");
        assertFails("SELECT array_join(ARRAY[1], ',', ARRAY[1])", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT flatten(ARRAY[1])", ErrorCode.FUNCTION_NOT_FOUND, "for function flatten");
        assertFails("SELECT concat_ws('a', ARRAY[1])", ErrorCode.FUNCTION_NOT_FOUND, "for function concat_ws");
        assertFails("SELECT coalesce()", ErrorCode.SYNTAX_ERROR, "The 'coalesce' function must have at least two arguments");
        assertFails("SELECT coalesce(1)", ErrorCode.SYNTAX_ERROR, "The 'coalesce' function must have at least two arguments");
        assertFails("SELECT greatest()", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters () for function greatest");
        assertFails("SELECT any_match(ARRAY[1], x -> x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (array(integer), <function>) for function any_match");
        assertFails("SELECT filter(ARRAY[1], x -> NULL)", ErrorCode.FUNCTION_NOT_FOUND, "for function filter");
        assertFails("SELECT map_filter(MAP(ARRAY[1], ARRAY[2]), (k, v) -> v)", ErrorCode.FUNCTION_NOT_FOUND, "for function map_filter");
        assertFails("SELECT least()", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters () for function least");
        assertFails("SELECT coalesce(1, x -> x)", ErrorCode.TYPE_MISMATCH, "line 1:20: Lambda expression should always be used inside a function");
        assertFails("SELECT abs(x -> x)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (<function>) for function abs");
        assertFails("SELECT if(true, 1, x -> x)", ErrorCode.TYPE_MISMATCH, "Lambda expression should always be used inside a function");
        assertFails("SELECT least(1, NULL, x -> x)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT concat(ARRAY[1], x -> x)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT nullif(x -> x, 1)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT trim('a', 'a', 'a')", ErrorCode.SYNTAX_ERROR);
        assertResult("SELECT trim(BOTH 'x' FROM 'xax'), trim(LEADING 'x' FROM 'xa'), trim('xax', 'x')",
                List.of("varchar(3)", "varchar(2)", "varchar(3)"), List.of("a", "a", "a"));
        assertResult("SELECT flatten(ARRAY[]), flatten(ARRAY[NULL])", List.of("array(unknown)", "array(unknown)"), List.of(List.of(), List.of()));
        assertResult("SELECT bitwise_and_agg(NULL), bitwise_xor_agg(NULL), array_join(ARRAY[1, NULL], NULL)",
                List.of("bigint", "bigint", "varchar"), java.util.Arrays.asList(null, null, null));
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

    @Test
    void groupingWithoutGroupByAndUnboundParametersAreUserErrors() {
        assertFails("SELECT grouping(name) FROM nation", ErrorCode.MISSING_GROUP_BY,
                "A GROUPING() operation can only be used with a corresponding GROUPING SET/CUBE/ROLLUP/GROUP BY clause");
        assertFails("SELECT ?", ErrorCode.INVALID_PARAMETER_USAGE, "Incorrect number of parameters: expected 1 but found 0");
        assertFails("SELECT name FROM nation WHERE nationkey = ? OR regionkey = ?", ErrorCode.INVALID_PARAMETER_USAGE,
                "expected 2 but found 0");
    }
}
