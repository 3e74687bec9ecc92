package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Interval types inside array, map and row types of casts, and NULL beside intervals in array constructors, as in
 * Trino 476 (day-to-second values read as milliseconds, year-to-month values as months).
 */
class TestIntervalsInStructuralTypes extends LocalQueryTest {
    @Test
    void castsToStructuralTypesOfIntervals() throws Exception {
        assertResult("SELECT CAST(NULL AS array(interval day to second)), CAST(NULL AS map(varchar, interval year to month)),"
                        + " CAST(NULL AS row(a interval day to second, b bigint)), CAST(NULL AS row(interval   day   to   second))",
                List.of("array(interval day to second)", "map(varchar, interval year to month)",
                        "row(a interval day to second, b bigint)", "row(interval day to second)"),
                Arrays.asList(null, null, null, null));
        assertResult("SELECT CAST(ARRAY[INTERVAL '1' DAY] AS array(interval day to second)),"
                        + " CAST(ARRAY[INTERVAL '1' MONTH, INTERVAL '2' YEAR] AS array(INTERVAL YEAR TO MONTH)),"
                        + " CAST(MAP(ARRAY['a'], ARRAY[INTERVAL '3' MONTH]) AS map(varchar, interval year to month)),"
                        + " CAST(ROW(INTERVAL '1' HOUR, 2) AS row(a interval day to second, b bigint)).a",
                List.of("array(interval day to second)", "array(interval year to month)", "map(varchar, interval year to month)",
                        "interval day to second"),
                List.of(List.of(86_400_000L), List.of(1L, 24L), Map.of("a", 3L), 3_600_000L));
    }

    @Test
    void intervalTypesTrinoLacksFail() {
        assertFails("SELECT CAST(NULL AS array(interval day))", ErrorCode.NOT_SUPPORTED, "INTERVAL DAY TO DAY type not supported");
        assertFails("SELECT CAST(NULL AS row(a interval hour to second))", ErrorCode.NOT_SUPPORTED,
                "INTERVAL HOUR TO SECOND type not supported");
        assertFails("SELECT CAST(NULL AS interval year)", ErrorCode.NOT_SUPPORTED, "INTERVAL YEAR TO YEAR type not supported");
        assertFails("SELECT CAST(ARRAY[1] AS array(interval day to second))", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT CAST(ARRAY[INTERVAL '1' DAY] AS array(interval year to month))", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void nullBesideIntervalsInArrays() throws Exception {
        assertResult("SELECT ARRAY[INTERVAL '1' DAY, NULL], ARRAY[ARRAY[INTERVAL '1' DAY], NULL]",
                List.of("array(interval day to second)", "array(array(interval day to second))"),
                List.of(Arrays.asList(86_400_000L, null), Arrays.asList(List.of(86_400_000L), null)));
        // NULL first, before an array, row or map of intervals
        assertResult("SELECT ARRAY[NULL, ARRAY[INTERVAL '1' YEAR]], ARRAY[NULL, ROW(INTERVAL '1' YEAR)],"
                        + " ARRAY[NULL, MAP(ARRAY[1], ARRAY[INTERVAL '1' DAY])], ARRAY[NULL, ROW(ARRAY[INTERVAL '2' DAY], 1)]",
                List.of("array(array(interval year to month))", "array(row(interval year to month))",
                        "array(map(integer, interval day to second))", "array(row(array(interval day to second), integer))"),
                List.of(Arrays.asList(null, List.of(12L)), Arrays.asList(null, List.of(12L)),
                        Arrays.asList(null, Map.of(1L, 86_400_000L)), Arrays.asList(null, List.of(List.of(172_800_000L), 1L))));
    }
}
