package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Year-to-month intervals and dates beyond what Trino keeps in an int fail as in Trino 476 (an internal error when the
 * value is written); expected values are Trino's.
 */
class TestIntervalOverflow extends LocalQueryTest {
    @Test
    void yearToMonthIntervalsBeyondAnIntFail() {
        assertFails("SELECT INTERVAL '178956970' YEAR + INTERVAL '1' YEAR", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value 2147483652 exceeds MAX_INT for type interval year to month");
        assertFails("SELECT INTERVAL '2147483647' MONTH * 2", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value 4294967294 exceeds MAX_INT for type interval year to month");
        assertFails("SELECT INTERVAL '-2147483647' MONTH - INTERVAL '2' MONTH", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value -2147483649 is less than MIN_INT for type interval year to month");
        assertFails("SELECT -x FROM (VALUES INTERVAL '-2147483647' MONTH - INTERVAL '1' MONTH) t(x)", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value 2147483648 exceeds MAX_INT for type interval year to month");
        assertFails("SELECT INTERVAL '2147483647' MONTH * 1.5", ErrorCode.GENERIC_INTERNAL_ERROR);
        assertFails("SELECT INTERVAL '3' MONTH * infinity()", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value 9223372036854775807 exceeds MAX_INT for type interval year to month");
        assertFails("SELECT sum(x) FROM (VALUES INTERVAL '2147483647' MONTH, INTERVAL '1' MONTH) t(x)", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value 2147483648 exceeds MAX_INT for type interval year to month");
    }

    @Test
    void productsWrapAroundAsLongsBeforeTheCheck() throws Exception {
        assertResult("SELECT INTERVAL '1' YEAR * 9223372036854775807", List.of("interval year to month"), List.of(-12L));
        assertResult("SELECT sum(x) FROM (VALUES INTERVAL '2147483647' MONTH, INTERVAL '1' MONTH, INTERVAL '-5' MONTH) t(x)",
                List.of("interval year to month"), List.of(2147483643L));
    }

    @Test
    void datesFarApartAreCountedInDays() throws Exception {
        assertResult("SELECT date_diff('day', DATE '2020-01-01', DATE '5881580-07-11'), date_diff('month', DATE '2020-01-31', DATE '2020-02-29'),"
                        + " date_diff('year', DATE '2020-02-29', DATE '2021-02-28'), date_diff('quarter', DATE '2020-05-31', DATE '2020-01-01')",
                List.of("bigint", "bigint", "bigint", "bigint"), List.of(2147465385L, 1L, 1L, -1L));
    }

    @Test
    void datesBeyondAnIntOfDaysFail() {
        assertFails("SELECT DATE '2020-01-01' + INTERVAL '2147483647' MONTH", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value 65362709590 exceeds MAX_INT for type date");
        assertFails("SELECT DATE '2020-01-01' - INTERVAL '178956970' YEAR", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value -65362672853 is less than MIN_INT for type date");
        assertFails("SELECT date_add('month', 2147483647, DATE '2020-01-01')", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Value 65362709590 exceeds MAX_INT for type date");
        assertFails("SELECT TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '178956970' YEAR", ErrorCode.GENERIC_INTERNAL_ERROR);
        assertFails("SELECT x + INTERVAL '200000' YEAR FROM (VALUES TIMESTAMP '2020-01-01 00:00:00 UTC') t(x)",
                ErrorCode.GENERIC_INTERNAL_ERROR);
        assertFails("SELECT date_add('year', 300000, TIMESTAMP '2020-01-01 00:00:00')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT date_add('year', 300000, TIMESTAMP '2020-01-01 00:00:00 UTC')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }
}
