package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window functions as Trino 476 runs them: aggregates that order their values over a frame, ranking without ORDER BY,
 * RANGE frames over calendars, times and integers at their limits, the types a frame offset takes, the integer sum of a
 * frame, and the errors for window calls where none may be. Expected values are Trino's.
 */
class TestWindowFramesAndOrderedAggregates extends LocalQueryTest {
    private static final String FOUR_ROWS = "(VALUES (1, 1, 2), (1, 3, 1), (1, 4, 5), (1, 5, 0)) t(k, x, y)";

    @Test
    void arrayAggWithOrderByOverFrames() throws Exception {
        assertResult("SELECT x, array_agg(x ORDER BY y) OVER (PARTITION BY k ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)"
                        + " FROM " + FOUR_ROWS + " ORDER BY x",
                List.of("integer", "array(integer)"),
                List.of(1L, List.of(3L, 1L)), List.of(3L, List.of(3L, 1L, 4L)), List.of(4L, List.of(5L, 3L, 4L)),
                List.of(5L, List.of(5L, 4L)));
        assertResult("SELECT x, array_agg(x ORDER BY x DESC) OVER (ORDER BY x), array_agg(x ORDER BY x) OVER (ORDER BY x)"
                        + " FROM (VALUES 3, 1, 2) t(x) ORDER BY x",
                List.of("integer", "array(integer)", "array(integer)"),
                List.of(1L, List.of(1L), List.of(1L)),
                List.of(2L, List.of(2L, 1L), List.of(1L, 2L)),
                List.of(3L, List.of(3L, 2L, 1L), List.of(1L, 2L, 3L)));
    }

    @Test
    void nullsAndDistinctInTheOrderOfAnAggregate() throws Exception {
        assertResult("SELECT x, array_agg(x ORDER BY y NULLS FIRST) OVER (PARTITION BY k), array_agg(x ORDER BY y DESC, x) OVER ()"
                        + " FROM (VALUES (1, 1, 2), (1, 3, NULL), (1, 4, 2)) t(k, x, y) ORDER BY x",
                List.of("integer", "array(integer)", "array(integer)"),
                List.of(1L, List.of(3L, 1L, 4L), List.of(1L, 4L, 3L)),
                List.of(3L, List.of(3L, 1L, 4L), List.of(1L, 4L, 3L)),
                List.of(4L, List.of(3L, 1L, 4L), List.of(1L, 4L, 3L)));
        // DISTINCT takes the value with its sort keys: equal pairs count once
        assertResult("SELECT array_agg(DISTINCT x ORDER BY y) OVER () FROM (VALUES (1, 2), (3, 1), (1, 2)) t(x, y)",
                List.of("array(integer)"), List.of(List.of(3L, 1L)), List.of(List.of(3L, 1L)), List.of(List.of(3L, 1L)));
    }

    @Test
    void listaggWithinGroupOverWindows() throws Exception {
        assertResult("SELECT x, listagg(CAST(x AS varchar), '-') WITHIN GROUP (ORDER BY y DESC) OVER (PARTITION BY k ORDER BY x)"
                        + " FROM " + FOUR_ROWS + " ORDER BY x",
                List.of("integer", "varchar"),
                List.of(1L, "1"), List.of(3L, "1-3"), List.of(4L, "4-1-3"), List.of(5L, "4-1-3-5"));
        assertResult("SELECT listagg(CAST(x AS varchar), ',') WITHIN GROUP (ORDER BY y)"
                        + " OVER (PARTITION BY k ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING)"
                        + " FROM (VALUES (1, 1, 2), (1, 3, 1), (1, 4, 5)) t(k, x, y) ORDER BY x",
                List.of("varchar"), List.of("3,4"), List.of("4"), Arrays.asList((Object) null));
        assertFails("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY y) FILTER (WHERE x <> '') OVER () FROM (VALUES ('a', 1)) t(x, y)",
                ErrorCode.NOT_SUPPORTED, "FILTER is not yet supported for window functions");
    }

    @Test
    void orderByInsideOtherAggregates() throws Exception {
        // the order leaves sums, counts and extremes as they are; map_agg keeps the first value of a key in it
        assertResult("SELECT g, sum(x ORDER BY x DESC), count(x ORDER BY g), max_by(x, g ORDER BY x DESC),"
                        + " map_agg(g, x ORDER BY x DESC) FROM (VALUES ('a', 1), ('a', 2)) t(g, x) GROUP BY g",
                List.of("varchar(1)", "bigint", "bigint", "integer", "map(varchar(1), integer)"),
                List.of("a", 3L, 2L, 1L, java.util.Map.of("a", 2L)));
        assertResult("SELECT g, map_agg(k, v ORDER BY v DESC NULLS FIRST) FROM (VALUES ('a', 1, 1), ('a', 1, NULL), ('b', 2, 3),"
                        + " ('b', 2, 4)) t(g, k, v) GROUP BY g ORDER BY g",
                List.of("varchar(1)", "map(integer, integer)"),
                Arrays.asList("a", java.util.Collections.singletonMap(1L, null)), List.of("b", java.util.Map.of(2L, 4L)));
        assertResult("SELECT v, sum(x ORDER BY y) OVER (ORDER BY v ROWS 1 PRECEDING), map_agg(k, v ORDER BY v) OVER (ORDER BY v DESC)"
                        + " FROM (VALUES (1, 1, 1, 5), (1, 2, 2, 6), (2, 3, 3, 7)) t(k, v, x, y) ORDER BY v",
                List.of("integer", "bigint", "map(integer, integer)"),
                List.of(1L, 1L, java.util.Map.of(1L, 1L, 2L, 3L)), List.of(2L, 3L, java.util.Map.of(1L, 2L, 2L, 3L)),
                List.of(3L, 5L, java.util.Map.of(2L, 3L)));
        assertResult("SELECT g, multimap_agg(k, v ORDER BY w NULLS FIRST, v DESC) FROM (VALUES ('a', 1, 2, 1), ('a', 1, 5, NULL),"
                        + " ('a', 1, 3, 1), ('b', 2, 1, 0)) t(g, k, v, w) GROUP BY g ORDER BY g",
                List.of("varchar(1)", "map(integer, array(integer))"),
                List.of("a", java.util.Map.of(1L, List.of(5L, 3L, 2L))), List.of("b", java.util.Map.of(2L, List.of(1L))));
        assertResult("SELECT v, multimap_agg(k, v ORDER BY v DESC) OVER (ORDER BY v ROWS 1 PRECEDING)"
                        + " FROM (VALUES (1, 2), (1, 5), (2, 1), (1, 3)) t(k, v) ORDER BY v",
                List.of("integer", "map(integer, array(integer))"),
                List.of(1L, java.util.Map.of(2L, List.of(1L))), List.of(2L, java.util.Map.of(1L, List.of(2L), 2L, List.of(1L))),
                List.of(3L, java.util.Map.of(1L, List.of(3L, 2L))), List.of(5L, java.util.Map.of(1L, List.of(5L, 3L))));
        assertFails("SELECT sum(DISTINCT x ORDER BY y) FROM (VALUES (1, 2)) t(x, y)", ErrorCode.EXPRESSION_NOT_IN_DISTINCT,
                "For aggregate function with DISTINCT, ORDER BY expressions must appear in arguments");
        assertResult("SELECT sum(DISTINCT x ORDER BY x DESC) FROM (VALUES 1, 1, 2) t(x)", List.of("bigint"), List.of(3L));
        // sub-queries and windows keep their own ORDER BY
        assertResult("SELECT max(x ORDER BY x) FILTER (WHERE x > 1), count(*) FILTER (WHERE x IN (SELECT y FROM (VALUES 2, 3) u(y)"
                        + " ORDER BY y LIMIT 1)) FROM (SELECT x FROM (VALUES 3, 1, 2) t(x) ORDER BY x LIMIT 2)",
                List.of("integer", "bigint"), List.of(2L, 1L));
        assertFails("SELECT sum(x) WITHIN GROUP (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void namedWindowsKeepTheFramesAndPartitionsOfTheirUsers() throws Exception {
        assertResult("SELECT x, sum(x) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), sum(x) OVER (w2 ROWS CURRENT ROW), sum(x) OVER w2"
                        + " FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w AS (ORDER BY x), w1 AS (PARTITION BY x % 2), w2 AS (w1 ORDER BY x DESC)"
                        + " ORDER BY x",
                List.of("integer", "bigint", "bigint", "bigint"),
                List.of(1L, 1L, 1L, 4L), List.of(2L, 3L, 2L, 6L), List.of(3L, 5L, 3L, 3L), List.of(4L, 7L, 4L, 4L));
        assertResult("SELECT x, sum(x) OVER (w GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW), sum(x) OVER w3 FROM (VALUES 1, 2, 2, 4) t(x)"
                        + " WINDOW w AS (ORDER BY x), w3 AS (ORDER BY x GROUPS CURRENT ROW) ORDER BY x",
                List.of("integer", "bigint", "bigint"),
                List.of(1L, 1L, 1L), List.of(2L, 5L, 4L), List.of(2L, 5L, 4L), List.of(4L, 8L, 4L));
        // a sub-query's WINDOW clause has names of its own
        assertResult("SELECT x, (SELECT sum(y) OVER w FROM (VALUES 1) u(y) WINDOW w AS (ORDER BY y)) FROM (VALUES 1, 2) t(x)"
                        + " WINDOW w AS (ORDER BY x) ORDER BY x",
                List.of("integer", "bigint"), List.of(1L, 1L), List.of(2L, 1L));
    }

    @Test
    void namedWindowErrors() {
        assertFails("SELECT sum(x) OVER w FROM (VALUES 1) t(x) WINDOW w AS (ORDER BY x), w AS (ORDER BY x)",
                ErrorCode.DUPLICATE_WINDOW_NAME, "WINDOW name 'w' specified more than once");
        assertFails("SELECT sum(x) OVER v FROM (VALUES 1) t(x) WINDOW w AS (ORDER BY x)", ErrorCode.INVALID_WINDOW_REFERENCE,
                "Cannot resolve WINDOW name v");
        assertFails("SELECT sum(x) OVER w FROM (VALUES 1) t(x) WINDOW w AS (w2 ORDER BY x), w2 AS (PARTITION BY x)",
                ErrorCode.INVALID_WINDOW_REFERENCE, "Cannot resolve WINDOW name w2");
        assertFails("SELECT sum(x) OVER (w ROWS CURRENT ROW) FROM (VALUES 1) t(x) WINDOW w AS (ORDER BY x ROWS CURRENT ROW)",
                ErrorCode.INVALID_WINDOW_REFERENCE, "Cannot reference named WINDOW containing frame specification");
        assertFails("SELECT sum(x) OVER (w PARTITION BY x) FROM (VALUES 1) t(x) WINDOW w AS (ORDER BY x)",
                ErrorCode.INVALID_PARTITION_BY, "cannot specify PARTITION BY");
        assertFails("SELECT sum(x) OVER (w ORDER BY x) FROM (VALUES 1) t(x) WINDOW w AS (ORDER BY x)",
                ErrorCode.INVALID_ORDER_BY, "Cannot specify ORDER BY if referenced named WINDOW specifies ORDER BY");
    }

    @Test
    void rankingWithoutOrderBy() throws Exception {
        assertResult("SELECT x, rank() OVER (), dense_rank() OVER (PARTITION BY x), percent_rank() OVER (PARTITION BY x),"
                        + " cume_dist() OVER () FROM (VALUES 1, 1, 2) t(x) ORDER BY x",
                List.of("integer", "bigint", "bigint", "double", "double"),
                List.of(1L, 1L, 1L, 0.0, 1.0), List.of(1L, 1L, 1L, 0.0, 1.0), List.of(2L, 1L, 1L, 0.0, 1.0));
        assertFails("SELECT lag(x) OVER () FROM (VALUES 1) t(x)", ErrorCode.MISSING_ORDER_BY,
                "lag function requires an ORDER BY window clause");
        assertFails("SELECT lead(x) OVER (w) FROM (VALUES 1) t(x) WINDOW w AS (PARTITION BY x)", ErrorCode.MISSING_ORDER_BY,
                "lead function requires an ORDER BY window clause");
    }

    @Test
    void rangeFramesWithoutOrderBy() throws Exception {
        assertResult("SELECT x, sum(x) OVER (RANGE UNBOUNDED PRECEDING), sum(x) OVER (PARTITION BY x RANGE BETWEEN CURRENT ROW AND CURRENT ROW)"
                        + " FROM (VALUES 1, 1, 2) t(x) ORDER BY x",
                List.of("integer", "bigint", "bigint"), List.of(1L, 4L, 2L), List.of(1L, 4L, 2L), List.of(2L, 4L, 2L));
        assertFails("SELECT sum(x) OVER (RANGE 1 PRECEDING) FROM (VALUES 1, 2) t(x)", ErrorCode.MISSING_ORDER_BY,
                "Window frame of type RANGE PRECEDING or FOLLOWING requires ORDER BY");
    }

    @Test
    void countedOffsetsAreIntegers() throws Exception {
        assertFails("SELECT count(*) OVER (ORDER BY x ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)",
                ErrorCode.TYPE_MISMATCH, "Window frame ROWS start value type must be exact numeric type with scale 0 (actual decimal(2,1))");
        assertFails("SELECT count(*) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND 2.5 FOLLOWING) FROM (VALUES 1) t(x)",
                ErrorCode.TYPE_MISMATCH, "Window frame GROUPS end value type must be exact numeric type with scale 0");
        assertFails("SELECT count(*) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1e0)) t(x, y)",
                ErrorCode.TYPE_MISMATCH, "(actual double)");
        assertFails("SELECT count(*) OVER (ORDER BY x ROWS BETWEEN NULL PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)",
                ErrorCode.TYPE_MISMATCH, "(actual unknown)");
        assertFails("SELECT count(*) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1.5)) t(x, y)",
                ErrorCode.TYPE_MISMATCH, "(actual decimal(2,1))");
        assertResult("SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN CAST(1 AS decimal(3, 0)) PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES 1, 2, 3) t(x) ORDER BY x",
                List.of("integer", "bigint"), List.of(1L, 1L), List.of(2L, 2L), List.of(3L, 2L));
    }

    @Test
    void rangeOffsetsInMonthsFollowTheCalendar() throws Exception {
        assertResult("SELECT CAST(d AS varchar), count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES DATE '2024-01-31', DATE '2024-02-29', DATE '2024-03-30', DATE '2024-03-31') t(d) ORDER BY d",
                List.of("varchar", "bigint"),
                List.of("2024-01-31", 1L), List.of("2024-02-29", 2L), List.of("2024-03-30", 2L), List.of("2024-03-31", 3L));
        assertResult("SELECT CAST(d AS varchar), count(*) OVER (ORDER BY d DESC RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES DATE '2024-01-31', DATE '2024-02-29', DATE '2024-03-30', DATE '2024-03-31') t(d) ORDER BY d",
                List.of("varchar", "bigint"),
                List.of("2024-01-31", 2L), List.of("2024-02-29", 1L), List.of("2024-03-30", 2L), List.of("2024-03-31", 1L));
        assertResult("SELECT count(*) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' YEAR PRECEDING AND CURRENT ROW) FROM (VALUES"
                        + " TIMESTAMP '2023-01-01 10:00:00', TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-06-01 00:00:00') t(ts) ORDER BY ts",
                List.of("bigint"), List.of(1L), List.of(2L), List.of(2L));
        assertResult("SELECT count(*) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND INTERVAL '1' MONTH FOLLOWING)"
                        + " FROM (VALUES TIMESTAMP '2024-01-31 10:00:00 Europe/Berlin', TIMESTAMP '2024-02-29 10:00:00 Europe/Berlin',"
                        + " TIMESTAMP '2024-03-31 09:00:00 Europe/Berlin') t(ts) ORDER BY ts",
                List.of("bigint"), List.of(2L), List.of(2L), List.of(2L));
    }

    @Test
    void rangeOffsetsInDaysAndHours() throws Exception {
        assertResult("SELECT count(*) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES"
                        + " TIMESTAMP '2024-03-30 12:00:00 Europe/Berlin', TIMESTAMP '2024-03-31 12:00:00 Europe/Berlin',"
                        + " TIMESTAMP '2024-03-31 11:00:00 UTC') t(ts) ORDER BY ts",
                List.of("bigint"), List.of(1L), List.of(2L), List.of(3L));
        // times of day wrap around midnight: the hour before 00:30 starts at 23:30
        assertResult("SELECT count(*) OVER (ORDER BY t RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW),"
                        + " count(*) OVER (ORDER BY t RANGE BETWEEN CURRENT ROW AND INTERVAL '1' HOUR FOLLOWING)"
                        + " FROM (VALUES TIME '00:30:00', TIME '10:30:00', TIME '23:45:00') v(t) ORDER BY t",
                List.of("bigint", "bigint"), List.of(0L, 1L), List.of(1L, 1L), List.of(1L, 0L));
        assertResult("SELECT count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '48' HOUR PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES DATE '2024-01-01', DATE '2024-01-03') t(d) ORDER BY d",
                List.of("bigint"), List.of(1L), List.of(2L));
        assertFails("SELECT count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)"
                + " FROM (VALUES DATE '2024-01-01') t(d)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "hour, minutes or seconds");
    }

    @Test
    void rangeBoundsThatLeaveTheIntegerType() {
        assertFails("SELECT count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 2147483647, 1) t(x)",
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer addition overflow: 2147483647 + 1");
        assertFails("SELECT count(*) OVER (ORDER BY x RANGE BETWEEN 9223372036854775807 PRECEDING AND CURRENT ROW)"
                + " FROM (VALUES BIGINT '-2') t(x)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint subtraction overflow");
    }

    @Test
    void rangeBoundsAroundNullKeys() throws Exception {
        // NULLS FIRST: the NULL keys precede every value, so a frame ending below the row's value still holds them
        assertResult("SELECT x, array_agg(x) OVER (ORDER BY x ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
                        + " FROM (VALUES 1, 2, 3, NULL, 5) t(x) ORDER BY x",
                List.of("integer", "array(integer)"),
                List.of(1L, Arrays.asList((Object) null)), List.of(2L, Arrays.asList(null, 1L)), List.of(3L, Arrays.asList(null, 1L, 2L)),
                List.of(5L, Arrays.asList(null, 1L, 2L, 3L)), Arrays.asList(null, Arrays.asList((Object) null)));
    }

    @Test
    void offsetsAtTheirLimits() throws Exception {
        assertResult("SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND 9223372036854775807 FOLLOWING),"
                        + " sum(x) OVER (ORDER BY x GROUPS BETWEEN 9223372036854775807 PRECEDING AND 9223372036854775807 FOLLOWING)"
                        + " FROM (VALUES 1, 2) t(x) ORDER BY x",
                List.of("integer", "bigint", "bigint"), List.of(1L, 3L, 3L), List.of(2L, 3L, 3L));
        assertResult("SELECT array_agg(x) OVER (ORDER BY x RANGE BETWEEN 99999999999999999999.5 PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES DECIMAL '1.5', 2.5) t(x) ORDER BY x",
                List.of("array(decimal(2,1))"),
                List.of(List.of(new BigDecimal("1.5"))), List.of(List.of(new BigDecimal("1.5"), new BigDecimal("2.5"))));
        assertFails("SELECT count(*) OVER (ORDER BY x RANGE BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1e0, nan())) t(x, y)",
                ErrorCode.INVALID_WINDOW_FRAME);
        assertFails("SELECT count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW) FROM (VALUES TIME '10:00:00') t(x)",
                ErrorCode.TYPE_MISMATCH, "Window frame RANGE value type (interval year to month) not compatible with sort item type");
    }

    @Test
    void integerSumsOfFramesWrapAround() throws Exception {
        assertResult("SELECT x, sum(y) OVER (ORDER BY x ROWS 1 PRECEDING), sum(DISTINCT y) OVER ()"
                        + " FROM (VALUES (1, 9223372036854775807), (2, 1)) t(x, y) ORDER BY x",
                List.of("integer", "bigint", "bigint"),
                List.of(1L, 9223372036854775807L, -9223372036854775808L), List.of(2L, -9223372036854775808L, -9223372036854775808L));
        assertFails("SELECT sum(y) FROM (VALUES 9223372036854775807, 1) t(y)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    @Test
    void lagOffsetsAndDefaultsNeedTheirTypes() throws Exception {
        assertFails("SELECT lead(x, 1, 'a') OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (integer, integer, varchar(1)) for function lead");
        assertFails("SELECT lag(x, 1, DATE '2020-01-01') OVER (ORDER BY x) FROM (VALUES 'a') t(x)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT lag(x, 1, 2) OVER (ORDER BY x) FROM (VALUES true) t(x)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT lag(x, 1e0) OVER (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (integer, double) for function lag");
        assertFails("SELECT nth_value(x, 1.5) OVER (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (integer, decimal(2,1)) for function nth_value. Expected: nth_value(t, bigint) T");
        assertFails("SELECT lead(x, CAST(1 AS decimal(3, 0))) OVER (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_FOUND);
        assertResult("SELECT lag(x, 1, NULL) OVER (ORDER BY x), lag(x, 1, ARRAY[1]) OVER (ORDER BY x) FROM (VALUES ARRAY[2]) t(x)",
                List.of("array(integer)", "array(integer)"), Arrays.asList(null, List.of(1L)));
    }

    @Test
    void windowCallsWhereNoneMayBe() {
        assertFails("SELECT x FROM (VALUES 1, 2) t(x) WHERE row_number() OVER () = 1", ErrorCode.EXPRESSION_NOT_SCALAR,
                "WHERE clause cannot contain aggregations, window functions or grouping operations");
        assertFails("SELECT count(*) FROM (VALUES 1, 2) t(x) GROUP BY rank() OVER (ORDER BY x)", ErrorCode.EXPRESSION_NOT_SCALAR,
                "GROUP BY clause cannot contain");
        assertFails("SELECT x FROM (VALUES 1, 2) t(x) JOIN (VALUES 1) u(y) ON rank() OVER (ORDER BY x) = y",
                ErrorCode.EXPRESSION_NOT_SCALAR, "JOIN clause cannot contain");
        assertFails("SELECT x FROM (VALUES 1, 2) t(x) GROUP BY x HAVING rank() OVER (ORDER BY x) > 1", ErrorCode.NESTED_WINDOW,
                "HAVING clause cannot contain window functions");
        assertFails("SELECT rank() OVER (ORDER BY rank() OVER (ORDER BY x)) FROM (VALUES 1, 2) t(x)", ErrorCode.NESTED_WINDOW,
                "inside window specification");
        assertFails("SELECT sum(x) OVER (PARTITION BY rank() OVER (ORDER BY x)) FROM (VALUES 1) t(x)", ErrorCode.NESTED_WINDOW);
    }
}
