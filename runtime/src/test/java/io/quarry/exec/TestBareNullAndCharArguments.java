package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Function calls with a bare NULL argument, typed by the most specific signature that takes the other arguments,
 * and with char(n) arguments, which only the functions with signatures of char take (Trino has no implicit coercion
 * from char to varchar). The expected types, values and error names were taken from Trino 476 (char values are held
 * without their trailing spaces: the client pads them to the type's length).
 */
class TestBareNullAndCharArguments extends LocalQueryTest {
    private static List<Object> nulls(int count) {
        return Arrays.asList(new Object[count]);
    }

    @Test
    void bareNullTakesTheMostSpecificParameterType() throws Exception {
        assertResult("SELECT abs(NULL), round(NULL, 2), mod(NULL, NULL), sign(NULL)",
                List.of("tinyint", "tinyint", "tinyint", "tinyint"), nulls(4));
        assertResult("SELECT lower(NULL), trim(NULL), ltrim(NULL, 'a'), replace(NULL, 'ab', 'ab'), substring(NULL, 2)",
                List.of("varchar(0)", "varchar(0)", "varchar(0)", "varchar(2)", "varchar(0)"), nulls(5));
        assertResult("SELECT split(NULL, ','), regexp_extract_all(NULL, 'a')",
                List.of("array(varchar(0))", "array(varchar(0))"), nulls(2));
        assertResult("SELECT json_format(NULL), array_sort(NULL), element_at(NULL, 1), quantile_at_value(NULL, 1e0),"
                        + " hash_counts(NULL), jaccard_index(make_set_digest(1), NULL)",
                List.of("varchar", "array(unknown)", "unknown", "double", "map(bigint, smallint)", "double"), nulls(6));
    }

    @Test
    void expressionOfUnknownTypeIsTypedLikeABareNull() throws Exception {
        assertResult("SELECT upper(if(true, NULL)), rtrim(CASE WHEN true THEN NULL END), lower(nullif(NULL, 'a')),"
                        + " abs(if(true, NULL)), year(if(true, NULL))",
                List.of("varchar(0)", "varchar(0)", "varchar(0)", "tinyint", "bigint"), nulls(5));
        assertResult("SELECT array_remove(if(true, NULL), 3), split(if(true, NULL), ','), lower(if(x > 1, NULL))"
                        + " FROM (VALUES 2) t(x)",
                List.of("array(integer)", "array(varchar(0))", "varchar(0)"), nulls(3));
        assertFails("SELECT substr(if(true, NULL), 1)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        // a column of NULLs too
        assertResult("SELECT abs(x), lower(t.x), array_remove(x, 3) FROM (VALUES NULL) t(x)",
                List.of("tinyint", "varchar(0)", "array(integer)"), nulls(3));
        assertFails("SELECT sum(x) FROM (SELECT NULL AS x)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
    }

    @Test
    void bareNullOfDatePartFunctionsIsADate() throws Exception {
        // Calcite turns year(x), month(x) and day(x) into EXTRACT, which takes no NULL of unknown type
        assertResult("SELECT year(NULL), month(NULL), day(NULL), quarter(NULL), hour(NULL)",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint"), nulls(5));
    }

    @Test
    void bareNullTakesItsTypeFromTheOtherArguments() throws Exception {
        assertResult("SELECT array_remove(NULL, 3), sequence(DATE '2020-01-01', NULL), rand(3, NULL)",
                List.of("array(integer)", "array(date)", "integer"), nulls(3));
        assertResult("SELECT sequence(NULL, TIMESTAMP '2020-01-01 00:00:00', INTERVAL '1' DAY)",
                List.of("array(timestamp(0))"), nulls(1));
        // a NULL answers NULL before the unit is read
        assertResult("SELECT date_diff('ab', NULL, DATE '2020-01-01'), from_unixtime(NULL, 'ab')",
                List.of("bigint", "timestamp(3) with time zone"), nulls(2));
    }

    @Test
    void bareNullOfAggregates() throws Exception {
        assertResult("SELECT merge_set_digest(NULL)", List.of("SetDigest"), nulls(1));
        assertFails("SELECT merge(NULL)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT avg(NULL)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT approx_most_frequent(NULL, NULL, NULL)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
    }

    @Test
    void ambiguousBareNullsFail() {
        assertFails("SELECT substr(NULL, 1)", ErrorCode.AMBIGUOUS_FUNCTION_CALL, "Could not choose a best candidate operator");
        assertFails("SELECT sequence(NULL, NULL)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT json_extract_scalar(NULL, '$.a')", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        // one return type, but concat_ws skips a NULL of varchar and not one of array(varchar)
        assertFails("SELECT concat_ws('ab', NULL)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        // a NULL is no function
        assertFails("SELECT transform(NULL, NULL)", ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void charArgumentsOfFunctionsWithoutCharSignaturesAreNotFound() {
        assertFails("SELECT replace(CAST('ab' AS char(4)), 'a')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (char(4), varchar(1)) for function replace");
        assertFails("SELECT strpos(CAST('ab' AS char(4)), 'b')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (char(4), varchar(1)) for function strpos");
        assertFails("SELECT split_part(CAST('a,b' AS char(4)), ',', 1)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (char(4), varchar(1), integer) for function split_part");
        assertFails("SELECT regexp_like(CAST('ab' AS char(4)), 'a')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (char(4), varchar(1)) for function regexp_like");
        assertFails("SELECT rpad(CAST('ab' AS char(4)), 6, 'x')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (char(4), integer, varchar(1)) for function rpad");
        assertFails("SELECT starts_with('ab', CAST('a' AS char(4)))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (varchar(2), char(4)) for function starts_with");
        assertFails("SELECT array_join(ARRAY['a', 'b'], CAST(',' AS char(2)))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (array(varchar(1)), char(2)) for function array_join");
        assertFails("SELECT replace(c, 'a') FROM (VALUES CAST('ab' AS char(3))) t(c)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (char(3), varchar(1)) for function replace");
    }

    @Test
    void charArgumentsOfFunctionsWithCharSignatures() throws Exception {
        // patterns and character sets take a char as their text
        assertResult("SELECT regexp_like('ab', CAST('a' AS char(1))), trim('ab', CAST('a' AS char(1)))",
                List.of("boolean", "varchar(2)"), List.of(true, "b"));
        // with their padding
        assertResult("SELECT regexp_like('ab', CAST('ab' AS char(3))), regexp_replace('a b', CAST('b' AS char(2))),"
                        + " trim('  ab  ', CAST('a' AS char(2)))",
                List.of("boolean", "varchar(3)", "varchar(6)"), List.of(false, "a b", "b"));
        assertResult("SELECT reverse(CAST('ab' AS char(4))), lower(CAST('Ab' AS char(4))), length(CAST('ab' AS char(4))),"
                        + " substr(CAST('ab' AS char(4)), 2), concat(CAST('ab' AS char(4)), 'x'), CAST('ab' AS char(4)) LIKE 'ab  '",
                List.of("char(4)", "char(4)", "bigint", "varchar(4)", "char(5)", "boolean"),
                List.of("  ba", "ab", 4L, "b  ", "ab  x", true));
    }
}
