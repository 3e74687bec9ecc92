package io.quarry.exec.function;

import static io.quarry.type.TimeWithTimeZoneType.NANOS_PER_DAY;
import static io.quarry.type.TimeWithTimeZoneType.NANOS_PER_MINUTE;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.DateTimeValues;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.TimeType;
import io.quarry.type.TimeWithTimeZoneType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The operations of {@code time(p) with time zone} (see {@link TimeWithTimeZoneType} for the packed long): casts from
 * and to text, time, timestamp and timestamp with time zone with Trino's rules, comparisons by the UTC time of day,
 * the fields, date_add, date_diff, date_trunc, at_timezone and ± interval day to second.
 */
final class TimeWithTimeZoneFunctions {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private TimeWithTimeZoneFunctions() {}

    /** The kernel of a call about time with time zone, or null when the call is not one. */
    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Expression> arguments = call.arguments();
        List<Type> types = arguments.stream().map(Expression::type).toList();
        Type result = call.type();
        boolean involved = result instanceof TimeWithTimeZoneType || types.stream().anyMatch(TimeWithTimeZoneType.class::isInstance);
        if (!involved) {
            return null;
        }
        if (types.stream().anyMatch(UnknownType.class::isInstance) && !name.equals("cast") && !name.equals("try_cast")
                && !name.equals("is_distinct_from")) {
            return (blocks, count) -> Blocks.nulls(result, count);
        }
        return switch (name) {
            case "cast", "try_cast" -> cast(types.get(0), result, name.equals("try_cast"), zoneArgument(arguments));
            case "equal", "not_equal", "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal",
                    "is_distinct_from" -> comparison(name, types);
            case "hour" -> Kernels.longToLong(packed -> TimeWithTimeZoneType.nanos(packed) / NANOS_PER_HOUR);
            case "minute" -> Kernels.longToLong(packed -> TimeWithTimeZoneType.nanos(packed) / NANOS_PER_MINUTE % 60);
            case "second" -> Kernels.longToLong(packed -> TimeWithTimeZoneType.nanos(packed) / NANOS_PER_SECOND % 60);
            case "millisecond" -> Kernels.longToLong(packed -> TimeWithTimeZoneType.nanos(packed) / NANOS_PER_MILLI % 1000);
            case "timezone_hour" -> Kernels.longToLong(packed -> TimeWithTimeZoneType.offsetMinutes(packed) / 60);
            case "timezone_minute" -> Kernels.longToLong(packed -> TimeWithTimeZoneType.offsetMinutes(packed) % 60);
            case "timezone" -> Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                    out.appendString(TimeWithTimeZoneType.offsetText(TimeWithTimeZoneType.offsetMinutes(Kernels.longAt(blocks[0], position)))));
            case "date_add" -> dateAdd(arguments);
            case "date_diff" -> dateDiff(arguments);
            case "date_trunc" -> dateTrunc(arguments);
            case "at_timezone" -> atTimeZone(types, result);
            case "add", "subtract" -> plusInterval(name, types);
            // date parts and conversions of a point in time: Trino has them not for a time of day
            case "year", "month", "day", "day_of_month", "quarter", "week", "week_of_year", "day_of_week", "dow", "day_of_year",
                    "doy", "year_of_week", "yow", "last_day_of_month", "to_unixtime", "to_iso8601", "format_datetime",
                    "date_format", "with_timezone", "date" -> throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", types.stream().map(Type::displayName).toList()) + ") for function " + name);
            case "multiply", "divide", "negate" -> throw Functions.unsupported(name, types);
            // the rest (greatest, least, array constructors, …) handle it as its stored long, which orders as the values do
            default -> null;
        };
    }

    private static ZoneId zoneArgument(List<Expression> arguments) {
        if (arguments.size() == 2 && arguments.get(1) instanceof Constant constant && constant.value() instanceof String zone) {
            return TemporalCasts.parseZone(zone);
        }
        return ZoneOffset.UTC;
    }

    // ---- casts ----

    static ScalarKernel cast(Type source, Type target, boolean tryCast, ZoneId sessionZone) {
        if (source instanceof UnknownType) {
            return (arguments, count) -> Blocks.nulls(target, count);
        }
        ScalarKernel kernel = castKernel(source, target, sessionZone);
        if (kernel == null) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + target.displayName());
        }
        if (!tryCast) {
            return kernel;
        }
        return (arguments, count) -> {
            BlockBuilder out = BlockBuilder.create(target, count);
            for (int i = 0; i < count; i++) {
                try {
                    out.append(kernel.apply(new Block[] {arguments[0].region(i, 1)}, 1), 0);
                } catch (QuarryException e) {
                    out.appendNull();
                }
            }
            return out.build();
        };
    }

    private static ScalarKernel castKernel(Type source, Type target, ZoneId sessionZone) {
        // the date a time of day is placed on: the current date in the session's zone, as in Trino
        LocalDate today = LocalDate.now(sessionZone);
        if (source instanceof TimeWithTimeZoneType zoned) {
            if (target instanceof VarcharType) {
                int precision = zoned.precision();
                return Kernels.rows(target, (blocks, position, out) ->
                        out.appendString(TimeWithTimeZoneType.format(Kernels.longAt(blocks[0], position), precision)));
            }
            if (target instanceof TimeWithTimeZoneType to) {
                int precision = to.precision();
                return Kernels.longToLong(packed ->
                        TimeWithTimeZoneType.pack(round(TimeWithTimeZoneType.nanos(packed), precision), TimeWithTimeZoneType.offsetMinutes(packed)));
            }
            if (target instanceof TimeType time) {
                int precision = Math.min(time.precision(), 9);
                return Kernels.longToLong(packed -> Math.floorMod(round(TimeWithTimeZoneType.nanos(packed), precision), NANOS_PER_DAY) * 1_000L);
            }
            if (target instanceof TimestampType timestamp) {
                long dayMicros = today.toEpochDay() * DateTimeValues.MICROS_PER_DAY;
                int precision = timestamp.precision();
                return Kernels.longToLong(packed ->
                        DateTimeValues.roundMicros(dayMicros + TimeWithTimeZoneType.nanos(packed) / 1_000L, precision));
            }
            if (target instanceof TimestampWithTimeZoneType timestamp) {
                // the UTC time of day on the current UTC date, shown at the value's offset
                long dayMillis = today.toEpochDay() * DateTimeValues.MILLIS_PER_DAY;
                int precision = Math.min(timestamp.precision(), 3);
                return Kernels.longToLong(packed -> {
                    long nanos = round(TimeWithTimeZoneType.utcNanos(packed), precision);
                    int zoneKey = DateTimeValues.zoneKey(ZoneOffset.ofTotalSeconds(TimeWithTimeZoneType.offsetMinutes(packed) * 60));
                    return DateTimeValues.packWithZone(dayMillis + nanos / NANOS_PER_MILLI, zoneKey);
                });
            }
            return null;
        }
        TimeWithTimeZoneType to = (TimeWithTimeZoneType) target;
        int precision = to.precision();
        if (source instanceof VarcharType) {
            return Kernels.rows(target, (blocks, position, out) ->
                    out.appendLong(fromText(Kernels.string(blocks[0], position), precision, sessionZone)));
        }
        if (source instanceof CharType) {
            return null;
        }
        int sessionOffset = offsetMinutes(sessionZone, Instant.now());
        if (source instanceof TimeType) {
            return Kernels.longToLong(picos -> TimeWithTimeZoneType.pack(round(picos / 1_000L, precision), sessionOffset));
        }
        if (source instanceof TimestampType) {
            return Kernels.longToLong(micros -> {
                long epochSeconds = Math.floorDiv(micros, DateTimeValues.MICROS_PER_SECOND);
                int offset = sessionZone.getRules().getOffset(java.time.LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC))
                        .getTotalSeconds() / 60;
                return TimeWithTimeZoneType.pack(round(Math.floorMod(micros, DateTimeValues.MICROS_PER_DAY) * 1_000L, precision), offset);
            });
        }
        if (source instanceof TimestampWithTimeZoneType) {
            return Kernels.longToLong(packed -> {
                long millis = DateTimeValues.unpackMillis(packed);
                ZoneId zone = DateTimeValues.zone(DateTimeValues.unpackZoneKey(packed));
                int offset = offsetMinutes(zone, Instant.ofEpochMilli(millis));
                long local = Math.floorMod(millis + offset * 60_000L, DateTimeValues.MILLIS_PER_DAY) * NANOS_PER_MILLI;
                return TimeWithTimeZoneType.pack(round(local, precision), offset);
            });
        }
        return null;
    }

    private static int offsetMinutes(ZoneId zone, Instant instant) {
        return zone.getRules().getOffset(instant).getTotalSeconds() / 60;
    }

    /** Text with an offset, or a time alone at the session's current offset. */
    private static long fromText(String text, int precision, ZoneId sessionZone) {
        String stripped = text.strip();
        TimeWithTimeZoneType.Parsed parsed = TimeWithTimeZoneType.parse(stripped);
        if (parsed == null) {
            TimeWithTimeZoneType.Parsed local = TimeWithTimeZoneType.parse(stripped + " +00:00");
            if (local == null) {
                throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Value cannot be cast to time with time zone: " + text);
            }
            parsed = new TimeWithTimeZoneType.Parsed(local.nanosOfDay(), local.extraDigits(), local.fractionDigits(),
                    offsetMinutes(sessionZone, Instant.now()));
        }
        return parsed.round(precision);
    }

    /** Nanoseconds rounded half up to {@code precision} fraction digits (not wrapped). */
    private static long round(long nanos, int precision) {
        if (precision >= 9) {
            return nanos;
        }
        long unit = 1;
        for (int i = precision; i < 9; i++) {
            unit *= 10;
        }
        return Math.floorDiv(nanos + unit / 2, unit) * unit;
    }

    // ---- comparisons ----

    private static ScalarKernel comparison(String name, List<Type> types) {
        if (types.size() != 2 || !(types.get(0) instanceof TimeWithTimeZoneType) || !(types.get(1) instanceof TimeWithTimeZoneType)) {
            throw Functions.unsupported(name, types);
        }
        Comparisons.Operator operator = Comparisons.Operator.valueOf(name.toUpperCase(Locale.ROOT));
        return Comparisons.byLongKey(operator, TimeWithTimeZoneType::utcNanos);
    }

    // ---- date_add, date_diff, date_trunc ----

    private static long unitNanos(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "millisecond" -> NANOS_PER_MILLI;
            case "second" -> NANOS_PER_SECOND;
            case "minute" -> NANOS_PER_MINUTE;
            case "hour" -> NANOS_PER_HOUR;
            default -> throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + unit + "' is not a valid TIME field");
        };
    }

    private static ScalarKernel dateAdd(List<Expression> arguments) {
        Type result = arguments.get(2).type();
        int precision = ((TimeWithTimeZoneType) result).precision();
        return Kernels.rows(result, (blocks, position, out) -> {
            long unit = unitNanos(Kernels.string(blocks[0], position));
            long amount = Kernels.longAt(blocks[1], position);
            long packed = Kernels.longAt(blocks[2], position);
            // only the amount modulo a day matters: the time wraps
            // the sum is kept at the value's precision, rounded as a cast would
            long nanos = round(TimeWithTimeZoneType.nanos(packed) + Math.floorMod(amount, NANOS_PER_DAY / unit) * unit, precision);
            out.appendLong(TimeWithTimeZoneType.pack(nanos, TimeWithTimeZoneType.offsetMinutes(packed)));
        });
    }

    private static ScalarKernel dateDiff(List<Expression> arguments) {
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            long unit = unitNanos(Kernels.string(blocks[0], position));
            long from = TimeWithTimeZoneType.utcNanos(Kernels.longAt(blocks[1], position));
            long to = TimeWithTimeZoneType.utcNanos(Kernels.longAt(blocks[2], position));
            out.appendLong((to - from) / unit);
        });
    }

    private static ScalarKernel dateTrunc(List<Expression> arguments) {
        Type result = arguments.get(1).type();
        return Kernels.rows(result, (blocks, position, out) -> {
            long unit = unitNanos(Kernels.string(blocks[0], position));
            long packed = Kernels.longAt(blocks[1], position);
            long nanos = TimeWithTimeZoneType.nanos(packed) / unit * unit;
            out.appendLong(TimeWithTimeZoneType.pack(nanos, TimeWithTimeZoneType.offsetMinutes(packed)));
        });
    }

    // ---- at_timezone, ± interval ----

    private static ScalarKernel atTimeZone(List<Type> types, Type result) {
        if (types.size() != 2 || !(types.get(0) instanceof TimeWithTimeZoneType)) {
            throw Functions.unsupported("at_timezone", types);
        }
        if (types.get(1) instanceof IntervalDayTimeType) {
            return Kernels.longsToLong((packed, millis) -> shifted(packed, checkedOffset(millis / 60_000)));
        }
        return Kernels.rows(result, (blocks, position, out) -> {
            String zoneName = Kernels.string(blocks[1], position);
            int offset;
            try {
                offset = offsetMinutes(TemporalCasts.parseZone(zoneName), Instant.now());
            } catch (DateTimeException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + zoneName + "' is not a valid time zone");
            }
            out.appendLong(shifted(Kernels.longAt(blocks[0], position), offset));
        });
    }

    private static long checkedOffset(long minutes) {
        if (Math.abs(minutes) > TimeWithTimeZoneType.MAX_OFFSET_MINUTES) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid offset minutes " + minutes);
        }
        return minutes;
    }

    /** The same UTC time of day seen at another offset. */
    private static long shifted(long packed, long offsetMinutes) {
        long nanos = TimeWithTimeZoneType.utcNanos(packed) + offsetMinutes * NANOS_PER_MINUTE;
        return TimeWithTimeZoneType.pack(nanos, (int) offsetMinutes);
    }

    private static ScalarKernel plusInterval(String name, List<Type> types) {
        if (name.equals("subtract") && types.size() == 2 && types.get(1) instanceof TimeWithTimeZoneType) {
            // the difference of the UTC times of day, rounded to the millisecond
            return Kernels.longsToLong((left, right) -> Math.floorDiv(
                    TimeWithTimeZoneType.utcNanos(left) - TimeWithTimeZoneType.utcNanos(right) + NANOS_PER_MILLI / 2, NANOS_PER_MILLI));
        }
        boolean valueFirst = types.get(0) instanceof TimeWithTimeZoneType;
        Type interval = valueFirst ? types.get(1) : types.get(0);
        if (types.size() != 2 || !(interval instanceof IntervalDayTimeType) || (!valueFirst && name.equals("subtract"))) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot apply operator: " + types.get(0).displayName()
                    + (name.equals("add") ? " + " : " - ") + types.get(1).displayName());
        }
        long sign = name.equals("add") ? 1 : -1;
        return Kernels.longsToLong((first, second) -> {
            long packed = valueFirst ? first : second;
            long millis = valueFirst ? second : first;
            long nanos = TimeWithTimeZoneType.nanos(packed) + Math.floorMod(sign * millis, DateTimeValues.MILLIS_PER_DAY) * NANOS_PER_MILLI;
            return TimeWithTimeZoneType.pack(nanos, TimeWithTimeZoneType.offsetMinutes(packed));
        });
    }
}
