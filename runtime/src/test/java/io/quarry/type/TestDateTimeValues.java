package io.quarry.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestDateTimeValues {
    @Test
    void packsInstantAndZone() {
        int tokyo = DateTimeValues.zoneKey(ZoneId.of("Asia/Tokyo"));
        long packed = DateTimeValues.packWithZone(-1234L, tokyo);
        assertThat(DateTimeValues.unpackMillis(packed)).isEqualTo(-1234L);
        assertThat(DateTimeValues.unpackZoneKey(packed)).isEqualTo(tokyo);
        assertThat(DateTimeValues.zone(tokyo)).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(DateTimeValues.zoneKey(ZoneOffset.UTC)).isEqualTo(DateTimeValues.zoneKey(ZoneId.of("Z")));
        int plusFiveThirty = DateTimeValues.zoneKey(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(DateTimeValues.zone(plusFiveThirty)).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(DateTimeValues.zoneName(DateTimeValues.zoneKey(ZoneOffset.UTC))).isEqualTo("UTC");
    }

    @Test
    void printsAsTrino() {
        long micros = 1_704_164_645_678_901L; // 2024-01-02 03:04:05.678901
        assertThat(DateTimeValues.formatTimestamp(micros, 3)).isEqualTo("2024-01-02 03:04:05.679");
        assertThat(DateTimeValues.formatTimestamp(micros, 6)).isEqualTo("2024-01-02 03:04:05.678901");
        assertThat(DateTimeValues.formatTimestamp(micros, 0)).isEqualTo("2024-01-02 03:04:06");
        assertThat(DateTimeValues.formatTimestamp(-1, 3)).isEqualTo("1970-01-01 00:00:00.000");
        assertThat(DateTimeValues.formatTimestamp(-1_000, 3)).isEqualTo("1969-12-31 23:59:59.999");
        long packed = DateTimeValues.packWithZone(1_704_164_645_678L, DateTimeValues.zoneKey(ZoneId.of("Europe/Berlin")));
        assertThat(DateTimeValues.formatTimestampWithZone(packed, 3)).isEqualTo("2024-01-02 04:04:05.678 Europe/Berlin");
        assertThat(DateTimeValues.formatIntervalDayTime(6 * DateTimeValues.MILLIS_PER_DAY)).isEqualTo("6 00:00:00.000");
        assertThat(DateTimeValues.formatIntervalDayTime(-(90 * 60_000L + 5))).isEqualTo("-0 01:30:00.005");
        assertThat(DateTimeValues.formatIntervalDayTime(Long.MIN_VALUE)).isEqualTo("-106751991167 07:12:55.808");
        assertThat(DateTimeValues.formatIntervalYearMonth(2)).isEqualTo("0-2");
        assertThat(DateTimeValues.formatIntervalYearMonth(-14)).isEqualTo("-1-2");
        assertThat(DateTimeValues.formatTime(DateTimeValues.PICOS_PER_SECOND * 3723 + 4_000_000_000L, 3)).isEqualTo("01:02:03.004");
    }

    @Test
    void parsesTypeNames() {
        assertThat(Types.parse("timestamp(6)")).isEqualTo(TemporalTypes.timestamp(6));
        assertThat(Types.parse("timestamp")).isEqualTo(TemporalTypes.timestamp(3));
        assertThat(Types.parse("timestamp(3) with time zone")).isEqualTo(TemporalTypes.timestampWithTimeZone(3));
        assertThat(Types.parse("time(0)")).isEqualTo(TemporalTypes.time(0));
        assertThat(Types.parse("interval day to second")).isEqualTo(TemporalTypes.INTERVAL_DAY_TIME);
        assertThat(Types.parse("INTERVAL YEAR TO MONTH")).isEqualTo(TemporalTypes.INTERVAL_YEAR_MONTH);
        assertThat(TemporalTypes.timestampWithTimeZone(3).displayName()).isEqualTo("timestamp(3) with time zone");
        assertThat(TemporalTypes.protocolName(TemporalTypes.timestamp(6))).isEqualTo("timestamp");
        assertThat(TemporalTypes.protocolName(TemporalTypes.INTERVAL_DAY_TIME)).isEqualTo("interval day to second");
    }
}
