package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Casts where Quarry answered differently from Trino 476: TRY_CAST that Calcite folds to a value that cannot be
 * null, char(n) cast to anything but text, time to timestamp with time zone, zoned precisions below
 * milliseconds, and the shortest text of reals and doubles. The expected values were taken from Trino 476.
 */
class TestCastEdges extends LocalQueryTest {
    @Test
    void tryCastOfFoldedValues() throws Exception {
        assertResult("SELECT TRY_CAST(true AS integer), TRY_CAST(false AS decimal(3,1)), TRY_CAST(true AS real),"
                + " TRY_CAST(true AS double), TRY_CAST(true AS tinyint)",
            List.of("integer", "decimal(3,1)", "real", "double", "tinyint"),
            List.of(1L, new BigDecimal("0.0"), 1.0, 1.0, 1L));
        assertResult("SELECT CAST(TRY_CAST(TIMESTAMP '2020-01-02 03:04:05.678' AS timestamp(0)) AS varchar),"
                + " CAST(TRY_CAST(TIMESTAMP '2020-01-02 03:04:05.678' AS time(3)) AS varchar)",
            List.of("varchar", "varchar"), List.of("2020-01-02 03:04:06", "03:04:05.678"));
        assertResult("SELECT TRY_CAST(x AS smallint) FROM (VALUES true, false) t(x)",
            List.of("smallint"), List.of(1L), List.of(0L));
    }

    @Test
    void shortDecimalsBecomeDoublesByDividingInDouble() throws Exception {
        // a short decimal is its unscaled value over 10^scale, divided in double (in float for real), which may miss
        // the closest double by a bit; a long decimal converts exactly
        assertResult("SELECT CAST(DECIMAL '0.9999999999999999' AS double), CAST(DECIMAL '2.4732489209496226' AS double),"
                        + " CAST(DECIMAL '0.934298973468971824' AS real) = REAL '0.93429893', x + 0e0, sqrt(x),"
                        + " CAST(DECIMAL '16760443.65450300826823658585' AS double)"
                        + " FROM (VALUES DECIMAL '9754103.8898074246') t(x)",
                List.of("double", "double", "boolean", "double", "double", "double"),
                List.of(1.0, 2.4732489209496222, true, 9754103.889807424, 3123.1560783616665, 16760443.654503008));
    }

    @Test
    void castsTrinoHasNotAndTextTooLong() {
        assertFails("SELECT CAST('[1,2]' AS array(bigint))", ErrorCode.TYPE_MISMATCH, "Cannot cast varchar(5) to array(bigint)");
        assertFails("SELECT TRY_CAST('a' AS map(varchar, bigint))", ErrorCode.TYPE_MISMATCH, "Cannot cast varchar(1) to map(varchar, bigint)");
        // a JSON value's text must fit a bounded varchar
        assertFails("SELECT CAST(JSON '1.5' AS varchar(2))", ErrorCode.INVALID_CAST_ARGUMENT, "varchar(2)");
    }

    @Test
    void functionsThatTakeACharSeeItPadded() throws Exception {
        // (a char comes out of the local runner without its padding, which the protocol adds)
        assertResult("SELECT substr(c, 2), lpad(c, 6, '*'), to_base64(to_utf8(c)), format('%s|', c), c LIKE 'ab', c LIKE 'ab%', length(c),"
                        + " rtrim(c), upper(c) FROM (VALUES CAST('ab' AS char(4))) t(c)",
                List.of("varchar(4)", "varchar", "varchar", "varchar", "boolean", "boolean", "bigint", "varchar(4)", "char(4)"),
                List.of("b  ", "**ab  ", "YWIgIA==", "ab  |", false, true, 4L, "ab", "AB"));
    }

    @Test
    void charCastsOnlyToText() throws Exception {
        for (String target : List.of("tinyint", "integer", "bigint", "real", "double", "decimal(10,2)", "boolean", "date",
                "timestamp(3)", "time(3)", "timestamp(6) with time zone", "varbinary")) {
            assertFails("SELECT CAST(CAST('7' AS char(3)) AS " + target + ")", ErrorCode.TYPE_MISMATCH, "Cannot cast char(3) to");
            assertFails("SELECT TRY_CAST(CAST('7' AS char(3)) AS " + target + ")", ErrorCode.TYPE_MISMATCH, "Cannot cast char(3) to");
        }
        assertResult("SELECT CAST(CAST('a' AS char(3)) AS varchar), CAST(CAST('a' AS char(3)) AS char(1)), CAST('7' AS integer),"
                + " CAST('2020-01-02' AS date) = DATE '2020-01-02', CAST('ab' AS varbinary) = X'6162'",
            List.of("varchar", "char(1)", "integer", "boolean", "boolean"), List.of("a  ", "a", 7L, true, true));
    }

    @Test
    void timeToTimestampWithTimeZone() throws Exception {
        // the time on the session's current date, in the session's zone
        assertResult("SELECT CAST(CAST(TIME '10:11:12.345' AS timestamp(3) with time zone) AS varchar)"
                + " = CAST(current_date AS varchar) || ' 10:11:12.345 UTC',"
                + " CAST(CAST(TIME '10:11:12.345' AS timestamp(0) with time zone) AS varchar)"
                + " = CAST(current_date AS varchar) || ' 10:11:12 UTC'",
            List.of("boolean", "boolean"), List.of(true, true));
    }

    @Test
    void zonedPrecisionsBelowMillisecondsRound() throws Exception {
        assertResult("SELECT CAST(CAST(TIMESTAMP '2020-01-02 03:04:05.678 UTC' AS timestamp(1) with time zone) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-02 03:04:05.678' AS timestamp(1) with time zone) AS varchar),"
                + " CAST(CAST(TIMESTAMP '2020-01-02 03:04:05.5 +02:00' AS timestamp(0) with time zone) AS varchar)",
            List.of("varchar", "varchar", "varchar"),
            List.of("2020-01-02 03:04:05.7 UTC", "2020-01-02 03:04:05.7 UTC", "2020-01-02 03:04:06 +02:00"));
    }

    @Test
    void emptyMapOfNoTypeCastsToJson() throws Exception {
        assertResult("SELECT json_format(CAST(MAP() AS json))", List.of("varchar"), List.of("{}"));
    }

    @Test
    void shortestTextOfRealsAndDoubles() throws Exception {
        // Java 17 prints 9.0E9f as 8.9999995E9 and 2.0E-3 as 0.0020; Trino prints the shortest text
        assertResult("SELECT CAST(REAL '9e9' AS varchar), CAST(DOUBLE '2e-3' AS varchar), CAST(CAST(BIGINT '9000000000' AS real) AS varchar),"
                + " json_format(CAST(REAL '9e9' AS json)), json_format(CAST(ARRAY[1e23, 2e-3] AS json))",
            List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
            List.of("9.0E9", "2.0E-3", "9.0E9", "9.0E9", "[1.0E23,0.002]"));
    }

    @Test
    void floatingPointToDecimalAndTextToFloatingPoint() throws Exception {
        // a real becomes the decimal of its shortest text (0.1, not 0.10000000149); beyond 38 digits is an overflow
        assertResult("SELECT CAST(REAL '0.1' AS decimal(38,37)), CAST(REAL '1.1' AS decimal(20,15)), CAST(0.1e0 AS decimal(30,25))",
                List.of("decimal(38,37)", "decimal(20,15)", "decimal(30,25)"),
                List.of(new BigDecimal("0.1000000000000000000000000000000000000"), new BigDecimal("1.100000000000000"),
                        new BigDecimal("0.1000000000000000000000000")));
        assertFails("SELECT CAST(1e38 AS decimal(38,0))", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow");
        assertFails("SELECT CAST(1e5 AS decimal(3,0))", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast DOUBLE '100000.0' to DECIMAL(3, 0)");
        // Java's number syntax, with its d and f suffixes
        assertResult("SELECT CAST(x AS double), CAST(x AS real) FROM (VALUES '1d', ' 1.5f ') t(x)",
                List.of("double", "real"), List.of(1.0, 1.0), List.of(1.5, 1.5));
    }

    @Test
    void jsonNullsInsideJsonValuesStayJson() throws Exception {
        assertResult("SELECT CAST(JSON '[null]' AS ARRAY(JSON)), CAST(JSON '{\"a\": null}' AS MAP(VARCHAR, JSON)),"
                        + " CAST(JSON '{\"a\": null}' AS ROW(a JSON)), CAST(JSON 'null' AS ARRAY(JSON))",
                List.of("array(json)", "map(varchar, json)", "row(a json)", "array(json)"),
                Arrays.asList(List.of("null"), Map.of("a", "null"), List.of("null"), null));
    }
}
