package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EXTRACT checks its field against the value's type as Trino 476 does, while the functions hour(), minute(), ... of
 * a date answer 0 (Calcite makes both one call). Expected values and messages from Trino.
 */
class TestExtractFields extends LocalQueryTest {
    @Test
    void timeFieldsOfADateAreTypeMismatches() {
        assertFails("SELECT extract(hour FROM DATE '2020-01-01')", ErrorCode.TYPE_MISMATCH, "Cannot extract HOUR from date");
        assertFails("SELECT extract(minute FROM DATE '2020-01-01')", ErrorCode.TYPE_MISMATCH, "Cannot extract MINUTE from date");
        assertFails("SELECT extract(second FROM x) FROM (VALUES DATE '2020-01-01') t(x)", ErrorCode.TYPE_MISMATCH,
                "Cannot extract SECOND from date");
        assertFails("SELECT transform(ARRAY[DATE '2020-01-01'], d -> extract(hour FROM d))", ErrorCode.TYPE_MISMATCH,
                "Cannot extract HOUR from date");
    }

    @Test
    void otherFieldsOfTheWrongTypeAreTypeMismatches() {
        assertFails("SELECT extract(year FROM TIME '03:04:05')", ErrorCode.TYPE_MISMATCH, "Cannot extract YEAR from time(0)");
        assertFails("SELECT extract(dow FROM TIME '03:04:05')", ErrorCode.TYPE_MISMATCH, "Cannot extract DOW from time(0)");
        assertFails("SELECT extract(year FROM INTERVAL '3' DAY)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT extract(hour FROM INTERVAL '3' MONTH)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT extract(second FROM 5)", ErrorCode.TYPE_MISMATCH, "Cannot extract SECOND from integer");
        assertFails("SELECT extract(hour FROM NULL)", ErrorCode.TYPE_MISMATCH, "Cannot extract HOUR from unknown");
    }

    @Test
    void functionsAndAllowedFieldsAnswer() throws Exception {
        assertResult("SELECT hour(DATE '2020-01-01'), minute(DATE '2020-01-01'), second(DATE '2020-01-01'), millisecond(DATE '2020-01-01')",
                List.of("bigint", "bigint", "bigint", "bigint"), List.of(0L, 0L, 0L, 0L));
        assertResult("SELECT extract(hour FROM TIMESTAMP '2020-01-01 03:04:05'), extract(minute FROM TIME '03:04:05'),"
                        + " extract(second FROM INTERVAL '3' DAY), extract(year FROM INTERVAL '3' MONTH), extract(day FROM DATE '2020-01-02')",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint"), List.of(3L, 4L, 0L, 0L, 2L));
    }
}
