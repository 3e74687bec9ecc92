package io.quarry.exec;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timestamps of precision 7 to 12 and timestamps with time zone of precision 4 to 12 keep every digit through
 * literals, casts, comparisons, grouping, joins, arrays and the functions that move them; values as Trino 476 gives
 * them (read as text, which shows every digit).
 */
class TestLongTimestamps extends LocalQueryTest {
    private static final String NANOS = "TIMESTAMP '2020-01-01 00:00:00.123456789'";
    private static final String MICROS_BERLIN = "TIMESTAMP '2020-01-01 10:11:12.123456 Europe/Berlin'";

    private static String text(String expression) {
        return "CAST(" + expression + " AS varchar)";
    }

    @Test
    void literalsAndCastsKeepEveryDigit() throws Exception {
        assertResult("SELECT " + text(NANOS) + ", typeof(" + NANOS + "), " + text("TIMESTAMP '2020-01-01 00:00:00.123456789012 America/New_York'")
                        + ", " + text("TIMESTAMP '2020-01-01 00:00:00.123456 UTC'") + ", " + text("TIMESTAMP '1969-12-31 23:59:59.999999999'"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("2020-01-01 00:00:00.123456789", "timestamp(9)", "2020-01-01 00:00:00.123456789012 America/New_York",
                        "2020-01-01 00:00:00.123456 UTC", "1969-12-31 23:59:59.999999999"));
        assertResult("SELECT " + text("CAST('2020-01-01 00:00:00.123456789' AS timestamp(9))") + ", "
                        + text("CAST('2020-01-01 00:00:00.123456789 +01:00' AS timestamp(9) with time zone)") + ", "
                        + text("CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS timestamp(6) with time zone)") + ", "
                        + text("CAST('2020-01-01 01:02' AS timestamp(12))"),
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("2020-01-01 00:00:00.123456789", "2020-01-01 00:00:00.123456789 +01:00", "2020-01-01 00:00:00.123456 UTC",
                        "2020-01-01 01:02:00.000000000000"));
    }

    @Test
    void castsRoundHalfUpAcrossPrecisionsAndKinds() throws Exception {
        String late = "TIMESTAMP '2020-01-01 23:59:59.9999999'";
        assertResult("SELECT " + text("CAST(" + late + " AS timestamp(6))") + ", " + text("CAST(" + late + " AS timestamp(0))") + ", "
                        + text("CAST(" + late + " AS date)") + ", " + text("CAST(TIMESTAMP '2020-01-01 23:59:59.123456789' AS time(9))") + ", "
                        + text("CAST(TIMESTAMP '2020-01-01 10:11:12.999999 UTC' AS timestamp(0) with time zone)") + ", "
                        + text("CAST(TIMESTAMP '2020-01-01 10:11:12.123456789 Asia/Kolkata' AS timestamp(9))"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("2020-01-02 00:00:00.000000", "2020-01-02 00:00:00", "2020-01-01", "23:59:59.123456789",
                        "2020-01-01 10:11:13 UTC", "2020-01-01 10:11:12.123456789"));
        // a valid zone after a timestamp's text is read past; a zone that is none (or UTC in lower case) is not
        assertResult("SELECT " + text("CAST('2020-01-01 00:00:00.1234567 Europe/Berlin' AS timestamp(9))") + ", "
                        + text("CAST('2020-01-01 00:00:00 +0100' AS timestamp)"),
                List.of("varchar", "varchar"), List.of("2020-01-01 00:00:00.123456700", "2020-01-01 00:00:00.000"));
        assertFails("SELECT CAST('2020-01-01 00:00:00 utc' AS timestamp)", io.quarry.spi.ErrorCode.INVALID_CAST_ARGUMENT);
        assertFails("SELECT CAST('2020-01-01 00:00:00 Foo/Bar' AS timestamp(9))", io.quarry.spi.ErrorCode.INVALID_CAST_ARGUMENT);
    }

    @Test
    void comparedGroupedAndJoinedByEveryDigit() throws Exception {
        assertResult("SELECT " + NANOS + " < TIMESTAMP '2020-01-01 00:00:00.123456788', " + NANOS + " > TIMESTAMP '2020-01-01 00:00:00.123', "
                        + MICROS_BERLIN + " = TIMESTAMP '2020-01-01 09:11:12.123456 UTC', "
                        + MICROS_BERLIN + " < TIMESTAMP '2020-01-01 09:11:12.123457 UTC'",
                List.of("boolean", "boolean", "boolean", "boolean"), List.of(false, true, true, true));
        String values = "(VALUES TIMESTAMP '2020-01-01 00:00:00.123456789', TIMESTAMP '2020-01-01 00:00:00.123456789',"
                + " TIMESTAMP '2020-01-01 00:00:00.123456788') t(x)";
        assertResult("SELECT " + text("x") + ", count(*) FROM " + values + " GROUP BY x ORDER BY x", List.of("varchar", "bigint"),
                List.of("2020-01-01 00:00:00.123456788", 1L), List.of("2020-01-01 00:00:00.123456789", 2L));
        assertResult("SELECT " + text("max(x)") + ", count(DISTINCT x) FROM " + values, List.of("varchar", "bigint"),
                List.of("2020-01-01 00:00:00.123456789", 2L));
        assertResult("SELECT count(*) FROM " + values + " JOIN (VALUES " + NANOS + ") u(y) ON x = y", List.of("bigint"), List.of(2L));
        assertResult("SELECT count(DISTINCT x) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00.123456 UTC',"
                + " TIMESTAMP '2020-01-01 01:00:00.123456 +01:00', TIMESTAMP '2020-01-01 01:00:00.123457 +01:00') t(x)",
                List.of("bigint"), List.of(2L));
        assertResult("SELECT CAST(array_sort(ARRAY[" + NANOS + ", TIMESTAMP '2020-01-01 00:00:00.123456788']) AS array(varchar))",
                List.of("array(varchar)"), List.of(List.of("2020-01-01 00:00:00.123456788", "2020-01-01 00:00:00.123456789")));
    }

    @Test
    void formatShowsDateTimesAsJavaTimeDoes() throws Exception {
        assertResult("SELECT format('%s', TIMESTAMP '2020-01-01 00:00:00.123'), format('%s', TIMESTAMP '2020-01-01 00:00:00'),"
                        + " format('%s', TIMESTAMP '2020-01-01 00:00:00.123 Europe/Berlin'), format('%s', TIME '01:02:03'),"
                        + " format('%s', " + NANOS + "), format('%s', INTERVAL '1' DAY), format('%s', TIME '01:02:03.5 +01:00'),"
                        + " format('%s', TIMESTAMP '2020-01-01 00:00:00.123456 UTC'), format('%s', DATE '2020-01-01')",
                java.util.Collections.nCopies(9, "varchar"),
                List.of("2020-01-01T00:00:00.123", "2020-01-01T00:00", "2020-01-01T00:00:00.123+01:00[Europe/Berlin]", "01:02:03",
                        "2020-01-01T00:00:00.123456789", "1 00:00:00.000", "01:02:03.5+01:00", "2020-01-01T00:00:00.123456Z[UTC]",
                        "2020-01-01"));
    }

    @Test
    void rangeFramesWithAnOffsetCompareEveryDigit() throws Exception {
        // 1.123456788 is within a second of 0.123456789, 1.123456790 is not
        assertResult("SELECT " + text("x") + ", count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES " + NANOS + ", TIMESTAMP '2020-01-01 00:00:01.123456788', TIMESTAMP '2020-01-01 00:00:01.123456790',"
                        + " TIMESTAMP '2020-01-01 00:00:01.123456789') t(x) ORDER BY 1",
                List.of("varchar", "bigint"), List.of("2020-01-01 00:00:00.123456789", 1L), List.of("2020-01-01 00:00:01.123456788", 2L),
                List.of("2020-01-01 00:00:01.123456789", 3L), List.of("2020-01-01 00:00:01.123456790", 3L));
        assertResult("SELECT " + text("x") + ", count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND INTERVAL '1' MONTH FOLLOWING)"
                        + " FROM (VALUES TIMESTAMP '2020-01-31 00:00:00.1234567 UTC', TIMESTAMP '2020-02-29 00:00:00.1234566 UTC',"
                        + " TIMESTAMP '2020-02-29 00:00:00.1234568 UTC', TIMESTAMP '2020-03-29 00:00:00.1234567 UTC') t(x) ORDER BY 1",
                List.of("varchar", "bigint"), List.of("2020-01-31 00:00:00.1234567 UTC", 2L), List.of("2020-02-29 00:00:00.1234566 UTC", 3L),
                List.of("2020-02-29 00:00:00.1234568 UTC", 4L), List.of("2020-03-29 00:00:00.1234567 UTC", 2L));
    }

    @Test
    void checksumsHashEveryDigitAndZonedOnesTheirInstant() throws Exception {
        assertResult("SELECT to_hex(checksum(x)) FROM (VALUES TIMESTAMP '2024-01-01 00:00:00.1234567 UTC',"
                        + " TIMESTAMP '2024-01-01 01:00:01.1234567 +01:00') t(x)", List.of("varchar"), List.of("E19ABD3BBAE9490D"));
        assertResult("SELECT to_hex(checksum(x)) FROM (VALUES TIMESTAMP '2024-01-01 00:00:00.123456789', TIMESTAMP '2024-01-01 00:00:01.1234567') t(x)",
                List.of("varchar"), List.of("73F3EAE4D594F960"));
    }

    @Test
    void sequencesKeepTheStartsDigits() throws Exception {
        // the stop's digits beyond the microsecond do not count
        assertResult("SELECT CAST(sequence(TIMESTAMP '2020-01-01 00:00:00.1234567', TIMESTAMP '2020-01-03 00:00:00.1234566', INTERVAL '1' DAY)"
                        + " AS array(varchar)), CAST(sequence(TIMESTAMP '2020-01-31 00:00:00.1234567', TIMESTAMP '2020-03-30 00:00:00.1234567',"
                        + " INTERVAL '1' MONTH) AS array(varchar))",
                List.of("array(varchar)", "array(varchar)"),
                List.of(List.of("2020-01-01 00:00:00.1234567", "2020-01-02 00:00:00.1234567", "2020-01-03 00:00:00.1234567"),
                        List.of("2020-01-31 00:00:00.1234567", "2020-02-29 00:00:00.1234567")));
    }

    @Test
    void functionsThatMoveATimestampCarryItsDigits() throws Exception {
        assertResult("SELECT " + text("date_add('hour', 1, " + NANOS + ")") + ", " + text(NANOS + " + INTERVAL '1' DAY") + ", "
                        + text(MICROS_BERLIN + " - INTERVAL '1' MONTH") + ", " + text(MICROS_BERLIN + " AT TIME ZONE 'America/New_York'") + ", "
                        + text("with_timezone(" + NANOS + ", 'America/New_York')"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("2020-01-01 01:00:00.123456789", "2020-01-02 00:00:00.123456789", "2019-12-01 10:11:12.123456 Europe/Berlin",
                        "2020-01-01 04:11:12.123456 America/New_York", "2020-01-01 00:00:00.123456789 America/New_York"));
        assertResult("SELECT " + text("date_trunc('second', TIMESTAMP '2020-01-01 23:59:59.999999999')") + ", "
                        + "to_unixtime(TIMESTAMP '2020-01-01 00:00:00.123456 UTC'), to_iso8601(" + NANOS + "), "
                        + "millisecond(" + NANOS + "), " + text("from_iso8601_timestamp_nanos('2020-01-01T10:11:12.123456789Z')"),
                List.of("varchar", "double", "varchar(32)", "bigint", "varchar"),
                List.of("2020-01-01 23:59:59.000000000", 1577836800.123456, "2020-01-01T00:00:00.123456789", 123L,
                        "2020-01-01 10:11:12.123456789 UTC"));
    }
}
