package io.quarry.http.dto;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.BlockBuilder;
import io.quarry.client.ResultColumn;
import io.quarry.page.Page;
import io.quarry.type.ArrayType;
import io.quarry.type.DateTimeValues;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Date-time columns as Trino sends them: at their precision to a client with the {@code PARAMETRIC_DATETIME}
 * capability ({@code timestamp(6)}, {@code "2020-01-02 03:04:05.123456"}), to the millisecond to others.
 */
class TestParametricDatetime {
    private static final Type TIMESTAMP_6 = TemporalTypes.timestamp(6);
    private static final Type TIMESTAMP_TZ_0 = TemporalTypes.timestampWithTimeZone(0);
    private static final Type TIME_1 = TemporalTypes.time(1);

    private static String column(Type type, boolean parametric) {
        return new String(WireJson.toBytes(Column.of(new ResultColumn("c", type), parametric)), StandardCharsets.UTF_8);
    }

    private static String rows(boolean parametric) {
        long micros = LocalDateTime.parse("2020-01-02T03:04:05.123456").toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 123_456;
        BlockBuilder timestamps = BlockBuilder.create(TIMESTAMP_6, 1);
        timestamps.appendLong(micros);
        BlockBuilder zoned = BlockBuilder.create(TIMESTAMP_TZ_0, 1);
        zoned.appendLong(DateTimeValues.packWithZone(micros / 1_000_000 * 1_000, 0));
        BlockBuilder times = BlockBuilder.create(TIME_1, 1);
        times.appendLong((10 * 3600 + 11 * 60 + 12) * DateTimeValues.PICOS_PER_SECOND + DateTimeValues.PICOS_PER_SECOND / 2);
        ResultData data = ResultData.of(List.of(TIMESTAMP_6, TIMESTAMP_TZ_0, TIME_1),
                List.of(Page.of(timestamps.build(), zoned.build(), times.build())), parametric).orElseThrow();
        return new String(WireJson.toBytes(data), StandardCharsets.UTF_8);
    }

    /** {@code 01:02:03.123456789-08:00} as time(9) with time zone, and {@code 01:02:03.5+01:00} as time(1). */
    private static String timesWithTimeZone(boolean parametric) {
        io.quarry.type.TimeWithTimeZoneType nine = TemporalTypes.timeWithTimeZone(9);
        io.quarry.type.TimeWithTimeZoneType one = TemporalTypes.timeWithTimeZone(1);
        BlockBuilder nines = BlockBuilder.create(nine, 1);
        nines.appendLong(io.quarry.type.TimeWithTimeZoneType.pack(3_723_123_456_789L, -480));
        BlockBuilder ones = BlockBuilder.create(one, 1);
        ones.appendLong(io.quarry.type.TimeWithTimeZoneType.pack(3_723_500_000_000L, 60));
        ResultData data = ResultData.of(List.of(nine, one), List.of(Page.of(nines.build(), ones.build())), parametric).orElseThrow();
        return new String(WireJson.toBytes(data), StandardCharsets.UTF_8);
    }

    @Test
    void timesWithTimeZoneAsTrinoSendsThem() {
        assertThat(column(TemporalTypes.timeWithTimeZone(3), true)).isEqualTo("{\"name\":\"c\",\"type\":\"time(3) with time zone\","
                + "\"typeSignature\":{\"rawType\":\"time with time zone\",\"arguments\":[{\"kind\":\"LONG\",\"value\":3}]}}");
        assertThat(column(new ArrayType(TemporalTypes.timeWithTimeZone(1)), true)).contains("\"type\":\"array(time(1) with time zone)\"");
        assertThat(column(TemporalTypes.timeWithTimeZone(9), false)).isEqualTo("{\"name\":\"c\",\"type\":\"time with time zone\","
                + "\"typeSignature\":{\"rawType\":\"time with time zone\",\"arguments\":[]}}");
        assertThat(timesWithTimeZone(true)).isEqualTo("[[\"01:02:03.123456789-08:00\",\"01:02:03.5+01:00\"]]");
        assertThat(timesWithTimeZone(false)).isEqualTo("[[\"01:02:03.123-08:00\",\"01:02:03.500+01:00\"]]");
    }

    /** {@code 23:59:59.999999999999-08:00} as time(12) with time zone and {@code 01:02:03.1234567895+05:45} as time(10): two longs each. */
    private static String longTimesWithTimeZone(boolean parametric) {
        io.quarry.type.TimeWithTimeZoneType twelve = TemporalTypes.timeWithTimeZone(12);
        io.quarry.type.TimeWithTimeZoneType ten = TemporalTypes.timeWithTimeZone(10);
        BlockBuilder twelves = BlockBuilder.create(twelve, 1);
        twelves.appendInt128(io.quarry.type.TimeWithTimeZoneType.utcPicosOf(86_399_999_999_999_999L, -480),
                io.quarry.type.TimeWithTimeZoneType.offsetTail(-480));
        BlockBuilder tens = BlockBuilder.create(ten, 2);
        tens.appendInt128(io.quarry.type.TimeWithTimeZoneType.utcPicosOf(3_723_123_456_789_500L, 345),
                io.quarry.type.TimeWithTimeZoneType.offsetTail(345));
        ResultData data = ResultData.of(List.of(twelve, ten), List.of(Page.of(twelves.build(), tens.build())), parametric).orElseThrow();
        return new String(WireJson.toBytes(data), StandardCharsets.UTF_8);
    }

    @Test
    void longTimesWithTimeZoneShowEveryDigitToParametricClientsAndRoundedMillisecondsToOthers() {
        assertThat(column(TemporalTypes.timeWithTimeZone(12), true)).isEqualTo("{\"name\":\"c\",\"type\":\"time(12) with time zone\","
                + "\"typeSignature\":{\"rawType\":\"time with time zone\",\"arguments\":[{\"kind\":\"LONG\",\"value\":12}]}}");
        assertThat(column(TemporalTypes.timeWithTimeZone(11), false)).isEqualTo("{\"name\":\"c\",\"type\":\"time with time zone\","
                + "\"typeSignature\":{\"rawType\":\"time with time zone\",\"arguments\":[]}}");
        assertThat(longTimesWithTimeZone(true)).isEqualTo("[[\"23:59:59.999999999999-08:00\",\"01:02:03.1234567895+05:45\"]]");
        // rounded to the millisecond, wrapping at midnight
        assertThat(longTimesWithTimeZone(false)).isEqualTo("[[\"00:00:00.000-08:00\",\"01:02:03.123+05:45\"]]");
    }

    @Test
    void parametricClientsSeePrecisions() {
        assertThat(column(TIMESTAMP_6, true)).isEqualTo("{\"name\":\"c\",\"type\":\"timestamp(6)\",\"typeSignature\":"
                + "{\"rawType\":\"timestamp\",\"arguments\":[{\"kind\":\"LONG\",\"value\":6}]}}");
        assertThat(column(new ArrayType(TIMESTAMP_TZ_0), true)).contains("\"type\":\"array(timestamp(0) with time zone)\"")
                .contains("{\"rawType\":\"timestamp with time zone\",\"arguments\":[{\"kind\":\"LONG\",\"value\":0}]}");
        assertThat(rows(true)).isEqualTo("[[\"2020-01-02 03:04:05.123456\",\"2020-01-02 03:04:05 UTC\",\"10:11:12.5\"]]");
    }

    @Test
    void longTimestampsShowEveryDigitToParametricClientsAndRoundedMillisecondsToOthers() {
        Type nanos = TemporalTypes.timestamp(9);
        Type zonedMicros = TemporalTypes.timestampWithTimeZone(6);
        long micros = LocalDateTime.parse("2020-01-02T03:04:05.123456").toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 999_999;
        BlockBuilder timestamps = BlockBuilder.create(nanos, 1);
        timestamps.appendInt128(micros, 789_000);
        BlockBuilder zoned = BlockBuilder.create(zonedMicros, 1);
        zoned.appendInt128(DateTimeValues.packWithZone(micros / 1_000_000 * 1_000 + 123, 0), 456_000_000);
        for (boolean parametric : new boolean[] {true, false}) {
            ResultData data = ResultData.of(List.of(nanos, zonedMicros), List.of(Page.of(timestamps.build(), zoned.build())), parametric)
                    .orElseThrow();
            assertThat(new String(WireJson.toBytes(data), StandardCharsets.UTF_8)).isEqualTo(parametric
                    ? "[[\"2020-01-02 03:04:05.999999789\",\"2020-01-02 03:04:05.123456 UTC\"]]"
                    : "[[\"2020-01-02 03:04:06.000\",\"2020-01-02 03:04:05.123 UTC\"]]");
        }
    }

    @Test
    void mapKeysKeepTheirPrecisionForEveryClient() {
        io.quarry.type.MapType map = new io.quarry.type.MapType(TIMESTAMP_6, TIME_1);
        BlockBuilder maps = BlockBuilder.create(map, 1);
        long micros = LocalDateTime.parse("2020-01-02T03:04:05.123456").toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 123_456;
        maps.appendObject(java.util.Map.of(micros, 3_600 * DateTimeValues.PICOS_PER_SECOND));
        for (boolean parametric : new boolean[] {true, false}) {
            String data = new String(WireJson.toBytes(ResultData.of(List.of(map), List.of(Page.of(maps.build())), parametric).orElseThrow()),
                    StandardCharsets.UTF_8);
            assertThat(data).isEqualTo(parametric ? "[[{\"2020-01-02 03:04:05.123456\":\"01:00:00.0\"}]]"
                    : "[[{\"2020-01-02 03:04:05.123456\":\"01:00:00.000\"}]]");
        }
    }

    @Test
    void otherClientsSeeMilliseconds() {
        assertThat(column(TIMESTAMP_6, false)).isEqualTo("{\"name\":\"c\",\"type\":\"timestamp\",\"typeSignature\":"
                + "{\"rawType\":\"timestamp\",\"arguments\":[]}}");
        assertThat(column(new ArrayType(TIMESTAMP_TZ_0), false)).contains("\"type\":\"array(timestamp with time zone)\"");
        assertThat(rows(false)).isEqualTo("[[\"2020-01-02 03:04:05.123\",\"2020-01-02 03:04:05.000 UTC\",\"10:11:12.500\"]]");
    }

    /** As Trino 476 sends {@code SELECT ARRAY[INTERVAL '1' DAY], INTERVAL '2' MONTH}. */
    @Test
    void intervalsAreInCapitalsInTheColumnTypeOnly() {
        for (boolean parametric : new boolean[] {false, true}) {
            assertThat(column(new ArrayType(TemporalTypes.INTERVAL_DAY_TIME), parametric)).isEqualTo("{\"name\":\"c\",\"type\":"
                    + "\"array(INTERVAL DAY TO SECOND)\",\"typeSignature\":{\"rawType\":\"array\",\"arguments\":[{\"kind\":\"TYPE\","
                    + "\"value\":{\"rawType\":\"interval day to second\",\"arguments\":[]}}]}}");
            assertThat(column(TemporalTypes.INTERVAL_YEAR_MONTH, parametric))
                    .isEqualTo("{\"name\":\"c\",\"type\":\"INTERVAL YEAR TO MONTH\",\"typeSignature\":{\"rawType\":\"interval year to month\",\"arguments\":[]}}");
        }
    }
}
