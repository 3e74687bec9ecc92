package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions that mix functions and types, found by comparing random expressions with Trino 476; expected values are Trino's. */
class TestMixedExpressionEdges extends LocalQueryTest {
    @Test
    void greatestAndLeastOfMixedNumbersCompare() throws Exception {
        assertResult("SELECT least(7, 2e0) < 1.5, 1.5 > least(7, CAST(2 AS real)), greatest(1, REAL '2.5') >= 2,"
                        + " least(quantity, floor(1.5)) * 2 FROM tpch.tiny.lineitem WHERE orderkey = 1 AND linenumber = 1",
                List.of("boolean", "boolean", "boolean", "double"), List.of(false, false, true, 2.0));
    }

    @Test
    void dateDiffMovesADateOrATimestampToTheOtherValuesType() throws Exception {
        assertResult("SELECT date_diff('day', TIMESTAMP '2020-01-01 10:00:00', DATE '2020-01-05'),"
                        + " date_diff('hour', DATE '2020-01-01', TIMESTAMP '2020-01-02 05:00:00 UTC'),"
                        + " date_diff('hour', TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-02 05:00:00 UTC'),"
                        + " date_diff('second', DATE '2020-01-01', TIMESTAMP '2020-01-01 00:00:01.999')",
                List.of("bigint", "bigint", "bigint", "bigint"), List.of(3L, 29L, 29L, 1L));
        assertFails("SELECT date_diff('hour', TIME '01:00', TIMESTAMP '2020-01-02 05:00:00')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (varchar(4), time(0), timestamp(0)) for function date_diff");
        assertFails("SELECT date_add('hour', 1, DATE '2020-01-01')", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "'hour' is not a valid DATE field");
        assertFails("SELECT date_trunc('day', TIME '01:00')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "'day' is not a valid TIME field");
    }

    @Test
    void functionsOverAConcatenationAreUnboundedVarchar() throws Exception {
        assertResult("SELECT upper(name || name), lower(concat(name, name)), substr(concat(name, 'ab'), 2), upper(concat('ab', 'cd')),"
                        + " typeof(reverse(name || 'x')), rtrim(reverse(concat(CAST('O' AS char(3)), ''))), upper(name)"
                        + " FROM tpch.tiny.nation WHERE nationkey = 0",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar(3)", "varchar(25)"),
                List.of("ALGERIAALGERIA", "algeriaalgeria", "LGERIAab", "ABCD", "varchar", "  O", "ALGERIA"));
    }

    @Test
    void elementAtOfAnEmptyMapLiteralIsNull() throws Exception {
        assertResult("SELECT element_at(MAP(), 'a'), element_at(MAP(), 1), element_at(MAP(ARRAY['a'], ARRAY[1]), 'a') FROM tpch.tiny.region WHERE regionkey = 0",
                List.of("unknown", "unknown", "integer"), java.util.Arrays.asList(null, null, 1L));
    }
}
