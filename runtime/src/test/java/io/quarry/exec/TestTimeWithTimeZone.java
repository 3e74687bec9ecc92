package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code time(p) with time zone}: literals, casts, comparisons by the UTC time of day, grouping and joins, the
 * fields, date_add, date_diff, date_trunc, AT TIME ZONE and ± interval. Values are shown through CAST(… AS varchar),
 * whose text is Trino's at the type's precision; the expected values were taken from Trino 476.
 */
class TestTimeWithTimeZone extends LocalQueryTest {
    private static final String T = "TIME '01:02:03.456 +05:30'";

    private static String text(String value) {
        return "CAST(" + value + " AS varchar)";
    }

    @Test
    void literals() throws Exception {
        assertResult("SELECT " + text(T) + ", " + text("TIME '01:02:03 +05:30'") + ", " + text("TIME '1:2:3 +05:30'") + ", "
                        + text("TIME '01:02 -08:00'") + ", " + text("TIME '01:02:03.123456789 -14:00'") + ", " + text("TIME '01:02:03  +05:30'"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("01:02:03.456+05:30", "01:02:03+05:30", "01:02:03+05:30", "01:02:00-08:00",
                        "01:02:03.123456789-14:00", "01:02:03+05:30"));
        assertResult("SELECT typeof(" + T + "), typeof(TIME '01:02 +00:00'), typeof(TIME '01:02:03.123456 +00:00'), typeof(current_time)",
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("time(3) with time zone", "time(0) with time zone", "time(6) with time zone", "time(3) with time zone"));
        assertFails("SELECT TIME '01:02 UTC'", ErrorCode.INVALID_LITERAL, "line 1:8: '01:02 UTC' is not a valid TIME literal");
        assertFails("SELECT TIME '01:00 +15:00'", ErrorCode.INVALID_LITERAL, "'01:00 +15:00' is not a valid TIME literal");
        assertFails("SELECT TIME '24:00 +01:00'", ErrorCode.INVALID_LITERAL, "'24:00 +01:00' is not a valid TIME literal");
        assertFails("SELECT TIME '01:02:03+05'", ErrorCode.INVALID_LITERAL, "'01:02:03+05' is not a valid TIME literal");
        assertFails("SELECT TIME '01:02:03.1234567890123 -08:00'", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "TIME WITH TIME ZONE precision must be in range [0, 12]: 13");
    }

    @Test
    void currentTimeIsTheLocalTimeWithItsOffset() throws Exception {
        assertResult("SELECT current_time IS NOT NULL, timezone_hour(current_time), timezone_minute(current_time)",
                List.of("boolean", "bigint", "bigint"), List.of(true, 0L, 0L));
    }

    @Test
    void castsAmongTimesAndText() throws Exception {
        assertResult("SELECT " + text("CAST(" + T + " AS time)") + ", " + text("CAST(" + T + " AS time(6) with time zone)") + ", "
                        + text("CAST(" + T + " AS time(0) with time zone)") + ", " + text("CAST(TIME '01:02:03.556 +05:30' AS time(0) with time zone)")
                        + ", " + text("CAST(TIME '01:02:03.1 +05:30' AS time(1) with time zone)"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("01:02:03.456", "01:02:03.456000+05:30", "01:02:03+05:30", "01:02:04+05:30", "01:02:03.1+05:30"));
        assertResult("SELECT " + text("CAST('01:02:03.456 +05:30' AS time with time zone)") + ", "
                        + text("CAST('01:02:03.456' AS time with time zone)") + ", " + text("CAST('01:02:03.456789 +05:30' AS time(6) with time zone)")
                        + ", " + text("CAST('01:02:03.4567 +05:30' AS time with time zone)") + ", " + text("CAST(' 01:02:03 +05:30' AS time(0) with time zone)")
                        + ", TRY_CAST('abc' AS time with time zone) IS NULL",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "boolean"),
                List.of("01:02:03.456+05:30", "01:02:03.456+00:00", "01:02:03.456789+05:30", "01:02:03.457+05:30", "01:02:03+05:30", true));
        assertFails("SELECT CAST('abc' AS time with time zone)", ErrorCode.INVALID_CAST_ARGUMENT, "Value cannot be cast to time with time zone: abc");
        assertFails("SELECT CAST('01:02:03 Europe/Berlin' AS time with time zone)", ErrorCode.INVALID_CAST_ARGUMENT,
                "Value cannot be cast to time with time zone: 01:02:03 Europe/Berlin");
        assertFails("SELECT CAST(TIME '01:02 +01:00' AS date)", ErrorCode.TYPE_MISMATCH, "Cannot cast time(0) with time zone to date");
        assertFails("SELECT to_unixtime(TIME '01:02 +01:00')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (time(0) with time zone) for function to_unixtime");
        assertFails("SELECT CAST(DATE '2020-01-01' AS time with time zone)", ErrorCode.TYPE_MISMATCH, "Cannot cast date to time(3) with time zone");
    }

    @Test
    void castsWithTimestamps() throws Exception {
        // a time without an offset takes the session's (UTC here); a timestamp with a zone its zone's offset then
        assertResult("SELECT " + text("CAST(TIME '01:02:03.456' AS time with time zone)") + ", "
                        + text("CAST(TIMESTAMP '2020-05-06 01:02:03.456' AS time with time zone)") + ", "
                        + text("CAST(TIMESTAMP '2020-05-06 01:02:03.456 America/New_York' AS time with time zone)") + ", "
                        + text("CAST(TIMESTAMP '2020-01-06 01:02:03.456 America/New_York' AS time with time zone)"),
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("01:02:03.456+00:00", "01:02:03.456+00:00", "01:02:03.456-04:00", "01:02:03.456-05:00"));
        // the local time on the current date; with a zone, the UTC time of day on the current date at the offset
        assertResult("SELECT CAST(CAST(" + T + " AS timestamp) AS date) = current_date, substr(" + text("CAST(" + T + " AS timestamp)") + ", 12), "
                        + "substr(" + text("CAST(" + T + " AS timestamp with time zone)") + ", 12), "
                        + "date_diff('day', current_date, CAST(CAST(" + T + " AS timestamp with time zone) AS date)), "
                        + "date_diff('day', current_date, CAST(CAST(TIME '23:00 -05:00' AS timestamp(0) with time zone) AS date)), "
                        + "date_diff('day', current_date, CAST(CAST(TIME '23:00 +05:30' AS timestamp with time zone) AS date))",
                List.of("boolean", "varchar", "varchar", "bigint", "bigint", "bigint"),
                List.of(true, "01:02:03.456", "01:02:03.456 +05:30", 1L, -1L, 0L));
    }

    @Test
    void comparedByTheirUtcTimeOfDay() throws Exception {
        assertResult("SELECT TIME '01:00 +01:00' = TIME '00:00 +00:00', TIME '01:00 +01:00' < TIME '00:30 +00:00', "
                        + "TIME '23:00 -02:00' > TIME '00:30 +00:00', TIME '01:00 +01:00' IS DISTINCT FROM TIME '00:00 +00:00', "
                        + "TIME '01:00 +01:00' BETWEEN TIME '00:00 +00:00' AND TIME '02:00 +00:00', TIME '01:00 +01:00' <> TIME '01:00 +00:00', "
                        + "TIME '01:02 +01:00' IN (TIME '00:02 +00:00', TIME '05:00 +00:00')",
                List.of("boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean"),
                List.of(true, true, true, false, true, true, true));
        // a time is compared as a time at the session's offset (UTC here)
        assertResult("SELECT TIME '01:02:03 +01:00' = TIME '00:02:03', TIME '01:02:03 +01:00' < TIME '01:02:03', "
                        + "TIME '01:02:03.5 +00:00' IN (TIME '01:02:03.5'), typeof(ARRAY[TIME '01:02:03.5 +01:00', TIME '01:02:03.123'])",
                List.of("boolean", "boolean", "boolean", "varchar"), List.of(true, true, true, "array(time(3) with time zone)"));
        String values = "(VALUES TIME '01:00 +05:00', TIME '23:00 +00:00', TIME '22:00 -03:00', TIME '20:30 +00:00') v(t)";
        assertResult("SELECT " + text("t") + " FROM " + values + " ORDER BY t", List.of("varchar"),
                List.of("22:00:00-03:00"), List.of("01:00:00+05:00"), List.of("20:30:00+00:00"), List.of("23:00:00+00:00"));
        assertResult("SELECT " + text("max(t)") + ", " + text("min(t)") + ", " + text("greatest(TIME '01:02 +01:00', TIME '01:00 +00:00')")
                        + " FROM " + values,
                List.of("varchar", "varchar", "varchar"), List.of("23:00:00+00:00", "22:00:00-03:00", "01:00:00+00:00"));
    }

    @Test
    void groupedAndJoinedByTheirUtcTimeOfDay() throws Exception {
        assertResult("SELECT count(DISTINCT t) FROM (VALUES TIME '01:00 +05:00', TIME '23:00 +00:00', TIME '20:00 +00:00') v(t)",
                List.of("bigint"), List.of(2L));
        // which of two equal times represents their group depends on the order the VALUES rows arrive in
        assertResult("SELECT " + text("t AT TIME ZONE 'UTC'") + ", count(*) FROM (VALUES TIME '01:00 +01:00', TIME '00:00 +00:00',"
                        + " TIME '02:00 +00:00') v(t) GROUP BY t ORDER BY t",
                List.of("varchar", "bigint"), List.of("00:00:00+00:00", 2L), List.of("02:00:00+00:00", 1L));
        assertResult("SELECT count(*) FROM (VALUES TIME '01:00 +01:00', TIME '02:00 +00:00') a(t) "
                + "JOIN (VALUES TIME '00:00 +00:00', TIME '03:00 +01:00') b(t) ON a.t = b.t", List.of("bigint"), List.of(2L));
        assertResult("SELECT count(*) FROM (VALUES TIME '01:00 +01:00', TIME '03:00 +00:00') a(t) WHERE t IN (SELECT u FROM (VALUES TIME '00:00 +00:00') b(u))",
                List.of("bigint"), List.of(1L));
        assertResult("SELECT count(*) FROM (SELECT t FROM (VALUES TIME '01:00 +01:00') a(t) UNION SELECT u FROM (VALUES TIME '00:00 +00:00') b(u))",
                List.of("bigint"), List.of(1L));
        // window partitions and peers
        assertResult("SELECT count(*) OVER (PARTITION BY t), rank() OVER (ORDER BY t) FROM (VALUES TIME '01:00 +01:00', TIME '00:00 +00:00', "
                        + "TIME '05:00 +00:00') v(t) ORDER BY 2",
                List.of("bigint", "bigint"), List.of(2L, 1L), List.of(2L, 1L), List.of(1L, 3L));
    }

    @Test
    void fields() throws Exception {
        assertResult("SELECT hour(" + T + "), minute(" + T + "), second(" + T + "), millisecond(" + T + "), "
                        + "timezone_hour(TIME '01:02:03.456 -05:30'), timezone_minute(TIME '01:02:03.456 -05:30'), EXTRACT(HOUR FROM " + T + ")",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint"), List.of(1L, 2L, 3L, 456L, -5L, -30L, 1L));
    }

    @Test
    void zoneFieldsAndDifferences() throws Exception {
        assertResult("SELECT EXTRACT(TIMEZONE_HOUR FROM TIME '01:02 +01:00'), EXTRACT(TIMEZONE_MINUTE FROM TIME '01:02 -01:30'), "
                        + "EXTRACT(SECOND FROM TIME '01:02:05.5 -01:30'), timezone(TIME '01:00 -00:30'), timezone(TIME '01:00 +00:00'), "
                        + "timezone(TIMESTAMP '2020-01-01 00:00 America/New_York'), timezone(TIMESTAMP '2020-01-01 00:00 +01:00')",
                List.of("bigint", "bigint", "bigint", "varchar", "varchar", "varchar", "varchar"),
                List.of(1L, -30L, 5L, "-00:30", "+00:00", "America/New_York", "+01:00"));
        // the difference of the UTC times of day, rounded to the millisecond
        assertResult("SELECT " + text("TIME '01:00 +00:00' - TIME '23:00 +00:00'") + ", " + text("TIME '01:00 +05:00' - TIME '01:00 +00:00'")
                        + ", " + text("TIME '00:00:00.0019 +00:00' - TIME '00:00:00.0001 +00:00'") + ", "
                        + text("TIME '01:00:00 +00:00' - TIME '01:00:00.0005 +00:00'"),
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("-0 22:00:00.000", "0 19:00:00.000", "0 00:00:00.002", "0 00:00:00.000"));
    }

    @Test
    void dateAddDiffAndTrunc() throws Exception {
        assertResult("SELECT " + text("date_add('hour', 25, " + T + ")") + ", " + text("date_add('millisecond', -5, TIME '00:00:00.001 +05:30')")
                        + ", " + text("date_add('minute', 3, TIME '01:02:03 +05:30')") + ", " + text("date_add('second', 1, TIME '23:59:59.5 +00:00')")
                        + ", typeof(date_add('hour', 1, TIME '01:02:03.123456 +05:30'))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("02:02:03.456+05:30", "23:59:59.996+05:30", "01:05:03+05:30", "00:00:00.5+00:00", "time(6) with time zone"));
        // the sum is kept at the value's precision, rounded
        assertResult("SELECT " + text("date_add('millisecond', 5, TIME '01:02:03 +01:00')") + ", " + text("date_add('millisecond', 500, TIME '01:02:03 +01:00')")
                        + ", " + text("date_add('millisecond', 5, TIME '01:02:03.45 +01:00')") + ", "
                        + text("date_add('millisecond', -86400001, TIME '00:00 +01:00')"),
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("01:02:03+01:00", "01:02:04+01:00", "01:02:03.46+01:00", "00:00:00+01:00"));
        assertFails("SELECT date_add('day', 1, " + T + ")", ErrorCode.INVALID_FUNCTION_ARGUMENT, "'day' is not a valid TIME field");
        // differences of the UTC times of day, within one day
        assertResult("SELECT date_diff('hour', TIME '01:00 +00:00', TIME '03:00 +01:00'), date_diff('millisecond', TIME '01:00 +00:00', TIME '00:00 -01:00'), "
                        + "date_diff('second', TIME '23:00 +00:00', TIME '01:00 +00:00'), date_diff('hour', TIME '01:00 +05:00', TIME '01:00 +00:00'), "
                        + "date_diff('minute', TIME '01:00:59 +00:00', TIME '01:02 +00:00')",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint"), List.of(1L, 0L, -79200L, -19L, 1L));
        assertFails("SELECT date_diff('week', TIME '01:00 +00:00', TIME '03:00 +01:00')", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "'week' is not a valid TIME field");
        assertResult("SELECT " + text("date_trunc('hour', " + T + ")") + ", " + text("date_trunc('minute', " + T + ")") + ", "
                        + text("date_trunc('second', " + T + ")") + ", " + text("date_trunc('hour', TIME '00:30 -01:00')") + ", typeof(date_trunc('hour', TIME '01:02:03 +05:30'))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("01:00:00.000+05:30", "01:02:00.000+05:30", "01:02:03.000+05:30", "00:00:00-01:00", "time(0) with time zone"));
        assertFails("SELECT date_trunc('day', " + T + ")", ErrorCode.INVALID_FUNCTION_ARGUMENT, "'day' is not a valid TIME field");
    }

    @Test
    void atTimeZoneAndIntervals() throws Exception {
        assertResult("SELECT " + text(T + " AT TIME ZONE '+01:00'") + ", " + text(T + " AT TIME ZONE 'UTC'") + ", "
                        + text(T + " AT TIME ZONE 'America/New_York'") + " LIKE '14:32:03.456-0_:00'",
                List.of("varchar", "varchar", "boolean"), List.of("20:32:03.456+01:00", "19:32:03.456+00:00", true));
        assertResult("SELECT " + text(T + " + INTERVAL '2' HOUR") + ", " + text(T + " - INTERVAL '2' HOUR") + ", "
                        + text("INTERVAL '1' DAY + " + T) + ", " + text("TIME '01:02:03 +05:30' + INTERVAL '0.5' SECOND") + ", "
                        + "typeof(TIME '01:02:03 +05:30' + INTERVAL '0.5' SECOND)",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("03:02:03.456+05:30", "23:02:03.456+05:30", "01:02:03.456+05:30", "01:02:03.500+05:30", "time(3) with time zone"));
        assertFails("SELECT " + T + " + INTERVAL '1' MONTH", ErrorCode.TYPE_MISMATCH,
                "Cannot apply operator: time(3) with time zone + interval year to month");
    }

    @Test
    void atTimeZoneIsSyntaxOnlyForTimes() throws Exception {
        assertFails("SELECT at_timezone(TIME '01:02:03.12345678901 +05:30', '-02:00')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (time(11) with time zone, varchar(6)) for function at_timezone. Expected: "
                        + "at_timezone(timestamp(p) with time zone, interval day to second), at_timezone(timestamp(p) with time zone, varchar(x))");
        // the type of a value widened by an interval; the function (not the syntax) takes a date
        assertResult("SELECT " + text("(TIME '01:02 +05:30' + INTERVAL '1' HOUR) AT TIME ZONE 'UTC'") + ", "
                        + text("(TIMESTAMP '2020-01-01 00:00' + INTERVAL '1' HOUR) AT TIME ZONE 'UTC'") + ", "
                        + text("at_timezone(DATE '2020-01-01', 'America/New_York')") + ", typeof(at_timezone(DATE '2020-01-01', INTERVAL '1' HOUR))",
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("20:32:00.000+00:00", "2020-01-01 01:00:00.000 UTC", "2019-12-31 19:00:00 America/New_York", "timestamp(0) with time zone"));
        assertFails("SELECT DATE '2020-01-01' AT TIME ZONE 'UTC'", ErrorCode.TYPE_MISMATCH,
                "Type of value must be a time or timestamp with or without time zone (actual date)");
        assertFails("SELECT NULL AT TIME ZONE 'UTC'", ErrorCode.TYPE_MISMATCH,
                "Type of value must be a time or timestamp with or without time zone (actual unknown)");
    }
}
