package io.quarry.exec;


import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** round of integers to negative digits at the edges of their range, and casts of infinities, as Trino 476 has them. */
class TestNumericEdgeErrors extends LocalQueryTest {
    @Test
    void roundingBeyondTheTypesRangeFails() throws Exception {
        assertResult("SELECT round(2147483644, -1), round(CAST(-124 AS tinyint), -1), round(BIGINT '15', -1)",
                List.of("integer", "tinyint", "bigint"), List.of(2147483640L, -120L, 20L));
        // Trino: NUMERIC_VALUE_OUT_OF_RANGE for bigint (an internal "integer overflow" for integer)
        assertFails("SELECT round(9223372036854775807, -1)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT round(2147483647, -1)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT round(CAST(127 AS tinyint), -1)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
    }

    @Test
    void infinitiesAreOutOfRangeForSmallIntegers() {
        assertFails("SELECT CAST(infinity() AS integer)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT CAST(infinity() AS smallint)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT CAST(REAL 'Infinity' AS integer)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT CAST(nan() AS integer)", ErrorCode.INVALID_CAST_ARGUMENT);
        assertFails("SELECT CAST(-infinity() AS bigint)", ErrorCode.INVALID_CAST_ARGUMENT);
    }
}
