package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregates, grouping sets and windows at their edges, with Trino 476's answers and error names. */
class TestAggregateAndWindowEdges extends LocalQueryTest {
    @Test
    void orderInsideAnAggregatePutsNullsLastWhateverTheDirection() throws Exception {
        assertResult("SELECT array_agg(x ORDER BY x DESC), array_agg(x ORDER BY x), array_agg(x ORDER BY x DESC NULLS FIRST)"
                        + " FROM (VALUES 3, 1, NULL, 2) t(x)",
                List.of("array(integer)", "array(integer)", "array(integer)"),
                List.of(Arrays.asList(3L, 2L, 1L, null), Arrays.asList(1L, 2L, 3L, null), Arrays.asList(null, 3L, 2L, 1L)));
        assertResult("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY y DESC) FROM (VALUES ('a', 1), ('b', NULL), ('c', 2)) t(x, y)",
                List.of("varchar"), List.of("c,a,b"));
        assertResult("SELECT array_agg(DISTINCT x ORDER BY x DESC) FROM (VALUES 3, 1, NULL, 2, 3) t(x)",
                List.of("array(integer)"), List.of(Arrays.asList(3L, 2L, 1L, null)));
    }

    @Test
    void aNullFilterConditionKeepsNoRow() throws Exception {
        assertResult("SELECT count(*) FILTER (WHERE NULL), sum(x) FILTER (WHERE NULL) FROM (VALUES 1) t(x)",
                List.of("bigint", "bigint"), Arrays.asList(0L, null));
    }

    @Test
    void distinctAggregateOrdersByItsArgumentsOnly() {
        assertFails("SELECT array_agg(DISTINCT x ORDER BY y) FROM (VALUES (1, 2)) t(x, y)", ErrorCode.EXPRESSION_NOT_IN_DISTINCT);
    }

    @Test
    void maxByAndMinByCompareArrayAndRowKeys() throws Exception {
        assertResult("SELECT max_by(x, y), min_by(x, y) FROM (VALUES (1, ARRAY[1, 5]), (2, ARRAY[2]), (3, ARRAY[1])) t(x, y)",
                List.of("integer", "integer"), List.of(2L, 3L));
        assertResult("SELECT max_by(x, y) FROM (VALUES (1, ROW(1, 'a')), (2, ROW(1, 'b'))) t(x, y)",
                List.of("integer"), List.of(2L));
    }

    @Test
    void minAndMaxOfArraysFailOnANullElementReached() throws Exception {
        assertResult("SELECT min(x), max(x) FROM (VALUES ARRAY[1, NULL], ARRAY[2, 2]) t(x)",
                List.of("array(integer)", "array(integer)"), List.of(Arrays.asList(1L, null), List.of(2L, 2L)));
        assertFails("SELECT min(x) FROM (VALUES ARRAY[1, NULL], ARRAY[1, 2]) t(x)", ErrorCode.NOT_SUPPORTED,
                "ARRAY comparison not supported for arrays with null elements");
    }

    @Test
    void anEmptyGroupingSetAnswersARowForAnEmptyInput() throws Exception {
        assertResult("SELECT regionkey, count(*), sum(nationkey), count(DISTINCT name), count(*) FILTER (WHERE nationkey > 1)"
                        + " FROM tpch.tiny.nation WHERE nationkey < 0 GROUP BY ROLLUP(regionkey)",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint"), Arrays.asList(null, 0L, null, 0L, 0L));
        assertResult("SELECT x, y, grouping(x, y), count(*) FROM (VALUES (1, 2)) t(x, y) WHERE x > 5"
                        + " GROUP BY GROUPING SETS ((x), (), (y), ())",
                List.of("integer", "integer", "integer", "bigint"), Arrays.asList(null, null, 3L, 0L), Arrays.asList(null, null, 3L, 0L));
        assertResult("SELECT regionkey, count(*) FROM tpch.tiny.nation WHERE regionkey = 1 GROUP BY ROLLUP(regionkey) ORDER BY 1",
                List.of("bigint", "bigint"), List.of(1L, 5L), Arrays.asList(null, 5L));
    }

    @Test
    void groupingSetsRollupAndCubeTakeColumnsOnly() {
        assertFails("SELECT count(*) FROM tpch.tiny.nation GROUP BY ROLLUP(regionkey + 1)", ErrorCode.INVALID_COLUMN_REFERENCE);
        assertFails("SELECT count(*) FROM tpch.tiny.nation GROUP BY GROUPING SETS ((regionkey, lower(name)), ())",
                ErrorCode.INVALID_COLUMN_REFERENCE);
        assertFails("SELECT count(*) FROM tpch.tiny.nation GROUP BY CUBE(1)", ErrorCode.INVALID_COLUMN_REFERENCE);
        assertFails("SELECT count(*) FROM tpch.tiny.nation GROUP BY GROUPING SETS (ROLLUP(regionkey), CUBE(nationkey))",
                ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT count(*) FROM tpch.tiny.nation GROUP BY ROLLUP(CUBE(regionkey))", ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void misusedAggregatesHaveTrinosErrorNames() {
        assertFails("SELECT count(x, y) FROM (VALUES (1, 2)) t(x, y)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT abs(x) FILTER (WHERE x > 0) FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_AGGREGATE);
        assertFails("SELECT sum(x) FILTER (WHERE y) FROM (VALUES (1, 2)) t(x, y)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT grouping(name) FROM tpch.tiny.nation GROUP BY regionkey", ErrorCode.INVALID_ARGUMENTS);
        assertFails("SELECT DISTINCT regionkey FROM tpch.tiny.nation ORDER BY nationkey", ErrorCode.EXPRESSION_NOT_IN_DISTINCT);
        assertFails("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM (VALUES 1, 2) t(x)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT listagg(x, ',') FROM (VALUES 'a') t(x)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT array_agg(y ORDER BY x) FROM (VALUES (MAP(ARRAY[2], ARRAY[1]), 'a')) t(x, y)", ErrorCode.TYPE_MISMATCH,
                "ORDER BY can only be applied to orderable types (actual: map(integer, integer))");
    }

    @Test
    void lagOfCharWithATextDefaultIsChar() throws Exception {
        assertResult("SELECT x, lag(y, 1, 'default') OVER (ORDER BY x), lag(y, 1, 'de') OVER (ORDER BY x)"
                        + " FROM (VALUES (1, CAST('a' AS char(3))), (2, CAST('b' AS char(3)))) t(x, y) ORDER BY 1",
                // char values are held without their padding, which the client protocol adds
                List.of("integer", "char(7)", "char(3)"), List.of(1L, "default", "de"), List.of(2L, "a", "a"));
    }

    @Test
    void namedWindowsMayHaveDigitsInTheirNames() throws Exception {
        assertResult("SELECT x, sum(x) OVER w2 FROM (VALUES 1, 2, 3) t(x) WINDOW w1 AS (ORDER BY x), w2 AS (w1 ROWS CURRENT ROW) ORDER BY 1",
                List.of("integer", "bigint"), List.of(1L, 1L), List.of(2L, 2L), List.of(3L, 3L));
    }

    @Test
    void misusedWindowsHaveTrinosErrorNames() {
        assertFails("SELECT sum(x) OVER (ORDER BY x ROWS 1 FOLLOWING) FROM (VALUES 1, 2) t(x)", ErrorCode.INVALID_WINDOW_FRAME,
                "Window frame starting from FOLLOWING cannot end with CURRENT ROW");
        assertFails("SELECT sum(x) OVER (ORDER BY x GROUPS 1 FOLLOWING) FROM (VALUES 1) t(x)", ErrorCode.INVALID_WINDOW_FRAME);
        assertFails("SELECT lag(x, 1) IGNORE NULLS FROM (VALUES 1) t(x)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS) FROM (VALUES 1) t(x)",
                ErrorCode.SYNTAX_ERROR, "mismatched input 'EXCLUDE'");
        assertFails("SELECT lag(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM (VALUES 1) t(x)",
                ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT count(*) IGNORE NULLS FROM (VALUES 1) t(x)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT row_number(DISTINCT x) OVER (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT sum(x) OVER (ORDER BY y) FROM (VALUES (1, MAP(ARRAY[1], ARRAY[1]))) t(x, y)", ErrorCode.TYPE_MISMATCH,
                "is not orderable, and therefore cannot be used in window function ORDER BY");
    }

    @Test
    void checksumOfMapsAndOfArraysInRows() throws Exception {
        assertResult("SELECT to_base64(checksum(MAP(ARRAY[1, 2], ARRAY[3, 4]))), to_base64(checksum(ROW(MAP(ARRAY[1, 5], ARRAY[2, NULL]), 'x'))),"
                        + " to_base64(checksum(ROW(ARRAY['a', NULL], 1.5e0)))",
                List.of("varchar", "varchar", "varchar"), List.of("6RShilQ3nMg=", "tctWpPXvdco=", "hDmSS1X3MS0="));
    }

    @Test
    void checksumOfUuidsAndIpAddressesHashesTheirTwoHalves() throws Exception {
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59') t(x)",
                List.of("varchar"), List.of("Hb9IhSbLumI="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES IPADDRESS '10.0.0.1') t(x)", List.of("varchar"), List.of("jvpiafL0heI="));
    }

    @Test
    void aBareNullOfValuesWithExpressionsKeepsTheColumnVarchar() throws Exception {
        assertResult("SELECT typeof(y), max(y) OVER () FROM (VALUES (1, 'abc', 1 + 1), (2, NULL, 3)) t(x, y, z) ORDER BY x",
                List.of("varchar", "varchar(3)"), List.of("varchar(3)", "abc"), List.of("varchar(3)", "abc"));
    }

    @Test
    void mapAggregatesKeepCharTypes() throws Exception {
        assertResult("SELECT typeof(histogram(x)), typeof(map_agg(x, x)), typeof(multimap_agg(x, x)) FROM (VALUES CAST('a' AS char(3))) t(x)",
                List.of("varchar", "varchar", "varchar"),
                List.of("map(char(3), bigint)", "map(char(3), char(3))", "map(char(3), array(char(3)))"));
    }

    @Test
    void misplacedAggregatesHaveTrinosErrorNames() {
        assertFails("SELECT count(*) FROM tpch.tiny.nation n JOIN tpch.tiny.region r ON count(*) > 0", ErrorCode.EXPRESSION_NOT_SCALAR);
        assertFails("SELECT name FROM tpch.tiny.nation ORDER BY count(*)", ErrorCode.EXPRESSION_NOT_AGGREGATE);
        assertFails("SELECT array_agg(x) WITHIN GROUP (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT listagg(x, y) WITHIN GROUP (ORDER BY x) FROM (VALUES ('a', ',')) t(x, y)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT name, (SELECT count(*) FROM tpch.tiny.nation n WHERE n.regionkey = region.regionkey) FROM tpch.tiny.region"
                + " GROUP BY name", ErrorCode.EXPRESSION_NOT_AGGREGATE, "Subquery uses 'region.regionkey' which must appear in GROUP BY clause");
    }

    @Test
    void decimalTotalsPassingTheLimitOnTheWay() throws Exception {
        String max = "DECIMAL '99999999999999999999999999999999999999'";
        String tenths = "CAST(9999999999999999999999999999999999999.9 AS decimal(38,1))";
        assertResult("SELECT sum(x), avg(x) FROM (VALUES " + max + ", " + max + ", -" + max + ") t(x)",
                List.of("decimal(38,0)", "decimal(38,0)"),
                List.of(new java.math.BigDecimal("99999999999999999999999999999999999999"),
                        new java.math.BigDecimal("33333333333333333333333333333333333333")));
        assertResult("SELECT sum(x), avg(x) FROM (VALUES " + tenths + ", " + tenths + ", -" + tenths + ") t(x)",
                List.of("decimal(38,1)", "decimal(38,1)"),
                List.of(new java.math.BigDecimal("9999999999999999999999999999999999999.9"),
                        new java.math.BigDecimal("3333333333333333333333333333333333333.3")));
        java.math.BigDecimal third = new java.math.BigDecimal("33333333333333333333333333333333333333");
        java.math.BigDecimal whole = new java.math.BigDecimal("99999999999999999999999999999999999999");
        assertResult("SELECT n, sum(x) OVER (), avg(x) OVER () FROM (VALUES (1, " + max + "), (2, " + max + "), (3, -" + max + ")) t(n, x)"
                        + " ORDER BY n",
                List.of("integer", "decimal(38,0)", "decimal(38,0)"),
                List.of(1L, whole, third), List.of(2L, whole, third), List.of(3L, whole, third));
        assertFails("SELECT sum(x) FROM (VALUES " + max + ", " + max + ") t(x)", io.quarry.spi.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "Decimal overflow");
    }
}
