package io.quarry.exec.function;

import static io.quarry.exec.function.FunctionAssertions.arg;
import static io.quarry.exec.function.FunctionAssertions.eval;
import static io.quarry.exec.function.FunctionAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.DateTimeValues;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestTemporalCasts {
    private static long micros(String text) {
        LocalDateTime time = LocalDateTime.parse(text.replace(' ', 'T'));
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + time.getNano() / 1000;
    }

    @Test
    void textToTimestampAndBack() {
        assertThat(eval("cast", TemporalTypes.timestamp(3), arg("2024-01-02 03:04:05", Types.VARCHAR)))
                .isEqualTo(micros("2024-01-02 03:04:05"));
        assertThat(eval("cast", TemporalTypes.timestamp(3), arg("2024-01-02", Types.VARCHAR)))
                .isEqualTo(micros("2024-01-02 00:00:00"));
        assertThat(eval("cast", TemporalTypes.timestamp(3), arg("2024-01-02 03:04:05.12345", Types.VARCHAR)))
                .isEqualTo(micros("2024-01-02 03:04:05.123"));
        assertThat(eval("cast", Types.VARCHAR, arg(micros("2024-01-02 03:04:05.678"), TemporalTypes.timestamp(3))))
                .isEqualTo("2024-01-02 03:04:05.678");
        assertThat(eval("cast", Types.VARCHAR, arg(micros("2024-01-02 03:04:05"), TemporalTypes.timestamp(0))))
                .isEqualTo("2024-01-02 03:04:05");
        assertThat(failure("cast", TemporalTypes.timestamp(3), arg("2024-13-02", Types.VARCHAR)).errorCode())
                .isEqualTo(ErrorCode.INVALID_CAST_ARGUMENT);
        assertThat(failure("cast", TemporalTypes.timestamp(3), arg("yesterday", Types.VARCHAR)).errorCode())
                .isEqualTo(ErrorCode.INVALID_CAST_ARGUMENT);
        assertThat(eval("try_cast", TemporalTypes.timestamp(3), arg("yesterday", Types.VARCHAR))).isNull();
    }

    @Test
    void betweenDateTimeTypes() {
        assertThat(eval("cast", Types.DATE, arg(micros("2024-01-02 03:04:05.678"), TemporalTypes.timestamp(3))))
                .isEqualTo(LocalDate.parse("2024-01-02").toEpochDay());
        assertThat(eval("cast", Types.DATE, arg(micros("1969-12-31 23:00:00"), TemporalTypes.timestamp(3))))
                .isEqualTo(-1L);
        assertThat(eval("cast", TemporalTypes.timestamp(3), arg(LocalDate.parse("2024-01-02").toEpochDay(), Types.DATE)))
                .isEqualTo(micros("2024-01-02 00:00:00"));
        assertThat(eval("cast", TemporalTypes.timestamp(3), arg(micros("2024-01-01 12:00:00.123456"), TemporalTypes.timestamp(6))))
                .isEqualTo(micros("2024-01-01 12:00:00.123"));
        assertThat(eval("cast", TemporalTypes.timestamp(0), arg(micros("2024-01-01 12:00:00.5"), TemporalTypes.timestamp(3))))
                .isEqualTo(micros("2024-01-01 12:00:01"));
        Object zoned = FunctionAssertions.evalConstants("cast", TemporalTypes.timestampWithTimeZone(3), arg("2024-01-01 12:00:00 +02:00", Types.VARCHAR),
                arg("UTC", Types.VARCHAR));
        assertThat(DateTimeValues.unpackMillis((Long) zoned)).isEqualTo(micros("2024-01-01 10:00:00") / 1000);
        assertThat(eval("cast", Types.VARCHAR, arg(zoned, TemporalTypes.timestampWithTimeZone(3))))
                .isEqualTo("2024-01-01 12:00:00.000 +02:00");
        assertThat(eval("cast", TemporalTypes.timestamp(3), arg(zoned, TemporalTypes.timestampWithTimeZone(3))))
                .isEqualTo(micros("2024-01-01 12:00:00"));
    }

    @Test
    void timesAndIntervalsAsText() {
        assertThat(eval("cast", TemporalTypes.time(3), arg("03:04:05.5", Types.VARCHAR)))
                .isEqualTo((3 * 3600 + 4 * 60 + 5) * DateTimeValues.PICOS_PER_SECOND + DateTimeValues.PICOS_PER_SECOND / 2);
        assertThat(eval("cast", Types.VARCHAR, arg(DateTimeValues.PICOS_PER_SECOND * 3661, TemporalTypes.time(0))))
                .isEqualTo("01:01:01");
        assertThat(eval("cast", Types.VARCHAR, arg(6 * DateTimeValues.MILLIS_PER_DAY, TemporalTypes.INTERVAL_DAY_TIME)))
                .isEqualTo("6 00:00:00.000");
        assertThat(eval("cast", Types.VARCHAR, arg(-14L, TemporalTypes.INTERVAL_YEAR_MONTH))).isEqualTo("-1-2");
    }
}
