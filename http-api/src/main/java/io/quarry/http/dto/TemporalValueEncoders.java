package io.quarry.http.dto;

import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.type.DateTimeValues;
import io.quarry.type.FractionalSeconds;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.TimeType;
import io.quarry.type.TimeWithTimeZoneType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;

/**
 * JSON encodings of date-time and interval values as Trino sends them: at the type's precision to clients with the
 * {@code PARAMETRIC_DATETIME} capability; to others to the millisecond ({@code "2024-01-02 03:04:05.000"}, {@code "… UTC"}), intervals as
 * {@code "6 00:00:00.000"} and {@code "0-2"}.
 */
final class TemporalValueEncoders {
    private static final int LEGACY_PRECISION = 3;
    private static final long PICOS_PER_MILLI = 1_000_000_000L;

    private TemporalValueEncoders() {}

    static ValueEncoder forType(Type type, boolean parametricDatetime) {
        if (type instanceof TimestampType timestamp && timestamp.isLong()) {
            int precision = parametricDatetime ? timestamp.precision() : LEGACY_PRECISION;
            return (generator, block, position) -> {
                Int128Block values = (Int128Block) block;
                FractionalSeconds time = FractionalSeconds.ofMicros(values.getHigh(position), values.getLow(position)).round(precision);
                generator.writeString(DateTimeValues.formatLongTimestamp(time.micros(), time.picosOfMicro(), precision));
            };
        }
        if (type instanceof TimestampType timestamp) {
            int precision = parametricDatetime ? timestamp.precision() : LEGACY_PRECISION;
            return (generator, block, position) -> generator.writeString(
                    DateTimeValues.formatTimestamp(((LongBlock) block).getLong(position), precision));
        }
        if (type instanceof TimestampWithTimeZoneType timestamp && timestamp.isLong()) {
            int precision = parametricDatetime ? timestamp.precision() : LEGACY_PRECISION;
            return (generator, block, position) -> {
                Int128Block values = (Int128Block) block;
                long packed = values.getHigh(position);
                FractionalSeconds time = FractionalSeconds.ofMillis(DateTimeValues.unpackMillis(packed), values.getLow(position)).round(precision);
                generator.writeString(DateTimeValues.formatLongTimestampWithZone(
                        DateTimeValues.packWithZone(time.millis(), DateTimeValues.unpackZoneKey(packed)), time.picosOfMilli(), precision));
            };
        }
        if (type instanceof TimestampWithTimeZoneType timestamp) {
            int precision = parametricDatetime ? timestamp.precision() : LEGACY_PRECISION;
            return (generator, block, position) -> generator.writeString(
                    DateTimeValues.formatTimestampWithZone(((LongBlock) block).getLong(position), precision));
        }
        if (type instanceof TimeType time && parametricDatetime) {
            int precision = time.precision();
            return (generator, block, position) ->
                    generator.writeString(DateTimeValues.formatTime(((LongBlock) block).getLong(position), precision));
        }
        if (type instanceof TimeType) {
            return (generator, block, position) -> {
                long picos = ((LongBlock) block).getLong(position);
                long rounded = (picos + PICOS_PER_MILLI / 2) / PICOS_PER_MILLI * PICOS_PER_MILLI % DateTimeValues.PICOS_PER_DAY;
                generator.writeString(DateTimeValues.formatTime(rounded, LEGACY_PRECISION));
            };
        }
        if (type instanceof TimeWithTimeZoneType time) {
            int precision = parametricDatetime ? time.precision() : LEGACY_PRECISION;
            return (generator, block, position) -> {
                long picos;
                int offset;
                if (block instanceof Int128Block pair) {
                    picos = TimeWithTimeZoneType.localPicosOfLong(pair.getHigh(position), pair.getLow(position));
                    offset = TimeWithTimeZoneType.offsetOfTail(pair.getLow(position));
                } else {
                    long packed = ((LongBlock) block).getLong(position);
                    picos = TimeWithTimeZoneType.nanos(packed) * 1_000L;
                    offset = TimeWithTimeZoneType.offsetMinutes(packed);
                }
                // legacy clients see the time rounded half up to the millisecond, wrapped at midnight
                generator.writeString(DateTimeValues.formatTime(TimeWithTimeZoneType.roundPicos(picos, precision), precision)
                        + TimeWithTimeZoneType.offsetText(offset));
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
