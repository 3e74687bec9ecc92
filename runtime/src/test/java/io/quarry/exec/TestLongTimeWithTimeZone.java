package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code time(p) with time zone} of precision 10 to 12, whose values take two longs: literals, casts among the
 * precisions (half up, wrapping at midnight) and with text, times and timestamps, comparisons, ordering, grouping and
 * joins by the UTC time of day to the picosecond, the fields, date_add, date_diff, date_trunc, AT TIME ZONE and ±
 * interval, and mixing them with the one-long precisions. Values are shown through CAST(… AS varchar); the expected
 * values were taken from Trino 476.
 */
class TestLongTimeWithTimeZone extends LocalQueryTest {
    private static String text(String value) {
        return "CAST(" + value + " AS varchar)";
    }

    private static List<String> varchars(int count) {
        return java.util.Collections.nCopies(count, "varchar");
    }

    @Test
    void literals() throws Exception {
        assertResult("SELECT " + text("TIME '01:02:03.123456789012 +05:00'") + ", " + text("TIME '01:02:03.1234567890 -08:00'") + ", "
                        + text("TIME '00:00:00.00000000001 -14:00'") + ", typeof(TIME '01:02:03.123456789012 +05:00'), "
                        + "typeof(TIME '01:02:03.12345678901 +05:00')",
                varchars(5), List.of("01:02:03.123456789012+05:00", "01:02:03.1234567890-08:00", "00:00:00.00000000001-14:00",
                        "time(12) with time zone", "time(11) with time zone"));
        assertFails("SELECT TIME '01:02:03.1234567890123 -08:00'", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "TIME WITH TIME ZONE precision must be in range [0, 12]: 13");
        assertResult("SELECT " + text("CAST(NULL AS time(12) with time zone)") + ", typeof(current_time(12)), typeof(current_time(10))",
                varchars(3), java.util.Arrays.asList(null, "time(12) with time zone", "time(10) with time zone"));
        assertFails("SELECT current_time(13)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "TIME WITH TIME ZONE precision must be in range [0, 12]: 13");
        assertFails("SELECT current_timestamp(13)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "TIMESTAMP WITH TIME ZONE precision must be in range [0, 12]: 13");
        // a precision above 12 names no type
        assertFails("SELECT CAST(NULL AS time(13) with time zone)", ErrorCode.TYPE_MISMATCH, "line 1:8: Unknown type: time(13) with time zone");
        assertFails("SELECT 1, TRY_CAST(NULL AS timestamp(13))", ErrorCode.TYPE_MISMATCH, "line 1:11: Unknown type: timestamp(13)");
    }

    @Test
    void castsAmongPrecisionsRoundHalfUpAndWrap() throws Exception {
        assertResult("SELECT " + text("CAST(TIME '01:02:03.123456789512 +05:00' AS time(9) with time zone)") + ", "
                        + text("CAST(TIME '01:02:03.123456789512 +05:00' AS time(11) with time zone)") + ", "
                        + text("CAST(TIME '23:59:59.999999999999 +05:00' AS time(11) with time zone)") + ", "
                        + text("CAST(TIME '23:59:59.999999999999 -05:00' AS time(0) with time zone)") + ", "
                        + text("CAST(TIME '01:02:03.5 +05:00' AS time(12) with time zone)"),
                varchars(5), List.of("01:02:03.123456790+05:00", "01:02:03.12345678951+05:00", "00:00:00.00000000000+05:00",
                        "00:00:00-05:00", "01:02:03.500000000000+05:00"));
    }

    @Test
    void castsWithTextAndTimes() throws Exception {
        assertResult("SELECT " + text("CAST('01:02:03.123456789012 +05:00' AS time(12) with time zone)") + ", "
                        + text("CAST('01:02:03.1234567895 +05:00' AS time(9) with time zone)") + ", "
                        + text("CAST('01:02:03.123456789012' AS time(10) with time zone)"),
                varchars(3), List.of("01:02:03.123456789012+05:00", "01:02:03.123456790+05:00", "01:02:03.1234567890+00:00"));
        assertFails("SELECT CAST('01:02:03.1234567890125 +05:00' AS time(12) with time zone)", ErrorCode.INVALID_CAST_ARGUMENT,
                "Value cannot be cast to time with time zone: 01:02:03.1234567890125 +05:00");
        // Trino fails with an internal error where the text does not fit (when writing the value)
        assertResult("SELECT CAST(TIME '01:02:03.123456789012 +05:30' AS varchar(27))", List.of("varchar(27)"),
                List.of("01:02:03.123456789012+05:30"));
        assertFails("SELECT CAST(TIME '01:02:03.123 +05:30' AS varchar(5))", ErrorCode.GENERIC_INTERNAL_ERROR,
                "Character count exceeds length limit 5");
        assertResult("SELECT " + text("CAST(TIME '01:02:03.123456789512 +05:00' AS time(12))") + ", "
                        + text("CAST(TIME '01:02:03.123456789512 +05:00' AS time(10))") + ", "
                        + text("CAST(TIME '23:59:59.999999999999 +05:00' AS time(3))") + ", "
                        + text("CAST(TIME '01:02:03.123456789512' AS time(9) with time zone)") + ", "
                        + text("CAST(TIME '23:59:59.999999999999' AS time(11) with time zone)"),
                varchars(5), List.of("01:02:03.123456789512", "01:02:03.1234567895", "00:00:00.000", "01:02:03.123456790+00:00",
                        "00:00:00.00000000000+00:00"));
    }

    @Test
    void castsWithTimestamps() throws Exception {
        assertResult("SELECT " + text("CAST(TIMESTAMP '2020-05-06 01:02:03.123456789012 America/New_York' AS time(12) with time zone)") + ", "
                        + text("CAST(TIMESTAMP '2020-05-06 01:02:03.123456789512 +05:45' AS time(10) with time zone)") + ", "
                        + text("CAST(TIMESTAMP '2020-05-06 23:59:59.999999999999' AS time(10) with time zone)"),
                varchars(3), List.of("01:02:03.123456789012-04:00", "01:02:03.1234567895+05:45", "00:00:00.0000000000+00:00"));
        // a timestamp rounded past midnight is on the next day; one with a zone wraps its UTC time of day
        assertResult("SELECT substr(" + text("CAST(TIME '01:02:03.123456789512 +05:00' AS timestamp(11))") + ", 12), "
                        + "substr(" + text("CAST(TIME '01:02:03.123456789512 -05:00' AS timestamp(12) with time zone)") + ", 12), "
                        + "date_diff('day', current_date, CAST(CAST(TIME '23:59:59.999999999999 +00:00' AS timestamp(3) with time zone) AS date)), "
                        + "date_diff('day', current_date, CAST(CAST(TIME '23:59:59.999999999999 +05:00' AS timestamp(3)) AS date))",
                List.of("varchar", "varchar", "bigint", "bigint"), List.of("01:02:03.12345678951", "01:02:03.123456789512 -05:00", 0L, 1L));
    }

    @Test
    void fieldsAndArithmetic() throws Exception {
        assertResult("SELECT hour(TIME '21:02:03.999999999999 +05:30'), minute(TIME '21:02:03.999999999999 +05:30'), "
                        + "second(TIME '21:02:59.999999999999 +05:30'), millisecond(TIME '01:02:03.9999999999 +00:00'), "
                        + "timezone_hour(TIME '01:02:03.123456789012 -05:30'), timezone_minute(TIME '01:02:03.123456789012 -05:30')",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint", "bigint"), List.of(21L, 2L, 59L, 999L, -5L, -30L));
        assertResult("SELECT " + text("date_trunc('millisecond', TIME '01:02:03.123456789012 +05:30')") + ", "
                        + text("date_add('millisecond', -5, TIME '00:00:00.001000000001 +05:30')") + ", "
                        + text("date_add('hour', -49, TIME '01:02:03.123456789012 +05:30')") + ", "
                        + "date_diff('millisecond', TIME '01:00:00.0000000009 +00:00', TIME '01:00:00.001 +00:00')",
                List.of("varchar", "varchar", "varchar", "bigint"),
                List.of("01:02:03.123000000000+05:30", "23:59:59.996000000001+05:30", "00:02:03.123456789012+05:30", 0L));
        assertResult("SELECT " + text("TIME '23:59:59.9999999999 +05:30' + INTERVAL '0.5' SECOND") + ", "
                        + text("TIME '01:02:03.123456789012 +05:30' AT TIME ZONE '+01:00'") + ", "
                        + text("TIME '01:02:03.123956789012 +05:30' - TIME '01:02:03.123 +05:30'"),
                varchars(3), List.of("00:00:00.4999999999+05:30", "20:32:03.123456789012+01:00", "0 00:00:00.001"));
    }

    @Test
    void comparedOrderedGroupedAndJoinedByTheirUtcTimeOfDay() throws Exception {
        assertResult("SELECT TIME '01:00:00.000000000001 +01:00' = TIME '00:00:00.000000000001 +00:00', "
                        + "TIME '01:00:00.000000000001 +01:00' < TIME '00:00:00.000000000002 +00:00', "
                        + "TIME '01:00:00.123000000000 +01:00' = TIME '00:00:00.123 +00:00', TIME '01:00:00.123000000001 +01:00' > TIME '00:00:00.123 +00:00'",
                List.of("boolean", "boolean", "boolean", "boolean"), List.of(true, true, true, true));
        // equal UTC nanoseconds at different offsets: the picoseconds decide, not the offsets
        String values = "(VALUES TIME '10:00:00.000000000100 +01:00', TIME '09:00:00.000000000500 +00:00', "
                + "TIME '09:00:00.000000000300 +00:00', TIME '11:00:00.000000000200 +02:00') v(t)";
        assertResult("SELECT " + text("t") + " FROM " + values + " ORDER BY t", List.of("varchar"),
                List.of("10:00:00.000000000100+01:00"), List.of("11:00:00.000000000200+02:00"),
                List.of("09:00:00.000000000300+00:00"), List.of("09:00:00.000000000500+00:00"));
        assertResult("SELECT " + text("max(t)") + ", " + text("min(t)") + ", "
                        + text("greatest(TIME '10:00:00.000000000100 +01:00', TIME '09:00:00.000000000050 +00:00')") + " FROM " + values,
                varchars(3), List.of("09:00:00.000000000500+00:00", "10:00:00.000000000100+01:00", "10:00:00.000000000100+01:00"));
        assertResult("SELECT count(DISTINCT t) FROM (VALUES TIME '01:00:00.000000000001 +01:00', TIME '00:00:00.000000000001 +00:00', "
                + "TIME '00:00:00.000000000002 +00:00', TIME '23:00:00.000000000002 -01:00') v(t)", List.of("bigint"), List.of(2L));
        assertResult("SELECT count(*) FROM (VALUES TIME '01:00:00.000000000001 +01:00', TIME '02:00:00.5 +00:00') a(t) "
                + "JOIN (VALUES TIME '00:00:00.000000000001 +00:00', TIME '00:00:00.000000000002 +00:00', TIME '03:00:00.500000000000 +01:00') b(t) "
                + "ON a.t = b.t", List.of("bigint"), List.of(2L));
        assertResult("SELECT count(*) OVER (PARTITION BY t), rank() OVER (ORDER BY t) FROM (VALUES TIME '01:00:00.000000000001 +01:00', "
                        + "TIME '00:00:00.000000000001 +00:00', TIME '00:00:00.000000000002 +00:00') v(t) ORDER BY 2, 1",
                List.of("bigint", "bigint"), List.of(2L, 1L), List.of(2L, 1L), List.of(1L, 3L));
    }

    @Test
    void hashedByTheUtcTimeOfDayAsTrinoHashesThem() throws Exception {
        // checksum and approx_distinct hash the UTC time of day (nanoseconds, or picoseconds for two longs), at any offset
        assertResult("SELECT to_base64(checksum(t)), to_base64(checksum(u)), approx_distinct(t), approx_distinct(u) FROM (VALUES "
                        + "(TIME '01:02:03.123 +05:30', TIME '01:02:03.123456789012 +05:30'), "
                        + "(TIME '00:02:03.123 +04:30', TIME '00:02:03.123456789012 +04:30'), (NULL, NULL)) v(t, u)",
                List.of("varchar", "varchar", "bigint", "bigint"), List.of("12V1RuSKaW4=", "X6zlPsMXgyY=", 1L, 1L));
    }

    @Test
    void rangeFramesMoveTheUtcTimeOfDay() throws Exception {
        assertResult("SELECT k, sum(k) OVER (ORDER BY t RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES "
                        + "(1, TIME '01:00:00.000000000001 +00:00'), (2, TIME '02:00:00.000000000001 +00:00'), "
                        + "(3, TIME '02:00:00.000000000002 +00:00'), (4, TIME '04:00:00.000000000002 +01:00')) v(k, t) ORDER BY k",
                List.of("integer", "bigint"), List.of(1L, 1L), List.of(2L, 3L), List.of(3L, 5L), List.of(4L, 7L));
        assertResult("SELECT k, count(*) OVER (ORDER BY t RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES "
                        + "(1, TIME '01:00:00.000 +00:00'), (2, TIME '02:00:00.000 +00:00'), (3, TIME '03:30:00.000 +01:00')) v(k, t) ORDER BY k",
                List.of("integer", "bigint"), List.of(1L, 1L), List.of(2L, 2L), List.of(3L, 2L));
    }

    @Test
    void mixedWithShortPrecisions() throws Exception {
        assertResult("SELECT " + text("x") + ", typeof(x) FROM (SELECT TIME '01:02:03 +05:00' x UNION ALL SELECT TIME '01:02:03.12345678901 +05:00') ORDER BY x",
                List.of("varchar", "varchar"), List.of("01:02:03.00000000000+05:00", "time(11) with time zone"),
                List.of("01:02:03.12345678901+05:00", "time(11) with time zone"));
        assertResult("SELECT " + text("coalesce(NULL, TIME '01:02:03.1 +05:00', TIME '01:02:03.123456789012 +05:00')") + ", "
                        + text("CASE WHEN false THEN TIME '01:02:03 +05:00' ELSE TIME '01:02:03.123456789012 +05:00' END"),
                varchars(2), List.of("01:02:03.100000000000+05:00", "01:02:03.123456789012+05:00"));
    }
}
