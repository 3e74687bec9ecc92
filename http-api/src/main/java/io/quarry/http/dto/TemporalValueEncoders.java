package io.quarry.http.dto;

import io.quarry.block.LongBlock;
import io.quarry.type.DateTimeValues;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;

/**
 * JSON encodings of date-time and interval values for clients without parametric date-time support, as
 * Trino sends them: to the millisecond ({@code "2024-01-02 03:04:05.000"}, {@code "… UTC"}), intervals as
 * {@code "6 00:00:00.000"} and {@code "0-2"}.
 */
final class TemporalValueEncoders {
    private static final int LEGACY_PRECISION = 3;
    private static final long PICOS_PER_MILLI = 1_000_000_000L;

    private TemporalValueEncoders() {}

    static ValueEncoder forType(Type type) {
        if (type instanceof TimestampType) {
            return (generator, block, position) -> generator.writeString(
                    DateTimeValues.formatTimestamp(((LongBlock) block).getLong(position), LEGACY_PRECISION));
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return (generator, block, position) -> generator.writeString(
                    DateTimeValues.formatTimestampWithZone(((LongBlock) block).getLong(position), LEGACY_PRECISION));
        }
        if (type instanceof TimeType) {
            return (generator, block, position) -> {
                long picos = ((LongBlock) block).getLong(position);
                long rounded = (picos + PICOS_PER_MILLI / 2) / PICOS_PER_MILLI * PICOS_PER_MILLI % DateTimeValues.PICOS_PER_DAY;
                generator.writeString(DateTimeValues.formatTime(rounded, LEGACY_PRECISION));
            };
        }
        if (type instanceof IntervalDayTimeType) {
            return (generator, block, position) -> generator.writeString(
                    DateTimeValues.formatIntervalDayTime(((LongBlock) block).getLong(position)));
        }
        if (type instanceof IntervalYearMonthType) {
            return (generator, block, position) -> generator.writeString(
                    DateTimeValues.formatIntervalYearMonth(((LongBlock) block).getLong(position)));
        }
        throw new IllegalArgumentException("No JSON encoding for type " + type);
    }
}
