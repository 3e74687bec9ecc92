package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How statements are accepted, literals typed and errors named, as Trino 476 does: typed literals, integer literals
 * beyond bigint, the error codes of everyday mistakes, and the two-argument trims. Expected values are Trino's.
 */
class TestSqlSurface extends LocalQueryTest {
    @Test
    void typedNumericLiterals() throws Exception {
        assertResult("SELECT TINYINT '1', SMALLINT '2', INTEGER '3', BIGINT '4', BIGINT ' 4 ', INTEGER '+5'",
                List.of("tinyint", "smallint", "integer", "bigint", "bigint", "integer"), List.of(1L, 2L, 3L, 4L, 4L, 5L));
        assertResult("SELECT REAL '1.5', DOUBLE '2.5', DECIMAL '1.20', DECIMAL '.5', DECIMAL '00012.5', DECIMAL '-0.00'",
                List.of("real", "double", "decimal(3,2)", "decimal(1,1)", "decimal(3,1)", "decimal(2,2)"),
                List.of(1.5, 2.5, new BigDecimal("1.20"), new BigDecimal("0.5"), new BigDecimal("12.5"), new BigDecimal("0.00")));
        assertResult("SELECT REAL '1e50', DOUBLE 'NaN', typeof(REAL '1' + 1)", List.of("real", "double", "varchar"),
                List.of(Double.POSITIVE_INFINITY, Double.NaN, "real"));
    }

    @Test
    void typedTextLiterals() throws Exception {
        assertResult("SELECT CHAR 'ab', VARCHAR 'x', CHAR 'ab  ', typeof(CHAR 'ab  ')",
                List.of("char(2)", "varchar", "char(4)", "varchar"), List.of("ab", "x", "ab", "char(4)"));
    }

    @Test
    void typedLiteralsStandWhereExpressionsDo() throws Exception {
        assertResult("SELECT abs(INTEGER '-3') WHERE BIGINT '1' = 1", List.of("integer"), List.of(3L));
        assertResult("SELECT x FROM (VALUES SMALLINT '1', SMALLINT '2') t(x) WHERE x > TINYINT '1'",
                List.of("smallint"), List.of(2L));
    }

    @Test
    void invalidTypedLiterals() {
        assertError("SELECT INTEGER 'x'", ErrorCode.INVALID_LITERAL, "line 1:8: 'x' is not a valid INTEGER literal");
        assertError("SELECT 1, DECIMAL 'abc'", ErrorCode.INVALID_LITERAL, "line 1:11: 'abc' is not a valid DECIMAL literal");
        assertError("SELECT TINYINT '300'", ErrorCode.INVALID_LITERAL, "line 1:8: '300' is not a valid TINYINT literal");
        assertError("SELECT INTEGER '1.5'", ErrorCode.INVALID_LITERAL, "line 1:8: '1.5' is not a valid INTEGER literal");
        assertError("SELECT DOUBLE 'x'", ErrorCode.INVALID_LITERAL, "line 1:8: 'x' is not a valid DOUBLE literal");
        assertError("SELECT DECIMAL '-1.20e2'", ErrorCode.INVALID_LITERAL, "line 1:8: '-1.20e2' is not a valid DECIMAL literal");
        assertError("SELECT BIGINT '9223372036854775808'", ErrorCode.INVALID_LITERAL,
                "line 1:8: '9223372036854775808' is not a valid BIGINT literal");
    }

    @Test
    void integerLiteralsBeyondBigintAreSyntaxErrors() throws Exception {
        assertError("SELECT 12345678901234567890", ErrorCode.SYNTAX_ERROR, "line 1:8: Invalid numeric literal: 12345678901234567890");
        assertError("SELECT CAST(99999999999999999999999999999999999999 AS decimal(38,0))", ErrorCode.SYNTAX_ERROR,
                "line 1:13: Invalid numeric literal: 99999999999999999999999999999999999999");
        assertResult("SELECT -9223372036854775808, 9223372036854775807, 12345678901234567890.5",
                List.of("bigint", "bigint", "decimal(21,1)"),
                List.of(Long.MIN_VALUE, Long.MAX_VALUE, new BigDecimal("12345678901234567890.5")));
    }

    @Test
    void decimalLiteralsOfMoreThan38DigitsAreInvalid() throws Exception {
        assertError("SELECT 10000000000000000000000000000000000000.0 * 10", ErrorCode.INVALID_LITERAL,
                "line 1:8: '10000000000000000000000000000000000000.0' is not a valid DECIMAL literal");
        assertError("SELECT 1 + 0.123456789012345678901234567890123456789", ErrorCode.INVALID_LITERAL,
                "line 1:12: '0.123456789012345678901234567890123456789' is not a valid DECIMAL literal");
        assertResult("SELECT 00000000000000000000000000000000000000001.5, 1234567890123456789012345678901234567.8",
                List.of("decimal(2,1)", "decimal(38,1)"),
                List.of(new BigDecimal("1.5"), new BigDecimal("1234567890123456789012345678901234567.8")));
    }

    @Test
    void functionsCalledWithWrongArgumentsAreNotFound() {
        assertError("SELECT abs('a')", ErrorCode.FUNCTION_NOT_FOUND, null);
        assertError("SELECT substr('abc', 1, 2, 3)", ErrorCode.FUNCTION_NOT_FOUND, null);
        assertError("SELECT concat('a', 1)", ErrorCode.FUNCTION_NOT_FOUND, null);
        assertError("SELECT 'a' || 1", ErrorCode.FUNCTION_NOT_FOUND, "line 1:8: Unexpected parameters (varchar(1), integer) for function concat");
        assertError("SELECT greatest(1, 'a')", ErrorCode.FUNCTION_NOT_FOUND, null);
        assertError("SELECT array_position(ARRAY[1,2,1], 1, 2)", ErrorCode.FUNCTION_NOT_FOUND, null);
        assertError("SELECT ends_with('abc', 'bc')", ErrorCode.FUNCTION_NOT_FOUND, "line 1:8: Function 'ends_with' not registered");
        assertError("SELECT 'a' + 1", ErrorCode.TYPE_MISMATCH, null);
    }

    @Test
    void mistakesHaveTrinosErrorNames() {
        assertError("SELECT CAST(1 AS foo)", ErrorCode.TYPE_MISMATCH, "line 1:18: Unknown type: foo");
        assertError("SELECT row_number() FROM nation", ErrorCode.MISSING_OVER, null);
        assertError("SELECT * FROM (VALUES 1, 2) a(x) NATURAL JOIN (VALUES 2, 3) b(x)", ErrorCode.NOT_SUPPORTED, null);
        assertError("SELECT ROW(1, 'a').field0", ErrorCode.INVALID_COLUMN_REFERENCE, null);
        assertError("SELECT n_name FROM nation ORDER BY n_name LIMIT 3 OFFSET 2", ErrorCode.SYNTAX_ERROR,
                "line 1:51: mismatched input 'OFFSET'. Expecting: <EOF>");
    }

    @Test
    void stringsAndNumbersHaveNoCommonType() {
        for (String sql : List.of("SELECT 1 UNION SELECT 'a'", "SELECT 1 UNION ALL SELECT 'a'", "SELECT 1 = '1'", "SELECT 1 IN ('1')",
                "SELECT CASE WHEN true THEN 1 ELSE 'a' END", "SELECT coalesce(1, 'a')", "SELECT IF(true, 1, 'a')",
                "SELECT nullif(1, 'a')", "SELECT 1 BETWEEN '0' AND 2", "SELECT ARRAY[1, 'a']", "SELECT * FROM (VALUES 1, 'a')")) {
            assertError(sql, ErrorCode.TYPE_MISMATCH, null);
        }
    }

    @Test
    void numericCastsOutOfRangeAreInvalidCastArguments() {
        assertError("SELECT CAST(123.45 AS decimal(3,1))", ErrorCode.INVALID_CAST_ARGUMENT,
                "Cannot cast DECIMAL(5, 2) '123.45' to DECIMAL(3, 1)");
        assertError("SELECT CAST(12345 AS decimal(3,1))", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast INTEGER '12345' to DECIMAL(3, 1)");
        assertError("SELECT CAST(1e10 AS decimal(3,1))", ErrorCode.INVALID_CAST_ARGUMENT, null);
        assertError("SELECT CAST(300.5 AS tinyint)", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast '301' to TINYINT");
        assertError("SELECT CAST(300 AS tinyint)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, null);
    }

    @Test
    void castsBetweenTypes() throws Exception {
        assertError("SELECT CAST(1e20 AS bigint)", ErrorCode.INVALID_CAST_ARGUMENT, "Unable to cast 1.0E20 to bigint");
        assertError("SELECT CAST(1e10 AS integer)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for integer: 1.0E10");
        assertError("SELECT CAST(X'01' AS varchar)", ErrorCode.TYPE_MISMATCH, null);
        assertError("SELECT CAST(DATE '2020-01-01' AS integer)", ErrorCode.TYPE_MISMATCH, null);
        // Trino saturates a real beyond bigint
        assertResult("SELECT CAST(REAL '1e20' AS bigint), CAST(REAL '-1e20' AS bigint)",
                List.of("bigint", "bigint"), List.of(Long.MAX_VALUE, Long.MIN_VALUE));
        LocalQueryRunner.Result bytes = run("SELECT CAST('aé' AS varbinary)");
        assertThat(bytes.types().get(0).displayName()).isEqualTo("varbinary");
        assertThat((byte[]) bytes.rows().get(0).get(0)).containsExactly("aé".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void negatingTheLeastIntegerOverflows() {
        assertError("SELECT -(-9223372036854775807 - 1)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, null);
        assertError("SELECT -(CAST(-2147483648 AS integer))", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, null);
        assertError("SELECT -(CAST(-32768 AS smallint))", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, null);
        assertError("SELECT -(TINYINT '-128')", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "tinyint negation overflow: -128");
    }

    @Test
    void trimWithCharacters() throws Exception {
        assertResult("SELECT trim('xax', 'x'), ltrim('xxa', 'x'), rtrim('axx', 'x'), trim(BOTH 'x' FROM 'xxaxx'), ltrim('  a')",
                List.of("varchar(3)", "varchar(3)", "varchar(3)", "varchar(5)", "varchar(3)"), List.of("a", "a", "a", "a", "a"));
    }

    @Test
    void emptyConstructors() throws Exception {
        assertResult("SELECT ARRAY[], cardinality(ARRAY[]), typeof(ARRAY [ ]), MAP(), cardinality(MAP()), map_keys(MAP())",
                List.of("array(unknown)", "bigint", "varchar", "map(unknown, unknown)", "bigint", "array(unknown)"),
                List.of(List.of(), 0L, "array(unknown)", java.util.Map.of(), 0L, List.of()));
    }

    @Test
    void charCountsAndKeepsItsPadding() throws Exception {
        assertResult("SELECT length(CAST('ab' AS char(4))), length(CHAR 'ab  '), CAST('ab' AS char(4)) || 'x', 'x' || CAST('ab' AS char(4)),"
                        + " CAST('ab' AS char(4)) || CAST('c' AS char(2))",
                List.of("bigint", "bigint", "char(5)", "char(5)", "char(6)"), List.of(4L, 4L, "ab  x", "xab", "ab  c"));
        assertResult("SELECT TRY_CAST('abc' AS char(2)), TRY_CAST('a' AS char(3)), typeof(TRY_CAST('a' AS char(3)))",
                List.of("char(2)", "char(3)", "varchar"), List.of("ab", "a", "char(3)"));
        assertResult("SELECT CHAR 'a' UNION ALL SELECT CHAR 'bb' ORDER BY 1", List.of("char(2)"), List.of("a"), List.of("bb"));
        assertResult("SELECT * FROM (VALUES CHAR 'a', CHAR 'bb') t(x) ORDER BY 1", List.of("char(2)"), List.of("a"), List.of("bb"));
        assertResult("SELECT * FROM (VALUES CAST('a' AS char(2)), CAST('bbb' AS char(3))) t(x) ORDER BY 1", List.of("char(3)"), List.of("a"), List.of("bbb"));
        assertError("SELECT translate(CAST('abc' AS char(4)), 'a', 'x')", ErrorCode.FUNCTION_NOT_FOUND, null);
        assertResult("SELECT CHAR 'ab' = 'ab  ', CHAR 'ab' = VARCHAR 'ab  ', CHAR 'ab' < 'abc', CAST(CHAR 'ab' AS varchar(4))",
                List.of("boolean", "boolean", "boolean", "varchar(4)"), List.of(true, true, true, "ab"));
    }

    @Test
    void shiftAmountsAreIntegers() throws Exception {
        assertError("SELECT bitwise_left_shift(1, CAST(3 AS bigint))", ErrorCode.FUNCTION_NOT_FOUND, null);
        assertResult("SELECT bitwise_left_shift(1, 3)", List.of("integer"), List.of(8L));
    }

    /** Asserts that {@code sql} fails with {@code code} and, unless null, exactly {@code message}. */
    static void assertError(String sql, ErrorCode code, String message) {
        Throwable failure = catchThrowable(() -> run(sql));
        while (failure != null && !(failure instanceof QuarryException) && failure.getCause() != failure) {
            failure = failure.getCause();
        }
        assertThat(failure).as("failure of %s", sql).isInstanceOf(QuarryException.class);
        assertThat(((QuarryException) failure).errorCode()).as("error of %s: %s", sql, failure.getMessage()).isEqualTo(code);
        if (message != null) {
            assertThat(failure.getMessage()).as("message of %s", sql).isEqualTo(message);
        }
    }
}
