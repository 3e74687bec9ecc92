package io.quarry.exec;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timestamps with time zone of precision 4 to 12 order by their instant to the picosecond: values in the same UTC
 * millisecond but different zones are ordered by their picoseconds, never by their zone. Values as Trino 476 gives them.
 */
class TestZonedTimestampOrder extends LocalQueryTest {
    /** k = 1 is first, 3 second, 2 last: the same UTC millisecond in three zones. */
    private static final String VALUES = "(VALUES (1, TIMESTAMP '2020-01-01 10:00:00.000100 +01:00'),"
            + " (2, TIMESTAMP '2020-01-01 09:00:00.000500 +00:00'), (3, TIMESTAMP '2020-01-01 09:00:00.000300 UTC')) v(k, t)";
    private static final String FIRST = "TIMESTAMP '2020-01-01 10:00:00.000100 +01:00'";
    private static final String MIDDLE = "TIMESTAMP '2020-01-01 09:00:00.000300 UTC'";
    private static final String LAST = "TIMESTAMP '2020-01-01 09:00:00.000500 +00:00'";

    private static String text(String expression) {
        return "CAST(" + expression + " AS varchar)";
    }

    @Test
    void sortsAndTopNByInstant() throws Exception {
        assertResult("SELECT k FROM " + VALUES + " ORDER BY t", List.of("integer"), List.of(1L), List.of(3L), List.of(2L));
        assertResult("SELECT k FROM " + VALUES + " ORDER BY t DESC", List.of("integer"), List.of(2L), List.of(3L), List.of(1L));
        assertResult("SELECT k FROM " + VALUES + " ORDER BY t LIMIT 1", List.of("integer"), List.of(1L));
        assertResult("SELECT k FROM " + VALUES + " ORDER BY t DESC LIMIT 2", List.of("integer"), List.of(2L), List.of(3L));
        assertResult("SELECT k FROM " + VALUES + " ORDER BY ARRAY[t]", List.of("integer"), List.of(1L), List.of(3L), List.of(2L));
        assertResult("SELECT k FROM " + VALUES + " ORDER BY ROW(t) DESC", List.of("integer"), List.of(2L), List.of(3L), List.of(1L));
        assertResult("SELECT " + text("t") + " FROM (VALUES TIMESTAMP '2020-01-01 10:00:00.000000000100 +01:00',"
                        + " TIMESTAMP '2020-01-01 09:00:00.000000000500 +00:00', TIMESTAMP '2020-01-01 04:00:00.000000000300 -05:00') v(t) ORDER BY t",
                List.of("varchar"), List.of("2020-01-01 10:00:00.000000000100 +01:00"), List.of("2020-01-01 04:00:00.000000000300 -05:00"),
                List.of("2020-01-01 09:00:00.000000000500 UTC"));
    }

    @Test
    void aggregatesPickByInstant() throws Exception {
        assertResult("SELECT " + text("min(t)") + ", " + text("max(t)") + ", max_by(k, t), min_by(k, t) FROM " + VALUES,
                List.of("varchar", "varchar", "integer", "integer"),
                List.of("2020-01-01 10:00:00.000100 +01:00", "2020-01-01 09:00:00.000500 UTC", 2L, 1L));
        assertResult("SELECT max_by(k, t, 2), min_by(k, t, 2), transform(max(t, 2), x -> " + text("x") + "),"
                        + " array_agg(k ORDER BY t), array_agg(k ORDER BY t DESC) FROM " + VALUES,
                List.of("array(integer)", "array(integer)", "array(varchar)", "array(integer)", "array(integer)"),
                List.of(List.of(2L, 3L), List.of(1L, 3L), List.of("2020-01-01 09:00:00.000500 UTC", "2020-01-01 09:00:00.000300 UTC"),
                        List.of(1L, 3L, 2L), List.of(2L, 3L, 1L)));
    }

    @Test
    void functionsCompareByInstant() throws Exception {
        assertResult("SELECT " + text("greatest(" + FIRST + ", " + LAST + ", " + MIDDLE + ")") + ", "
                        + text("least(" + LAST + ", " + FIRST + ", " + MIDDLE + ")") + ", "
                        + text("array_max(ARRAY[" + FIRST + ", " + LAST + "])") + ", " + text("array_min(ARRAY[" + LAST + ", " + FIRST + "])") + ", "
                        + "transform(array_sort(ARRAY[" + LAST + ", " + FIRST + ", " + MIDDLE + "]), x -> " + text("x") + "), "
                        + "ARRAY[" + FIRST + "] < ARRAY[" + LAST + "]",
                List.of("varchar", "varchar", "varchar", "varchar", "array(varchar)", "boolean"),
                List.of("2020-01-01 09:00:00.000500 UTC", "2020-01-01 10:00:00.000100 +01:00", "2020-01-01 09:00:00.000500 UTC",
                        "2020-01-01 10:00:00.000100 +01:00",
                        List.of("2020-01-01 10:00:00.000100 +01:00", "2020-01-01 09:00:00.000300 UTC", "2020-01-01 09:00:00.000500 UTC"),
                        true));
        // of different precisions: the value keeps its own digits, as Trino 476 answers
        assertResult("SELECT CAST(greatest(TIMESTAMP '2020-01-01 10:00:00.1 +01:00', TIMESTAMP '2020-01-01 09:00:00.1000001 UTC') AS varchar)",
                List.of("varchar"), List.of("2020-01-01 09:00:00.1000001 UTC"));
    }
}
