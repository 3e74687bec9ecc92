package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scalar edge cases where Quarry answered differently from Trino 476: NaN compared with itself, ntile of null,
 * {@code 5.} as a decimal, string lengths in code points, blanks in casts, truncate's signatures and the text of
 * doubles and reals. The expected values were taken from Trino 476 and are written here.
 */
class TestScalarEdges extends LocalQueryTest {
    @Test
    void nanIsNotEqualToItself() throws Exception {
        assertResult("SELECT nan() = nan(), nan() <> nan(), nan() IN (nan()), nan() IS DISTINCT FROM nan(),"
                + " nan() IS NOT DISTINCT FROM nan(), nan() < nan(), nan() >= nan(), nan() BETWEEN nan() AND nan(),"
                + " CAST(nan() AS real) = CAST(nan() AS real)",
            List.of("boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean"),
            List.of(false, true, false, false, true, false, false, false, false));
        // VALUES with calls is a union of its rows, so the order is asked for
        assertResult("SELECT k, x = x, x <> x, x IS NOT DISTINCT FROM x, x <= x FROM (VALUES (1, nan()), (2, 1e0), (3, NULL)) t(k, x)"
                + " ORDER BY k",
            List.of("integer", "boolean", "boolean", "boolean", "boolean"),
            List.of(1L, false, true, true, false), List.of(2L, true, false, true, true), Arrays.asList(3L, null, null, true, null));
        assertResult("SELECT count(*) FROM (VALUES nan(), 1e0) t(x) WHERE x = x", List.of("bigint"), List.of(1L));
    }

    @Test
    void ntileOfNullIsNull() throws Exception {
        assertResult("SELECT ntile(NULL) OVER (ORDER BY x), ntile(CAST(NULL AS bigint)) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)",
            List.of("bigint", "bigint"), Arrays.asList(null, null), Arrays.asList(null, null));
        assertResult("SELECT ntile(x) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)", List.of("bigint"), List.of(1L), List.of(2L));
        assertFails("SELECT ntile(-1) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)",
            ErrorCode.INVALID_FUNCTION_ARGUMENT, "Buckets must be greater than 0");
    }

    @Test
    void integerWithPointIsDecimal() throws Exception {
        assertResult("SELECT 5., -5., .5, 5.e0, 00.50",
            List.of("decimal(1,0)", "decimal(1,0)", "decimal(1,1)", "double", "decimal(2,2)"),
            List.of(new BigDecimal("5"), new BigDecimal("-5"), new BigDecimal("0.5"), 5.0, new BigDecimal("0.50")));
    }

    @Test
    void stringLengthsCountCodePoints() throws Exception {
        assertResult("SELECT '😀', typeof('a😀b'), length('a😀b'), substr('a😀b', 2, 1), reverse('a😀b'), upper('😀a')",
            List.of("varchar(1)", "varchar", "bigint", "varchar(3)", "varchar(3)", "varchar(2)"),
            List.of("😀", "varchar(3)", 3L, "😀", "b😀a", "😀A"));
    }

    @Test
    void castsFromTextRefuseBlanksForDecimalAndBoolean() throws Exception {
        assertFails("SELECT CAST(' 1.5 ' AS decimal(3,1))", ErrorCode.INVALID_CAST_ARGUMENT,
            "Cannot cast VARCHAR ' 1.5 ' to DECIMAL(3, 1). Value is not a number.");
        assertFails("SELECT CAST('true ' AS boolean)", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast 'true ' to BOOLEAN");
        assertResult("SELECT CAST(' 1 ' AS integer), CAST(' 1.5 ' AS double), CAST(' 2020-01-01 ' AS date), CAST('+1.5' AS decimal(3,1))",
            List.of("integer", "double", "date", "decimal(3,1)"),
            List.of(1L, 1.5, 18262L, new BigDecimal("1.5")));
    }

    @Test
    void truncateHasTrinosSignatures() throws Exception {
        assertResult("SELECT truncate(157), truncate(157, 1), truncate(CAST(157 AS bigint), -1), truncate(CAST(5 AS tinyint)),"
                + " truncate(NULL), truncate(1.57e0), truncate(CAST(-1.57 AS real)), truncate(12.345, 2), truncate(-1.57)",
            List.of("decimal(10,0)", "decimal(10,0)", "decimal(19,0)", "decimal(3,0)", "decimal(1,0)", "double", "real",
                "decimal(5,3)", "decimal(1,0)"),
            Arrays.asList(new BigDecimal("157"), new BigDecimal("157"), new BigDecimal("150"), new BigDecimal("5"), null,
                1.0, -1.0, new BigDecimal("12.340"), new BigDecimal("-1")));
        assertFails("SELECT truncate(1.57e0, 1)", ErrorCode.FUNCTION_NOT_FOUND,
            "Unexpected parameters (double, integer) for function truncate. Expected: truncate(decimal(p,s)), "
                + "truncate(decimal(p,s), integer), truncate(double), truncate(real)");
        assertFails("SELECT truncate(CAST(1.57 AS real), 1)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (real, integer)");
        assertFails("SELECT truncate(12.345, CAST(2 AS bigint))", ErrorCode.FUNCTION_NOT_FOUND,
            "Unexpected parameters (decimal(5,3), bigint)");
    }

    @Test
    void doublesAndRealsPrintAsTrinoPrintsThem() throws Exception {
        assertResult("SELECT CAST(x AS varchar), CAST(-x AS varchar), CAST(1e0 AS varchar), CAST(1.5e0 AS varchar),"
                + " CAST(1e20 AS varchar), CAST(1e-5 AS varchar), CAST(123456789012e0 AS varchar), CAST(1e7 AS varchar),"
                + " CAST(0.001e0 AS varchar), CAST(12345678.9e0 AS varchar), CAST(4.9e-324 AS varchar), CAST(nan() AS varchar),"
                + " CAST(-infinity() AS varchar) FROM (VALUES 0e0) t(x)",
            repeat("varchar", 13),
            List.of("0E0", "-0E0", "1.0E0", "1.5E0", "1.0E20", "1.0E-5", "1.23456789012E11", "1.0E7", "1.0E-3", "1.23456789E7",
                "4.9E-324", "NaN", "-Infinity"));
        assertResult("SELECT CAST(REAL '0' AS varchar), CAST(REAL '-0' AS varchar), CAST(REAL '1.5' AS varchar),"
                + " CAST(REAL '1e20' AS varchar), CAST(REAL '1e-5' AS varchar), CAST(REAL '123456789' AS varchar),"
                + " CAST(REAL '0.1' AS varchar), CAST(REAL '3.4028235e38' AS varchar), CAST(REAL '1.4e-45' AS varchar),"
                + " CAST(REAL '16777216' AS varchar), CAST(REAL '0.3333333' AS varchar)",
            repeat("varchar", 11),
            List.of("0E0", "-0E0", "1.5E0", "1.0E20", "1.0E-5", "1.234568E8", "1.0E-1", "3.402823E38", "1.4E-45", "1.677722E7",
                "3.333333E-1"));
    }

    @Test
    void minusZeroLiteralIsNegativeZero() throws Exception {
        assertResult("SELECT CAST(-0e0 AS varchar), CAST(- 0e0 AS varchar), CAST(0e0 AS varchar)",
            repeat("varchar", 3), List.of("-0E0", "-0E0", "0E0"));
    }

    @Test
    void jsonValueReturningCastsTheItem() throws Exception {
        assertResult("SELECT json_value('{\"a\":1}', 'lax $.a' RETURNING integer),"
                + " json_value('{\"a\":\"x\"}', 'lax $.a' RETURNING integer),"
                + " json_value('{\"a\":1.5}', 'lax $.a' RETURNING double),"
                + " json_value('{\"a\":1.5}', 'lax $.a' RETURNING decimal(3,1)),"
                + " json_value('{\"a\":1.5}', 'lax $.a' RETURNING integer),"
                + " json_value('{\"a\":1e3}', 'lax $.a' RETURNING bigint),"
                + " json_value('{\"a\":\"2020-01-01\"}', 'lax $.a' RETURNING date),"
                + " json_value('{\"a\":12}', 'lax $.b' RETURNING integer)",
            List.of("integer", "integer", "double", "decimal(3,1)", "integer", "bigint", "date", "integer"),
            Arrays.asList(1L, null, 1.5, new BigDecimal("1.5"), 2L, 1000L, 18262L, null));
    }

    @Test
    void regexpReplaceWithLambdaReplacesEachMatch() throws Exception {
        assertResult("SELECT regexp_replace('new york', '(\\w)(\\w*)', x -> upper(x[1]) || lower(x[2])),"
                + " regexp_replace('abc', 'x*', x -> '-'), regexp_replace('ab', '(a)|(b)', x -> coalesce(x[1], 'N') || coalesce(x[2], 'N')),"
                + " regexp_replace('abc', 'b', (x) -> CAST(cardinality(x) AS varchar)), regexp_replace(NULL, 'b', x -> 'X')",
            repeat("varchar", 5),
            Arrays.asList("New York", "-a-b-c-", "aNNb", "a0c", null));
        assertResult("SELECT regexp_replace(s, '\\d+', x -> s || '!') FROM (VALUES 'a1b22', 'none', NULL) t(s)",
            List.of("varchar"), List.of("aa1b22!ba1b22!"), List.of("none"), Arrays.asList((Object) null));
        assertFails("SELECT regexp_replace('a1b22', '\\d+', x -> CAST(length(x[1]) AS varchar))",
            ErrorCode.INVALID_FUNCTION_ARGUMENT, "Array subscript must be less than or equal to array length: 1 > 0");
    }

    private static List<String> repeat(String type, int times) {
        return java.util.Collections.nCopies(times, type);
    }
}
