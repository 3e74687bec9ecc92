package io.quarry.exec.function;

import static io.quarry.exec.function.Kernels.rowsOfFirst;

import static io.quarry.type.FractionalSeconds.PICOS_PER_SECOND;
import static io.quarry.type.TimeWithTimeZoneType.PICOS_PER_DAY;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.DateTimeValues;
import io.quarry.type.FractionalSeconds;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The operations of {@code time(p) with time zone} (see {@link TimeWithTimeZoneType} for the one- and two-long forms):
 * casts from and to text, time, timestamp and timestamp with time zone with Trino's rules, comparisons by the UTC time
 * of day, the fields, date_add, date_diff, date_trunc, at_timezone and ± interval day to second. Every kernel reads a
 * value as its local time of day in picoseconds and its offset, and writes one rounded half up to the result's
 * precision, so the two forms share one code path.
 */
final class TimeWithTimeZoneFunctions {
    private static final long PICOS_PER_MILLI = 1_000_000_000L;
    private static final long PICOS_PER_MINUTE = 60 * PICOS_PER_SECOND;
    private static final long PICOS_PER_HOUR = 60 * PICOS_PER_MINUTE;
    private static final long SECONDS_PER_DAY = 86_400;

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
            case "hour" -> field(PICOS_PER_HOUR, 24);
            case "minute" -> field(PICOS_PER_MINUTE, 60);
            case "second" -> field(PICOS_PER_SECOND, 60);
            case "millisecond" -> field(PICOS_PER_MILLI, 1000);
            case "timezone_hour" -> Kernels.rows(Types.BIGINT, (blocks, position, out) -> out.appendLong(offset(blocks[0], position) / 60));
            case "timezone_minute" -> Kernels.rows(Types.BIGINT, (blocks, position, out) -> out.appendLong(offset(blocks[0], position) % 60));
            case "timezone" -> Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                    out.appendString(TimeWithTimeZoneType.offsetText(offset(blocks[0], position))));
            case "date_add" -> dateAdd(arguments);
            case "date_diff" -> dateDiff();
            case "date_trunc" -> dateTrunc(arguments);
            case "at_timezone" -> atTimeZone(types, result);
            case "add", "subtract" -> plusInterval(name, types, result);
            // date parts and conversions of a point in time: Trino has them not for a time of day
            case "year", "month", "day", "day_of_month", "quarter", "week", "week_of_year", "day_of_week", "dow", "day_of_year",
                    "doy", "year_of_week", "yow", "last_day_of_month", "to_unixtime", "to_iso8601", "format_datetime",
                    "date_format", "with_timezone", "date" -> throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", types.stream().map(Type::displayName).toList()) + ") for function " + name);
            case "multiply", "divide", "negate" -> throw Functions.unsupported(name, types);
            // the rest (greatest, least, array constructors, …) handle it as its stored form, which orders as the values do
            default -> null;
        };
    }

    private static ZoneId zoneArgument(List<Expression> arguments) {
        if (arguments.size() == 2 && arguments.get(1) instanceof Constant constant && constant.value() instanceof String zone) {
            return TemporalCasts.parseZone(zone);
        }
        return ZoneOffset.UTC;
    }

    // ---- values of either form ----

    /** The local time of day in picoseconds of a value of either form. */
    private static long localPicos(Block block, int position) {
        if (block instanceof Int128Block pair) {
            return TimeWithTimeZoneType.localPicosOfLong(pair.getHigh(position), pair.getLow(position));
        }
        return TimeWithTimeZoneType.nanos(((LongBlock) block).getLong(position)) * 1_000L;
    }

    /** The UTC time of day in picoseconds of a value of either form: what values compare by. */
    private static long utcPicos(Block block, int position) {
        if (block instanceof Int128Block pair) {
            return pair.getHigh(position);
        }
        return TimeWithTimeZoneType.utcNanos(((LongBlock) block).getLong(position)) * 1_000L;
    }

    private static int offset(Block block, int position) {
        if (block instanceof Int128Block pair) {
            return TimeWithTimeZoneType.offsetOfTail(pair.getLow(position));
        }
        return TimeWithTimeZoneType.offsetMinutes(((LongBlock) block).getLong(position));
    }

    /** Appends a local time of day in picoseconds (any long) at an offset, rounded half up to the type's precision. */
    private static void append(TimeWithTimeZoneType type, long localPicos, int offsetMinutes, BlockBuilder out) {
        long picos = TimeWithTimeZoneType.roundPicos(localPicos, type.precision());
        if (type.isLong()) {
            out.appendInt128(TimeWithTimeZoneType.utcPicosOf(picos, offsetMinutes), TimeWithTimeZoneType.offsetTail(offsetMinutes));
        } else {
            out.appendLong(TimeWithTimeZoneType.pack(picos / 1_000L, offsetMinutes));
        }
    }

    private static ScalarKernel field(long unitPicos, long modulus) {
        return rowsOfFirst(Types.BIGINT, (block, position, out) -> out.appendLong(localPicos(block, position) / unitPicos % modulus));
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
        long todaySeconds = LocalDate.now(sessionZone).toEpochDay() * SECONDS_PER_DAY;
        if (source instanceof TimeWithTimeZoneType zoned) {
            if (target instanceof VarcharType varchar) {
                int precision = zoned.precision();
                return rowsOfFirst(target, (block, position, out) -> {
                    String text = DateTimeValues.formatTime(localPicos(block, position), precision)
                            + TimeWithTimeZoneType.offsetText(offset(block, position));
                    if (!varchar.isUnbounded() && text.length() > varchar.length()) {
                        // Trino fails here too, with an internal error
                        throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Character count exceeds length limit " + varchar.length());
                    }
                    out.appendString(text);
                });
            }
            if (target instanceof TimeWithTimeZoneType to) {
                return rowsOfFirst(target, (block, position, out) -> append(to, localPicos(block, position), offset(block, position), out));
            }
            if (target instanceof TimeType time) {
                int precision = time.precision();
                return rowsOfFirst(target, (block, position, out) ->
                        out.appendLong(TimeWithTimeZoneType.roundPicos(localPicos(block, position), precision)));
            }
            if (target instanceof TimestampType timestamp) {
                return rowsOfFirst(target, (block, position, out) ->
                        LongTimestamps.appendTimestamp(timestamp, onDay(todaySeconds, localPicos(block, position)), out));
            }
            if (target instanceof TimestampWithTimeZoneType timestamp) {
                // the UTC time of day on the current date, shown at the value's offset; rounding wraps at midnight
                int precision = timestamp.precision();
                return rowsOfFirst(target, (block, position, out) -> {
                    int zoneKey = DateTimeValues.zoneKey(ZoneOffset.ofTotalSeconds(offset(block, position) * 60));
                    long utc = TimeWithTimeZoneType.roundPicos(utcPicos(block, position), precision);
                    LongTimestamps.appendZoned(timestamp, onDay(todaySeconds, utc), zoneKey, out);
                });
            }
            return null;
        }
        TimeWithTimeZoneType to = (TimeWithTimeZoneType) target;
        if (source instanceof VarcharType) {
            return rowsOfFirst(target, (block, position, out) -> appendText(Kernels.string(block, position), to, sessionZone, out));
        }
        if (source instanceof CharType) {
            return null;
        }
        int sessionOffset = offsetMinutes(sessionZone, Instant.now());
        if (source instanceof TimeType) {
            return rowsOfFirst(target, (block, position, out) -> append(to, ((LongBlock) block).getLong(position), sessionOffset, out));
        }
        if (source instanceof TimestampType) {
            return rowsOfFirst(target, (block, position, out) -> {
                FractionalSeconds local = LongTimestamps.time(source, block, position);
                int offset = sessionZone.getRules().getOffset(LocalDateTime.ofEpochSecond(local.seconds(), 0, ZoneOffset.UTC))
                        .getTotalSeconds() / 60;
                append(to, picosOfDay(local), offset, out);
            });
        }
        if (source instanceof TimestampWithTimeZoneType) {
            return rowsOfFirst(target, (block, position, out) -> {
                FractionalSeconds instant = LongTimestamps.time(source, block, position);
                ZoneId zone = DateTimeValues.zone(LongTimestamps.zoneKey(block, position));
                int offset = offsetMinutes(zone, Instant.ofEpochSecond(instant.seconds()));
                append(to, picosOfDay(new FractionalSeconds(instant.seconds() + offset * 60L, instant.picos())), offset, out);
            });
        }
        return null;
    }

    /** A time of day in picoseconds on the day starting at {@code daySeconds}; a rounded time may reach the next day. */
    private static FractionalSeconds onDay(long daySeconds, long picosOfDay) {
        return new FractionalSeconds(daySeconds + picosOfDay / PICOS_PER_SECOND, picosOfDay % PICOS_PER_SECOND);
    }

    private static long picosOfDay(FractionalSeconds time) {
        return Math.floorMod(time.seconds(), SECONDS_PER_DAY) * PICOS_PER_SECOND + time.picos();
    }

    private static int offsetMinutes(ZoneId zone, Instant instant) {
        return zone.getRules().getOffset(instant).getTotalSeconds() / 60;
    }

    /** Text with an offset, or a time alone at the session's current offset. */
    private static void appendText(String text, TimeWithTimeZoneType type, ZoneId sessionZone, BlockBuilder out) {
        String stripped = text.strip();
        TimeWithTimeZoneType.Parsed parsed = TimeWithTimeZoneType.parse(stripped);
        int offset;
        if (parsed != null) {
            offset = parsed.offsetMinutes();
        } else {
            parsed = TimeWithTimeZoneType.parse(stripped + " +00:00");
            if (parsed == null) {
                throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Value cannot be cast to time with time zone: " + text);
            }
            offset = offsetMinutes(sessionZone, Instant.now());
        }
        if (parsed.fractionDigits() > TimeWithTimeZoneType.MAX_PRECISION) {
            throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Value cannot be cast to time with time zone: " + text);
        }
        append(type, parsed.roundedPicos(type.precision()), offset, out);
    }

    // ---- comparisons ----

    private static ScalarKernel comparison(String name, List<Type> types) {
        if (types.size() != 2 || !(types.get(0) instanceof TimeWithTimeZoneType) || !(types.get(1) instanceof TimeWithTimeZoneType)) {
            throw Functions.unsupported(name, types);
        }
        Comparisons.Operator operator = Comparisons.Operator.valueOf(name.toUpperCase(Locale.ROOT));
        return Comparisons.byPosition(operator, (arguments, position) ->
                Long.compare(utcPicos(arguments[0], position), utcPicos(arguments[1], position)));
    }

    // ---- date_add, date_diff, date_trunc ----

    private static long unitPicos(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "millisecond" -> PICOS_PER_MILLI;
            case "second" -> PICOS_PER_SECOND;
            case "minute" -> PICOS_PER_MINUTE;
            case "hour" -> PICOS_PER_HOUR;
            default -> throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + unit + "' is not a valid TIME field");
        };
    }

    private static ScalarKernel dateAdd(List<Expression> arguments) {
        TimeWithTimeZoneType result = (TimeWithTimeZoneType) arguments.get(2).type();
        return Kernels.rows(result, (blocks, position, out) -> {
            long unit = unitPicos(Kernels.string(blocks[0], position));
            long amount = Kernels.longAt(blocks[1], position);
            // only the amount modulo a day matters: the time wraps
            long picos = localPicos(blocks[2], position) + Math.floorMod(amount, PICOS_PER_DAY / unit) * unit;
            append(result, picos, offset(blocks[2], position), out);
        });
    }

    private static ScalarKernel dateDiff() {
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            long unit = unitPicos(Kernels.string(blocks[0], position));
            out.appendLong((utcPicos(blocks[2], position) - utcPicos(blocks[1], position)) / unit);
        });
    }

    private static ScalarKernel dateTrunc(List<Expression> arguments) {
        TimeWithTimeZoneType result = (TimeWithTimeZoneType) arguments.get(1).type();
        return Kernels.rows(result, (blocks, position, out) -> {
            long unit = unitPicos(Kernels.string(blocks[0], position));
            append(result, localPicos(blocks[1], position) / unit * unit, offset(blocks[1], position), out);
        });
    }

    // ---- at_timezone, ± interval ----

    private static ScalarKernel atTimeZone(List<Type> types, Type result) {
        if (types.size() != 2 || !(types.get(0) instanceof TimeWithTimeZoneType)) {
            throw Functions.unsupported("at_timezone", types);
        }
        TimeWithTimeZoneType zoned = (TimeWithTimeZoneType) result;
        if (types.get(1) instanceof IntervalDayTimeType) {
            return Kernels.rows(result, (blocks, position, out) ->
                    appendShifted(zoned, blocks[0], position, checkedOffset(Kernels.longAt(blocks[1], position) / 60_000), out));
        }
        return Kernels.rows(result, (blocks, position, out) -> {
            String zoneName = Kernels.string(blocks[1], position);
            int offset;
            try {
                offset = offsetMinutes(TemporalCasts.parseZone(zoneName), Instant.now());
            } catch (DateTimeException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'" + zoneName + "' is not a valid time zone");
            }
            appendShifted(zoned, blocks[0], position, offset, out);
        });
    }

    private static int checkedOffset(long minutes) {
        if (Math.abs(minutes) > TimeWithTimeZoneType.MAX_OFFSET_MINUTES) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid offset minutes " + minutes);
        }
        return (int) minutes;
    }

    /** The same UTC time of day seen at another offset. */
    private static void appendShifted(TimeWithTimeZoneType type, Block block, int position, int offsetMinutes, BlockBuilder out) {
        append(type, utcPicos(block, position) + offsetMinutes * PICOS_PER_MINUTE, offsetMinutes, out);
    }

    private static ScalarKernel plusInterval(String name, List<Type> types, Type result) {
        if (name.equals("subtract") && types.size() == 2 && types.get(1) instanceof TimeWithTimeZoneType) {
            // the difference of the UTC times of day, rounded to the millisecond
            return Kernels.rows(result, (blocks, position, out) -> out.appendLong(Math.floorDiv(
                    utcPicos(blocks[0], position) - utcPicos(blocks[1], position) + PICOS_PER_MILLI / 2, PICOS_PER_MILLI)));
        }
        boolean valueFirst = types.get(0) instanceof TimeWithTimeZoneType;
        Type interval = valueFirst ? types.get(1) : types.get(0);
        if (types.size() != 2 || !(interval instanceof IntervalDayTimeType) || (!valueFirst && name.equals("subtract"))) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot apply operator: " + types.get(0).displayName()
                    + (name.equals("add") ? " + " : " - ") + types.get(1).displayName());
        }
        TimeWithTimeZoneType zoned = (TimeWithTimeZoneType) result;
        long sign = name.equals("add") ? 1 : -1;
        int value = valueFirst ? 0 : 1;
        return Kernels.rows(result, (blocks, position, out) -> {
            long millis = Kernels.longAt(blocks[1 - value], position);
            long picos = localPicos(blocks[value], position) + Math.floorMod(sign * millis, DateTimeValues.MILLIS_PER_DAY) * PICOS_PER_MILLI;
            append(zoned, picos, offset(blocks[value], position), out);
        });
    }
}
