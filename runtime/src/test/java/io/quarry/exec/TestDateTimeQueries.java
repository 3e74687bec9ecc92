package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trino 476's date-time syntax, functions and operators through the whole query path (session zone UTC); every
 * expected value is Trino's answer to the same statement. Values are cast to varchar to compare their text.
 */
class TestDateTimeQueries extends LocalQueryTest {

    private static void assertText(String sql, String... values) throws Exception {
        assertThat(run(sql).rows()).as(sql).containsExactly(List.<Object>of((Object[]) values));
    }

    @Test
    void dateParseReadsTheYearAs2000UnderAMonthOrADay() throws Exception {
        assertText("SELECT CAST(date_parse('05', '%m') AS varchar), CAST(date_parse('Jan', '%b') AS varchar),"
                        + " CAST(date_parse('10:11 pm', '%h:%i %p') AS varchar), CAST(date_parse('2020', '%Y') AS varchar)",
                "2000-05-01 00:00:00.000", "2000-01-01 00:00:00.000", "1970-01-01 22:11:00.000", "2020-01-01 00:00:00.000");
    }

    @Test
    void aZonedLiteralInAGapOfItsZoneIsInvalid() throws Exception {
        assertFails("SELECT TIMESTAMP '2020-03-29 02:30:00 Europe/Paris'", ErrorCode.INVALID_LITERAL,
                "'2020-03-29 02:30:00 Europe/Paris' is not a valid TIMESTAMP literal");
        // an overlap's earlier offset, and a cast moves a gap's time forward
        assertResult("SELECT CAST(TIMESTAMP '2020-10-25 02:30:00 Europe/Paris' AS varchar),"
                        + " CAST(CAST('2020-03-29 02:30:00 Europe/Paris' AS timestamp with time zone) AS varchar)",
                List.of("varchar", "varchar"), List.of("2020-10-25 02:30:00 Europe/Paris", "2020-03-29 03:30:00.000 Europe/Paris"));
    }

    @Test
    void formatPatternsAsTrinoReadsThem() throws Exception {
        assertResult("SELECT format_datetime(TIMESTAMP '2024-02-29 13:14:15', 'yyyy é ü ''x'' Ω'),"
                        + " day_of_month(INTERVAL '1 02:03:04' DAY TO SECOND)",
                List.of("varchar", "bigint"), List.of("2024 é ü x Ω", 1L));
        assertFails("SELECT format_datetime(TIMESTAMP '2024-02-29 13:14:15', '')", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Invalid pattern specification: Pattern is null or empty");
        assertFails("SELECT date_format(TIMESTAMP '2024-02-29 13:14:15', '')", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Both printing and parsing not supported");
        assertFails("SELECT from_unixtime(1, '')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Zone id is an empty string");
        assertFails("SELECT from_unixtime(1, 'Foo/Bar')", ErrorCode.NOT_SUPPORTED, "Time zone not supported: Foo/Bar");
    }

    @Test
    void literalsWithUpToTwelveFractionDigits() throws Exception {
        // a timestamp keeps microseconds, rounded by the seventh digit; a time keeps all twelve digits
        assertResult("SELECT CAST(CAST(TIMESTAMP '2020-01-01 00:00:00.1234567891' AS timestamp(6)) AS varchar),"
                        + " CAST(CAST(TIMESTAMP '2020-12-31 23:59:59.9999996' AS timestamp(6)) AS varchar),"
                        + " CAST(TIME '01:02:03.123456789012' AS varchar), TIME '01:02:03.123456789012' < TIME '01:02:03.123456789013'",
                List.of("varchar", "varchar", "varchar", "boolean"),
                List.of("2020-01-01 00:00:00.123457", "2021-01-01 00:00:00.000000", "01:02:03.123456789012", true));
    }

    @Test
    void atTimeZone() throws Exception {
        assertText("SELECT CAST(TIMESTAMP '2020-05-17 10:11:12 America/New_York' AT TIME ZONE 'UTC' AS varchar),"
                        + " CAST(TIMESTAMP '2020-05-17 10:11:12' AT TIME ZONE 'Asia/Tokyo' AS varchar),"
                        + " CAST(TIMESTAMP '2020-05-17 10:11:12 UTC' AT TIME ZONE INTERVAL '2' HOUR AS varchar),"
                        + " CAST(TIMESTAMP '2020-05-17 10:11:12 UTC' AT TIME ZONE INTERVAL '-08:30' HOUR TO MINUTE AS varchar),"
                        + " typeof(TIMESTAMP '2020-05-17 10:11:12.123456 UTC' AT TIME ZONE 'Asia/Tokyo')",
                "2020-05-17 14:11:12 UTC", "2020-05-17 19:11:12 Asia/Tokyo", "2020-05-17 12:11:12 +02:00",
                "2020-05-17 01:41:12 -08:30", "timestamp(6) with time zone");
        // AT binds tighter than any operator, and chains
        assertResult("SELECT hour(TIMESTAMP '2020-05-17 10:11:12 UTC' AT TIME ZONE 'Asia/Tokyo'),"
                        + " CAST(TIMESTAMP '2020-05-17 22:11:12 UTC' AT TIME ZONE 'Asia/Tokyo' AS date) = DATE '2020-05-18',"
                        + " CAST(TIMESTAMP '2020-05-17 10:11:12 UTC' AT TIME ZONE 'Asia/Tokyo' AT TIME ZONE 'Europe/Paris' AS varchar)",
                List.of("bigint", "boolean", "varchar"), List.of(19L, true, "2020-05-17 12:11:12 Europe/Paris"));
        assertFails("SELECT DATE '2020-05-17' AT TIME ZONE 'UTC'", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT TIMESTAMP '2020-05-17 10:11:12 UTC' AT TIME ZONE 'Nowhere/X'", ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void zoneFunctions() throws Exception {
        assertText("SELECT CAST(with_timezone(TIMESTAMP '2020-05-17 10:11:12', 'America/New_York') AS varchar),"
                        + " CAST(at_timezone(TIMESTAMP '2020-05-17 10:11:12', 'Asia/Tokyo') AS varchar),"
                        + " CAST(at_timezone(TIMESTAMP '2020-05-17 10:11:12 UTC', INTERVAL '3' HOUR) AS varchar),"
                        + " CAST(timezone_hour(TIMESTAMP '2020-05-17 10:11:12 America/New_York') AS varchar),"
                        + " CAST(timezone_minute(TIMESTAMP '2020-05-17 10:11:12 +05:30') AS varchar),"
                        + " CAST(timezone_hour(TIMESTAMP '2020-05-17 10:11:12') AS varchar)",
                "2020-05-17 10:11:12 America/New_York", "2020-05-17 19:11:12 Asia/Tokyo", "2020-05-17 13:11:12 +03:00",
                "-4", "30", "0");
    }

    @Test
    void conversionFunctions() throws Exception {
        assertText("SELECT CAST(date('2020-05-17') AS varchar), CAST(date(TIMESTAMP '2020-05-17 10:11:12') AS varchar),"
                        + " CAST(date(TIMESTAMP '2020-05-17 23:11:12 America/New_York') AS varchar),"
                        + " CAST(from_iso8601_timestamp('2020-05-17T10:11:12Z') AS varchar),"
                        + " CAST(from_iso8601_timestamp('2020-05-17T10:11:12.123456+02:00') AS varchar),"
                        + " CAST(from_iso8601_timestamp('2020-05-17T10') AS varchar),"
                        + " typeof(from_iso8601_timestamp_nanos('2020-05-17T10:11:12.123456789Z')),"
                        + " CAST(from_iso8601_date('2020-W20-7') AS varchar), CAST(from_iso8601_date('2020-139') AS varchar)",
                "2020-05-17", "2020-05-17", "2020-05-17", "2020-05-17 10:11:12.000 UTC", "2020-05-17 10:11:12.123 +02:00",
                "2020-05-17 10:00:00.000 UTC", "timestamp(9) with time zone", "2020-05-17", "2020-05-18");
        assertText("SELECT CAST(from_unixtime(1589710272, 'America/New_York') AS varchar),"
                        + " CAST(from_unixtime(1589710272, 2, 30) AS varchar), CAST(from_unixtime(1589710272, -5, 0) AS varchar),"
                        + " CAST(from_unixtime_nanos(1589710272123000000) AS varchar),"
                        + " to_iso8601(TIMESTAMP '2020-05-17 10:11:12.345 America/New_York'), to_iso8601(TIMESTAMP '2020-05-17 10:11:12 UTC')",
                "2020-05-17 06:11:12.000 America/New_York", "2020-05-17 12:41:12.000 +02:30", "2020-05-17 05:11:12.000 -05:00",
                "2020-05-17 10:11:12.123000000 UTC", "2020-05-17T10:11:12.345-04:00", "2020-05-17T10:11:12Z");
        assertFails("SELECT from_iso8601_timestamp('garbage')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT date('x')", ErrorCode.INVALID_CAST_ARGUMENT);
        assertFails("SELECT date(123)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT from_unixtime(1589710272, 'bad')", ErrorCode.NOT_SUPPORTED);
        assertFails("SELECT from_unixtime(1e15)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void durations() throws Exception {
        assertText("SELECT human_readable_seconds(3661), human_readable_seconds(0), human_readable_seconds(1.5),"
                        + " human_readable_seconds(86400*7*3+5), human_readable_seconds(-5), human_readable_seconds(59.6)",
                "1 hour, 1 minute, 1 second", "0 seconds", "2 seconds", "3 weeks, 5 seconds", "5 seconds", "1 minute");
        assertText("SELECT CAST(parse_duration('1.5h') AS varchar), CAST(parse_duration('3.81 d') AS varchar),"
                        + " CAST(parse_duration('42ns') AS varchar), CAST(parse_duration('1ms') AS varchar),"
                        + " CAST(to_milliseconds(INTERVAL '1' DAY + INTERVAL '0.5' SECOND) AS varchar)",
                "0 01:30:00.000", "3 19:26:24.000", "0 00:00:00.000", "0 00:00:00.001", "86400500");
        assertFails("SELECT parse_duration('abc')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertResult("SELECT to_milliseconds(NULL), last_day_of_month(NULL)", List.of("bigint", "date"),
                java.util.Arrays.asList(null, null));
    }

    @Test
    void dateDiffCountsAMonthAtTheEndOfTheShorterMonth() throws Exception {
        assertResult("SELECT date_diff('month', DATE '2020-01-31', DATE '2020-02-29'), date_diff('month', DATE '2020-03-31', DATE '2020-02-29'),"
                        + " date_diff('month', DATE '2020-01-30', DATE '2020-02-29'), date_diff('year', DATE '2020-02-29', DATE '2021-02-28'),"
                        + " date_diff('month', TIMESTAMP '2020-01-31 10:00:00', TIMESTAMP '2020-02-29 11:00:00'),"
                        + " date_diff('month', TIMESTAMP '2020-01-31 10:00:00', TIMESTAMP '2020-02-29 09:00:00'),"
                        + " date_diff('quarter', DATE '2020-01-31', DATE '2020-04-30'), date_diff('year', DATE '2019-06-30', DATE '2020-06-29'),"
                        + " date_diff('day', NULL, DATE '2020-01-01')",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint"),
                java.util.Arrays.asList(1L, -1L, 1L, 1L, 1L, 0L, 1L, 0L, null));
    }

    @Test
    void differencesAreIntervals() throws Exception {
        assertResult("SELECT CAST(DATE '2020-03-01' - DATE '2020-01-01' AS varchar),"
                        + " CAST(TIMESTAMP '2020-03-01 00:00:00' - TIMESTAMP '2020-01-01 12:00:00' AS varchar),"
                        + " CAST(TIMESTAMP '2020-03-01 00:00:00 UTC' - TIMESTAMP '2020-03-01 00:00:00 America/New_York' AS varchar),"
                        + " CAST(TIME '10:00:00' - TIME '09:00:00' AS varchar), typeof(DATE '2020-01-01' - DATE '2020-01-01')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("60 00:00:00.000", "59 12:00:00.000", "-0 05:00:00.000", "0 01:00:00.000", "interval day to second"));
        assertResult("SELECT DATE '2020-01-01' + INTERVAL '24' HOUR, DATE '2020-01-01' - INTERVAL '48' HOUR",
                List.of("date", "date"), List.of(java.time.LocalDate.parse("2020-01-02").toEpochDay(),
                        java.time.LocalDate.parse("2019-12-30").toEpochDay()));
        assertFails("SELECT DATE '2020-01-01' + INTERVAL '36' HOUR", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT DATE '2020-01-01' - INTERVAL '1' SECOND", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT TIME '10:11:12' + INTERVAL '1' MONTH", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void extractFields() throws Exception {
        assertResult("SELECT EXTRACT(DAY_OF_WEEK FROM DATE '2020-05-17'), EXTRACT(DOW FROM DATE '2020-05-17'),"
                        + " EXTRACT(DOY FROM DATE '2020-05-17'), EXTRACT(YOW FROM DATE '2021-01-01'), EXTRACT(YEAR_OF_WEEK FROM DATE '2021-01-01'),"
                        + " EXTRACT(WEEK FROM DATE '2021-01-01'), EXTRACT(DAY_OF_YEAR FROM TIMESTAMP '2020-05-17 10:00:00'),"
                        + " EXTRACT(DAY_OF_MONTH FROM DATE '2020-05-17'), EXTRACT(TIMEZONE_HOUR FROM TIMESTAMP '2020-05-17 10:11:12 America/New_York'),"
                        + " EXTRACT(TIMEZONE_MINUTE FROM TIMESTAMP '2020-05-17 10:11:12 +05:30')",
                java.util.Collections.nCopies(10, "bigint"), List.of(7L, 7L, 138L, 2020L, 2020L, 53L, 138L, 17L, -4L, 30L));
        assertFails("SELECT EXTRACT(TIMEZONE_HOUR FROM TIMESTAMP '2020-05-17 10:11:12')", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT EXTRACT(EPOCH FROM TIMESTAMP '2020-05-17 10:11:12')", ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void precisionsRoundAsTrino() throws Exception {
        assertText("SELECT CAST(CAST(TIMESTAMP '2020-01-02 03:04:05.5' AS timestamp(0)) AS varchar),"
                        + " CAST(CAST(TIMESTAMP '2020-01-02 23:59:59.9995' AS timestamp(3)) AS varchar),"
                        + " CAST(CAST(TIME '10:11:12.5' AS time(0)) AS varchar), CAST(CAST(TIMESTAMP '2020-01-02 03:04:05.5' AS time(0)) AS varchar),"
                        + " typeof(TIMESTAMP '2020-01-01 00:00:00'), typeof(TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '1' SECOND),"
                        + " typeof(date_add('millisecond', 1500, TIMESTAMP '2020-01-01 00:00:00')),"
                        + " CAST(date_add('millisecond', 1500, TIMESTAMP '2020-01-01 00:00:00') AS varchar)",
                "2020-01-02 03:04:06", "2020-01-03 00:00:00.000", "10:11:13", "03:04:06", "timestamp(0)", "timestamp(3)",
                "timestamp(0)", "2020-01-01 00:00:02");
        assertFails("SELECT CAST('2020-05-17T10:11:12' AS timestamp)", ErrorCode.INVALID_CAST_ARGUMENT);
        assertFails("SELECT CAST(DATE '2020-05-17' AS time)", ErrorCode.TYPE_MISMATCH);
        // a time becomes a timestamp of the current date
        assertResult("SELECT CAST(CAST(TIME '10:11:12' AS timestamp) AS time) = TIME '10:11:12',"
                        + " CAST(CAST(TIME '10:11:12' AS timestamp) AS date) = current_date",
                List.of("boolean", "boolean"), List.of(true, true));
    }

    @Test
    void formattingAndParsing() throws Exception {
        assertText("SELECT format_datetime(DATE '2020-05-17', 'YYYY-ww'), format_datetime(DATE '2021-01-01', 'xxxx-ww e EEEE'),"
                        + " format_datetime(DATE '2021-01-01', 'YYYY-ww'),"
                        + " format_datetime(TIMESTAMP '2020-05-17 13:01:02 America/New_York', 'Z ZZ ZZZ z'),"
                        + " format_datetime(TIMESTAMP '2020-05-17 13:01:02 UTC', 'Z ZZ ZZZ z'),"
                        + " format_datetime(TIMESTAMP '2020-05-17 03:01:02', 'hh:mm aa'),"
                        + " date_format(TIMESTAMP '2020-05-17 13:01:02.987654', '%f')",
                "2020-20", "2020-53 5 Friday", "2021-53", "-0400 -04:00 America/New_York EDT", "+0000 +00:00 UTC UTC",
                "03:01 AM", "988000");
        assertText("SELECT CAST(date_parse('May 17 2020 1:02:03 PM', '%b %e %Y %h:%i:%s %p') AS varchar),"
                        + " CAST(date_parse('2020-05-17 1:2:3', '%Y-%m-%d %H:%i:%s') AS varchar),"
                        + " CAST(parse_datetime('2020-05-17 13:01 America/New_York', 'yyyy-MM-dd HH:mm ZZZ') AS varchar),"
                        + " CAST(parse_datetime('2020-05-17T13:01:02.123+02:00', 'yyyy-MM-dd''T''HH:mm:ss.SSSZZ') AS varchar),"
                        + " CAST(parse_datetime('2020-05-17 01:02:03 PM', 'yyyy-MM-dd hh:mm:ss aa') AS varchar)",
                "2020-05-17 13:02:03.000", "2020-05-17 01:02:03.000", "2020-05-17 13:01:00.000 America/New_York",
                "2020-05-17 13:01:02.123 +02:00", "2020-05-17 13:02:03.000 UTC");
        for (String specifier : List.of("D", "U", "u", "V", "w", "X")) {
            assertFails("SELECT date_format(TIMESTAMP '2021-01-01 13:01:02', '%" + specifier + "')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        }
        assertFails("SELECT format_datetime(TIMESTAMP '2020-05-17 13:01:02', 'HH:mm Z')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT date_parse('2020-02-30', '%Y-%m-%d')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        // a day of the year stands for the month and the day
        assertText("SELECT CAST(date_parse('2024-060', '%Y-%j') AS varchar), CAST(date_parse('2023-060 7', '%Y-%j %H') AS varchar)",
                "2024-02-29 00:00:00.000", "2023-03-01 07:00:00.000");
    }

    @Test
    void yearsBeyondFourDigitsAndBeforeYearOne() throws Exception {
        assertResult("SELECT DATE '-0001-01-01', DATE '10000-01-01', DATE '+2000-01-01', DATE '0000-01-01'",
                List.of("date", "date", "date", "date"),
                List.of(java.time.LocalDate.of(-1, 1, 1).toEpochDay(), java.time.LocalDate.of(10000, 1, 1).toEpochDay(),
                        java.time.LocalDate.of(2000, 1, 1).toEpochDay(), java.time.LocalDate.of(0, 1, 1).toEpochDay()));
        // the text of a date has no sign before five digits; that of a timestamp has, as in Trino
        assertResult("SELECT CAST(DATE '10000-01-01' AS varchar), CAST(DATE '-0001-01-01' AS varchar),"
                        + " CAST(TIMESTAMP '10000-01-01 00:00:00' AS varchar), CAST(TIMESTAMP '-0001-01-01 00:00:00.5' AS varchar),"
                        + " CAST(CAST('+10000-01-01' AS date) AS varchar), to_iso8601(from_iso8601_date('10000-01-01'))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar(16)"),
                List.of("10000-01-01", "-0001-01-01", "+10000-01-01 00:00:00", "-0001-01-01 00:00:00.5", "10000-01-01", "10000-01-01"));
        assertResult("SELECT typeof(TIMESTAMP '10000-01-01 00:00:00.123456789'), CAST(TIMESTAMP '12345-06-07 01:02:03.123456789012' AS varchar),"
                        + " year(DATE '-0001-01-01'), date_diff('day', DATE '2000-01-01', DATE '10000-01-01'),"
                        + " CAST(TIMESTAMP '10000-01-01 00:00:00 +01:00' AS varchar)",
                List.of("varchar", "varchar", "bigint", "bigint", "varchar"),
                List.of("timestamp(9)", "+12345-06-07 01:02:03.123456789012", -1L, 2921940L, "+10000-01-01 00:00:00 +01:00"));
        assertFails("SELECT DATE '10000-13-01'", ErrorCode.INVALID_LITERAL, "'10000-13-01' is not a valid DATE literal");
        assertFails("SELECT DATE '5881580-07-12'", ErrorCode.INVALID_LITERAL);
        assertFails("SELECT CAST('5881580-07-12' AS date)", ErrorCode.INVALID_CAST_ARGUMENT);
        assertThat(io.quarry.type.DateTimeValues.formatTimestamp(
                java.time.LocalDate.of(10000, 1, 1).toEpochDay() * 86_400_000_000L, 3)).isEqualTo("+10000-01-01 00:00:00.000");
    }

    @Test
    void formatDatetimeSignsOnlyNegativeYears() throws Exception {
        assertResult("SELECT format_datetime(TIMESTAMP '12000-01-01 00:00:00', 'yyyy-MM-dd'),"
                        + " format_datetime(TIMESTAMP '12000-01-05 00:00:00', 'YYYY xxxx'),"
                        + " format_datetime(TIMESTAMP '-0005-01-05 00:00:00', 'yyyy'),"
                        + " format_datetime(TIMESTAMP '2020-01-05 00:00:00', 'yyyyyy')",
                List.of("varchar", "varchar", "varchar", "varchar"), List.of("12000-01-01", "12000 12000", "-0005", "002020"));
    }
}
