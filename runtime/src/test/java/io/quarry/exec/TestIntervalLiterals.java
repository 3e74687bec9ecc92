package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interval literals read as Trino 476 reads them: fields beyond their unit, short texts, its bounds and errors. */
class TestIntervalLiterals extends LocalQueryTest {
    @Test
    void fieldsBeyondTheirUnitAndShortTexts() throws Exception {
        assertResult("SELECT INTERVAL '1 25:00:00' DAY TO SECOND, INTERVAL '1-13' YEAR TO MONTH, INTERVAL '1' DAY TO SECOND,"
                        + " INTERVAL '1 2' DAY TO MINUTE, INTERVAL '' DAY, INTERVAL '1 2:3:4.56789' DAY TO SECOND,"
                        + " INTERVAL '-1:30' HOUR TO MINUTE, INTERVAL '1-' YEAR TO MONTH, INTERVAL '.5' SECOND",
                List.of("interval day to second", "interval year to month", "interval day to second", "interval day to second",
                        "interval day to second", "interval day to second", "interval day to second", "interval year to month",
                        "interval day to second"),
                List.of(176_400_000L, 25L, 86_400_000L, 93_600_000L, 0L, 93_784_567L, -5_400_000L, 12L, 500L));
        assertResult("SELECT INTERVAL '1 2147483647' DAY TO HOUR, INTERVAL '-178956970-8' YEAR TO MONTH,"
                        + " INTERVAL '2147483647' SECOND, INTERVAL '999999999.9' SECOND",
                List.of("interval day to second", "interval year to month", "interval day to second", "interval day to second"),
                List.of(7_730_941_215_600_000L, -2_147_483_648L, 2_147_483_647_000L, 999_999_999_900L));
    }

    @Test
    void valuesBeyondTrinosBoundsAreInvalid() {
        assertFails("SELECT INTERVAL '106751991167' DAY", ErrorCode.INVALID_LITERAL,
                "line 1:8: Invalid INTERVAL DAY value: 106751991167");
        assertFails("SELECT INTERVAL '2147483648' HOUR", ErrorCode.INVALID_LITERAL);
        assertFails("SELECT INTERVAL '178956971' YEAR", ErrorCode.INVALID_LITERAL,
                "line 1:8: Invalid INTERVAL YEAR value: 178956971");
        assertFails("SELECT INTERVAL '178956970-8' YEAR TO MONTH", ErrorCode.INVALID_LITERAL);
        assertFails("SELECT INTERVAL '10000000.999' SECOND", ErrorCode.INVALID_LITERAL);
        assertFails("SELECT INTERVAL '1.5' DAY", ErrorCode.INVALID_LITERAL);
        assertFails("SELECT INTERVAL ' 1' DAY TO SECOND", ErrorCode.INVALID_LITERAL);
        assertFails("SELECT INTERVAL '1 2:3' DAY TO HOUR", ErrorCode.INVALID_LITERAL,
                "line 1:8: Invalid INTERVAL DAY TO HOUR value: 1 2:3");
    }

    @Test
    void qualifiersAndUnitsTrinoLacks() {
        assertFails("SELECT INTERVAL '1' MONTH TO YEAR", ErrorCode.INVALID_LITERAL,
                "line 1:8: Invalid interval qualifier: MONTH TO YEAR");
        assertFails("SELECT INTERVAL '1' DAY TO MONTH", ErrorCode.INVALID_LITERAL);
        // a literal of a type named INTERVAL, named FORTNIGHT
        assertFails("SELECT INTERVAL '1' FORTNIGHT", ErrorCode.TYPE_NOT_FOUND);
        assertFails("SELECT INTERVAL '1' WEEK", ErrorCode.TYPE_NOT_FOUND);
        assertFails("SELECT INTERVAL '1'", ErrorCode.TYPE_NOT_FOUND);
        assertFails("SELECT INTERVAL '1' DAY(3)", ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void literalsOfDifferentUnitsAreValuesOfOneType() throws Exception {
        assertResult("SELECT INTERVAL '1' DAY UNION SELECT INTERVAL '24' HOUR", List.of("interval day to second"),
                List.of(86_400_000L));
        assertResult("SELECT greatest(INTERVAL '1' DAY, INTERVAL '25' HOUR), least(INTERVAL '1' YEAR, INTERVAL '11' MONTH)",
                List.of("interval day to second", "interval year to month"), List.of(90_000_000L, 11L));
    }

    @Test
    void intervalsAreMultipliedAndDividedAsByDoubles() throws Exception {
        assertFails("SELECT INTERVAL '1' DAY / 0", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot divide by double 0.0");
        assertFails("SELECT INTERVAL '1' MONTH / 0e0", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot divide by double 0.0");
        assertFails("SELECT INTERVAL '1' DAY * nan()", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot multiply by double NaN");
        // day-to-second products saturate (doubles) and wrap around (integers), as in Trino
        assertResult("SELECT INTERVAL '1' DAY * -infinity(), INTERVAL '1' DAY * BIGINT '9223372036854775807'",
                List.of("interval day to second", "interval day to second"), List.of(Long.MIN_VALUE, -86_400_000L));
    }
}
