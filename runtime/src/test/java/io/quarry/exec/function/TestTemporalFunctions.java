package io.quarry.exec.function;

import static io.quarry.exec.function.FunctionAssertions.arg;
import static io.quarry.exec.function.FunctionAssertions.eval;
import static io.quarry.exec.function.FunctionAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.DateTimeValues;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestTemporalFunctions {
    private static final Type TIMESTAMP = TemporalTypes.timestamp(3);
    private static final Type TIMESTAMP_TZ = TemporalTypes.timestampWithTimeZone(3);

    private static FunctionAssertions.Argument date(String text) {
        return arg(LocalDate.parse(text).toEpochDay(), Types.DATE);
    }

    private static long micros(String text) {
        LocalDateTime time = LocalDateTime.parse(text.replace(' ', 'T'));
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + time.getNano() / 1000;
    }

    private static FunctionAssertions.Argument timestamp(String text) {
        return arg(micros(text), TIMESTAMP);
    }

    private static FunctionAssertions.Argument text(String value) {
        return arg(value, Types.VARCHAR);
    }

    private static Object day(String text) {
        return LocalDate.parse(text).toEpochDay();
    }

    @Test
    void fieldsOfDatesAndTimestamps() {
        assertThat(eval("year", Types.BIGINT, timestamp("2024-05-17 13:45:12"))).isEqualTo(2024L);
        assertThat(eval("day_of_week", Types.BIGINT, date("2024-05-17"))).isEqualTo(5L);
        assertThat(eval("day_of_week", Types.BIGINT, date("2024-05-19"))).isEqualTo(7L);
        assertThat(eval("day_of_year", Types.BIGINT, date("2023-12-31"))).isEqualTo(365L);
        assertThat(eval("week_of_year", Types.BIGINT, date("2023-12-31"))).isEqualTo(52L);
        assertThat(eval("week", Types.BIGINT, date("2024-12-30"))).isEqualTo(1L);
        assertThat(eval("year_of_week", Types.BIGINT, date("2024-12-30"))).isEqualTo(2025L);
        assertThat(eval("quarter", Types.BIGINT, date("2024-05-17"))).isEqualTo(2L);
        assertThat(eval("hour", Types.BIGINT, timestamp("2024-05-17 13:45:12"))).isEqualTo(13L);
        assertThat(eval("minute", Types.BIGINT, timestamp("2024-05-17 13:45:12"))).isEqualTo(45L);
        assertThat(eval("second", Types.BIGINT, timestamp("2024-05-17 13:45:12"))).isEqualTo(12L);
        assertThat(eval("millisecond", Types.BIGINT, timestamp("2024-05-17 13:45:12.345"))).isEqualTo(345L);
        assertThat(eval("month", Types.BIGINT, timestamp("1969-12-31 23:59:59.999"))).isEqualTo(12L);
        assertThat(eval("day", Types.BIGINT, arg(6 * DateTimeValues.MILLIS_PER_DAY + 5, TemporalTypes.INTERVAL_DAY_TIME)))
                .isEqualTo(6L);
        assertThat(eval("month", Types.BIGINT, arg(14L, TemporalTypes.INTERVAL_YEAR_MONTH))).isEqualTo(2L);
    }

    @Test
    void fieldsOfZonedTimestampsAreLocal() {
        long instant = LocalDateTime.parse("2024-05-17T23:30:00").toEpochSecond(ZoneOffset.UTC) * 1000;
        long packed = DateTimeValues.packWithZone(instant, DateTimeValues.zoneKey(ZoneId.of("Asia/Tokyo")));
        assertThat(eval("day", Types.BIGINT, arg(packed, TIMESTAMP_TZ))).isEqualTo(18L);
        assertThat(eval("hour", Types.BIGINT, arg(packed, TIMESTAMP_TZ))).isEqualTo(8L);
        assertThat(eval("timezone_hour", Types.BIGINT, arg(packed, TIMESTAMP_TZ))).isEqualTo(9L);
    }

    @Test
    void changesZones() {
        long instant = 1_700_000_000_000L;
        long utc = DateTimeValues.packWithZone(instant, DateTimeValues.zoneKey(ZoneOffset.UTC));
        Object tokyo = eval("at_timezone", TIMESTAMP_TZ, arg(utc, TIMESTAMP_TZ), text("Asia/Tokyo"));
        assertThat(DateTimeValues.unpackMillis((Long) tokyo)).isEqualTo(instant);
        assertThat(DateTimeValues.zoneName(DateTimeValues.unpackZoneKey((Long) tokyo))).isEqualTo("Asia/Tokyo");
        Object local = eval("with_timezone", TIMESTAMP_TZ, timestamp("2024-01-01 09:00:00"), text("Asia/Tokyo"));
        assertThat(DateTimeValues.unpackMillis((Long) local)).isEqualTo(micros("2024-01-01 00:00:00") / 1000);
        assertThat(failure("at_timezone", TIMESTAMP_TZ, arg(utc, TIMESTAMP_TZ), text("Mars/Olympus")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void truncation() {
        assertThat(eval("date_trunc", Types.DATE, text("month"), date("2024-05-17"))).isEqualTo(day("2024-05-01"));
        assertThat(eval("date_trunc", Types.DATE, text("quarter"), date("2024-05-17"))).isEqualTo(day("2024-04-01"));
        assertThat(eval("date_trunc", Types.DATE, text("week"), date("2024-05-17"))).isEqualTo(day("2024-05-13"));
        assertThat(eval("date_trunc", Types.DATE, text("year"), date("2024-05-17"))).isEqualTo(day("2024-01-01"));
        assertThat(eval("date_trunc", TIMESTAMP, text("hour"), timestamp("2024-05-17 13:45:12")))
                .isEqualTo(micros("2024-05-17 13:00:00"));
        assertThat(eval("date_trunc", TIMESTAMP, text("minute"), timestamp("1969-12-31 23:59:59.5")))
                .isEqualTo(micros("1969-12-31 23:59:00"));
        assertThat(failure("date_trunc", Types.DATE, text("hour"), date("2024-05-17")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(failure("date_trunc", Types.DATE, text("fortnight"), date("2024-05-17")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void addingUnitsClampsMonthEnds() {
        FunctionAssertions.Argument ten = arg(10L, Types.BIGINT);
        FunctionAssertions.Argument one = arg(1L, Types.BIGINT);
        assertThat(eval("date_add", Types.DATE, text("day"), ten, date("2024-02-25"))).isEqualTo(day("2024-03-06"));
        assertThat(eval("date_add", Types.DATE, text("month"), one, date("2024-01-31"))).isEqualTo(day("2024-02-29"));
        assertThat(eval("date_add", Types.DATE, text("year"), one, date("2024-02-29"))).isEqualTo(day("2025-02-28"));
        assertThat(eval("date_add", TIMESTAMP, text("hour"), arg(5L, Types.BIGINT), timestamp("2024-01-01 22:00:00")))
                .isEqualTo(micros("2024-01-02 03:00:00"));
    }

    @Test
    void differencesCountWholeUnits() {
        assertThat(eval("date_diff", Types.BIGINT, text("day"), date("2024-01-01"), date("2024-03-01"))).isEqualTo(60L);
        assertThat(eval("date_diff", Types.BIGINT, text("month"), date("2024-01-31"), date("2024-03-30"))).isEqualTo(1L);
        assertThat(eval("date_diff", Types.BIGINT, text("year"), date("2020-06-01"), date("2024-05-31"))).isEqualTo(3L);
        assertThat(eval("date_diff", Types.BIGINT, text("week"), date("2024-01-15"), date("2024-01-01"))).isEqualTo(-2L);
        assertThat(eval("date_diff", Types.BIGINT, text("second"), timestamp("2024-01-01 00:00:00"),
                timestamp("2024-01-01 00:01:30.9"))).isEqualTo(90L);
    }

    @Test
    void intervalArithmetic() {
        FunctionAssertions.Argument month = arg(1L, TemporalTypes.INTERVAL_YEAR_MONTH);
        FunctionAssertions.Argument oneDay = arg(DateTimeValues.MILLIS_PER_DAY, TemporalTypes.INTERVAL_DAY_TIME);
        assertThat(eval("add", Types.DATE, date("2024-01-31"), month)).isEqualTo(day("2024-02-29"));
        assertThat(eval("subtract", Types.DATE, date("2024-03-01"), oneDay)).isEqualTo(day("2024-02-29"));
        assertThat(eval("add", Types.DATE, oneDay, date("2024-03-01"))).isEqualTo(day("2024-03-02"));
        assertThat(eval("add", TIMESTAMP, timestamp("2024-01-01 00:00:00"), arg(90 * 60_000L, TemporalTypes.INTERVAL_DAY_TIME)))
                .isEqualTo(micros("2024-01-01 01:30:00"));
        assertThat(eval("multiply", TemporalTypes.INTERVAL_DAY_TIME, arg(3 * DateTimeValues.MILLIS_PER_DAY, TemporalTypes.INTERVAL_DAY_TIME),
                arg(2L, Types.BIGINT))).isEqualTo(6 * DateTimeValues.MILLIS_PER_DAY);
        assertThat(eval("add", TemporalTypes.INTERVAL_YEAR_MONTH, month, month)).isEqualTo(2L);
        assertThat(eval("negate", TemporalTypes.INTERVAL_YEAR_MONTH, month)).isEqualTo(-1L);
        assertThat(eval("less_than", Types.BOOLEAN, timestamp("2024-01-01 00:00:00"), timestamp("2024-01-01 00:00:01")))
                .isEqualTo(true);
    }

    @Test
    void zonedTimestampsCompareByInstant() {
        long instant = 1_700_000_000_000L;
        long utc = DateTimeValues.packWithZone(instant, DateTimeValues.zoneKey(ZoneOffset.UTC));
        long tokyo = DateTimeValues.packWithZone(instant, DateTimeValues.zoneKey(ZoneId.of("Asia/Tokyo")));
        assertThat(eval("equal", Types.BOOLEAN, arg(utc, TIMESTAMP_TZ), arg(tokyo, TIMESTAMP_TZ))).isEqualTo(true);
    }

    @Test
    void formattingAndParsing() {
        assertThat(eval("format_datetime", Types.VARCHAR, timestamp("2024-05-17 13:45:12"), text("yyyy-MM-dd HH:mm")))
                .isEqualTo("2024-05-17 13:45");
        assertThat(eval("format_datetime", Types.VARCHAR, timestamp("2024-01-05 00:00:00"), text("EEE MMM d")))
                .isEqualTo("Fri Jan 5");
        assertThat(eval("date_format", Types.VARCHAR, timestamp("2024-05-17 13:45:12"), text("%Y/%m/%d %H:%i:%s %p %W")))
                .isEqualTo("2024/05/17 13:45:12 PM Friday");
        assertThat(eval("date_parse", TIMESTAMP, text("2024/05/17"), text("%Y/%m/%d"))).isEqualTo(micros("2024-05-17 00:00:00"));
        assertThat(eval("date_parse", TIMESTAMP, text("17.05.24 01:02"), text("%d.%m.%y %H:%i")))
                .isEqualTo(micros("2024-05-17 01:02:00"));
        assertThat(failure("date_parse", TIMESTAMP, text("2024-05"), text("%Y/%m")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(eval("last_day_of_month", Types.DATE, date("2024-02-10"))).isEqualTo(day("2024-02-29"));
        assertThat(eval("last_day_of_month", Types.DATE, date("2023-02-10"))).isEqualTo(day("2023-02-28"));
    }

    @Test
    void unixTime() {
        Object packed = eval("from_unixtime", TIMESTAMP_TZ, arg(1.5, Types.DOUBLE), text("UTC"));
        assertThat(DateTimeValues.unpackMillis((Long) packed)).isEqualTo(1500L);
        assertThat(eval("to_unixtime", Types.DOUBLE, arg(packed, TIMESTAMP_TZ))).isEqualTo(1.5);
        assertThat(eval("to_unixtime", Types.DOUBLE, timestamp("1970-01-01 00:00:02"))).isEqualTo(2.0);
    }
}
