package io.quarry.exec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The common type of values that meet in CASE, COALESCE, array constructors, VALUES, set operations, comparisons
 * and greatest/least, where Calcite's own rules differ from Trino's. The expected types and values were taken from
 * Trino 476 (session zone UTC).
 */
class TestCommonSuperTypes extends LocalQueryTest {
    @Test
    void nullBesideArraysMapsAndRowsKeepsTheWidestType() throws Exception {
        // the NULL first made Calcite keep the last value's type: 'abc' was cut to 'a'
        assertResult("SELECT coalesce(NULL, ARRAY['abc'], ARRAY['a']), ARRAY[NULL, ARRAY['abc'], ARRAY['a']],"
                        + " CASE WHEN false THEN NULL WHEN true THEN ROW('abc') ELSE ROW('a') END,"
                        + " coalesce(NULL, MAP(ARRAY['abc'], ARRAY[2.5]), MAP(ARRAY['a'], ARRAY[1]))",
                List.of("array(varchar(3))", "array(array(varchar(3)))", "row(varchar(3))", "map(varchar(3), decimal(11,1))"),
                List.of(List.of("abc"), Arrays.asList(null, List.of("abc"), List.of("a")), List.of("abc"),
                        Map.of("abc", new java.math.BigDecimal("2.5"))));
    }

    @Test
    void timestampBesideZonedTimestampTakesTheSessionZone() throws Exception {
        assertResult("SELECT CAST(coalesce(TIMESTAMP '2020-01-01 10:00:00', TIMESTAMP '2020-01-01 10:00:00 +01:00') AS varchar),"
                        + " CAST(greatest(TIMESTAMP '2020-01-01 10:00:00', TIMESTAMP '2020-01-01 10:00:00.5 +01:00') AS varchar),"
                        + " CAST(least(TIMESTAMP '2020-01-01 10:00:00', TIMESTAMP '2020-01-01 10:00:00 +01:00') AS varchar),"
                        + " typeof(ARRAY[TIMESTAMP '2020-01-01 10:00:00.123', TIMESTAMP '2020-01-01 10:00:00 +01:00'])",
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("2020-01-01 10:00:00 UTC", "2020-01-01 10:00:00.0 UTC", "2020-01-01 10:00:00 +01:00",
                        "array(timestamp(3) with time zone)"));
        assertResult("SELECT TIMESTAMP '2020-01-01 10:00:00' = TIMESTAMP '2020-01-01 10:00:00 +01:00',"
                        + " TIMESTAMP '2020-01-01 10:00:00' > TIMESTAMP '2020-01-01 10:00:00 +01:00',"
                        + " TIMESTAMP '2020-01-01 09:00:00' IS DISTINCT FROM TIMESTAMP '2020-01-01 10:00:00 +01:00',"
                        + " TIMESTAMP '2020-01-01 10:00:00' IN (TIMESTAMP '2020-01-01 11:00:00 +01:00')",
                List.of("boolean", "boolean", "boolean", "boolean"), List.of(false, true, false, true));
    }
}
