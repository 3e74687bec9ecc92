package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lengths of char and varchar values and of what text functions make of them; expected values are Trino 476's. */
class TestTextLengths extends LocalQueryTest {
    @Test
    void charOfNoLengthHoldsTheEmptyText() throws Exception {
        assertResult("SELECT CAST('a' AS char(0)), CHAR '', length(CAST('abc' AS char(0)))", List.of("char(0)", "char(0)", "bigint"),
                List.of("", "", 0L));
        assertResult("SELECT CAST('abc' AS char(0)) = CAST('' AS char(0)), CAST('a' AS char(0)) || 'b'", List.of("boolean", "char(1)"),
                List.of(true, "b"));
        assertResult("SELECT CAST(x AS char(0)), CAST(x AS varchar(0)) FROM (VALUES 'a') t(x)", List.of("char(0)", "varchar(0)"),
                List.of("", ""));
        assertResult("SELECT CAST(ARRAY['a'] AS array(char(0))), CAST('abc' AS char)", List.of("array(char(0))", "char(1)"),
                List.of(List.of(""), "a"));
        assertFails("SELECT CAST('a' AS char(65537))", ErrorCode.TYPE_MISMATCH, "Unknown type: char(65537)");
    }

    @Test
    void functionsKeepingLengthsTakeThemFromTheirArgument() throws Exception {
        String row = " FROM (VALUES 'x') t(x)";
        assertResult("SELECT concat('abc', CAST(x AS char(3))) || 'a', rtrim(concat('abc', CAST(x AS char(3))) || 'a'),"
                        + " trim(concat('abc', CAST(x AS char(3))) || 'a'), ltrim(concat('abc', CAST(x AS char(3))) || 'a', 'a'),"
                        + " substr(concat('abc', CAST(x AS char(3))) || 'a', 2), lower(rtrim(concat('abc', CAST(x AS char(3))) || 'a'))"
                        + row,
                List.of("char(7)", "varchar(7)", "varchar(7)", "varchar(7)", "varchar(7)", "varchar(7)"),
                List.of("abcx  a", "abcx  a", "abcx  a", "bcx  a", "bcx  a", "abcx  a"));
    }

    @Test
    void aTemporalValueLongerThanItsVarcharFailsAsItIsWritten() {
        String[] values = {"TIMESTAMP '2020-05-01 10:11:12.123456'", "TIMESTAMP '2020-05-01 10:11:12 UTC'", "TIME '10:11:12'",
            "INTERVAL '1' DAY", "INTERVAL '1' YEAR"};
        for (String value : values) {
            assertFails("SELECT CAST(x AS varchar(2)) FROM (VALUES " + value + ") t(x)", ErrorCode.GENERIC_INTERNAL_ERROR,
                    "Character count exceeds length limit 2");
        }
        assertFails("SELECT CAST(x AS varchar(5)) FROM (VALUES DATE '2020-05-01') t(x)", ErrorCode.INVALID_CAST_ARGUMENT);
    }

    @Test
    void trimmingACharAtTheRightDropsTheBlanksLeftThere() throws Exception {
        assertResult("SELECT rtrim(CAST('ab b' AS char(6)), 'b'), rtrim(CAST('ab b' AS varchar(6)), 'b'), trim(BOTH 'b' FROM CAST('b ab' AS char(6)))",
                List.of("varchar(6)", "varchar(6)", "varchar(6)"), List.of("ab", "ab ", " a"));
    }

    @Test
    void aUnicodeLiteralConcatenatesWithOtherText() throws Exception {
        assertResult("SELECT 'x' || U&'\\00e9', CAST('x' AS char(2)) || U&'\\00e9', U&'\\00e9' = 'é'", List.of("varchar", "char(3)", "boolean"),
                List.of("xé", "x é", true));
    }

    @Test
    void concatOfNothingIsAmbiguousAndLeftIsNoFunction() {
        assertFails("SELECT concat()", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        // LEFT and RIGHT are reserved words, no functions
        assertFails("SELECT left('abc', 2)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT right('abc', 2)", ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void concatWsAndListaggTakeNoChar() {
        assertFails("SELECT concat_ws('-', CAST('ab' AS char(4)), 'c')", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT listagg(CAST(x AS char(4)), ',') WITHIN GROUP (ORDER BY x) FROM (VALUES 'a') t(x)", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void aVarcharConcatenatedWithACharIsPaddedAsTheCharOfItsLength() throws Exception {
        String row = " FROM (VALUES 'x') t(x)";
        assertResult("SELECT CAST(x AS varchar(3)) || CAST(x AS char(4)), trim(CAST(x AS varchar(3)) || CAST(x AS char(4)))" + row,
                List.of("char(7)", "varchar(7)"), List.of("x  x", "x  x")); // a char is kept without its trailing blanks
        assertFails("SELECT CAST(x AS varchar) || CAST(x AS char(4))" + row, ErrorCode.TYPE_NOT_FOUND, "Unknown type: char(65540)");
        assertFails("SELECT CAST(x AS char(65536)) || CAST(x AS char(1))" + row, ErrorCode.TYPE_NOT_FOUND);
    }
}
