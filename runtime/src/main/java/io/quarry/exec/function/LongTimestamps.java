package io.quarry.exec.function;

import static io.quarry.exec.function.Kernels.rowsOfFirst;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.DateTimeValues;
import io.quarry.type.DateType;
import io.quarry.type.FractionalSeconds;
import io.quarry.type.TemporalTypes;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.VarcharType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Timestamps of precision 7 to 12 and timestamps with time zone of precision 4 to 12, which take two longs (see
 * {@link TimestampType}, {@link TimestampWithTimeZoneType}). Casts and comparisons use every digit. Other functions
 * run as on the one-long form of the value, rounded down ({@link #narrowed}): what they compute does not depend on
 * the digits beyond it, or, for those that move a timestamp by whole milliseconds, the digits are carried over.
 */
final class LongTimestamps {
    private static final long SECONDS_PER_DAY = 86_400;
    /** Functions whose result is their timestamp argument moved by whole milliseconds or put in another zone. */
    private static final Set<String> MOVING = Set.of("add", "subtract", "date_add", "at_timezone");

    private LongTimestamps() {}

    static boolean isLong(Type type) {
        return type instanceof TimestampType timestamp && timestamp.isLong()
                || type instanceof TimestampWithTimeZoneType zoned && zoned.isLong();
    }

    /** The one-long type of the same kind: timestamp(6) or timestamp(3) with time zone for the long ones. */
    private static Type narrow(Type type) {
        if (type instanceof TimestampType timestamp && timestamp.isLong()) {
            return TemporalTypes.timestamp(TimestampType.MAX_SHORT_PRECISION);
        }
        if (type instanceof TimestampWithTimeZoneType zoned && zoned.isLong()) {
            return TemporalTypes.timestampWithTimeZone(TimestampWithTimeZoneType.MAX_SHORT_PRECISION);
        }
        return type;
    }

    // ---- values ----

    /** The first long of a value: the microseconds of a timestamp, the packed instant and zone of one with a zone. */
    private static long head(Block block, int position) {
        return block instanceof Int128Block pair ? pair.getHigh(position) : ((LongBlock) block).getLong(position);
    }

    /** The picoseconds beyond the first long: 0 for the one-long forms. */
    private static long tail(Block block, int position) {
        return block instanceof Int128Block pair ? pair.getLow(position) : 0;
    }

    /** A timestamp's local time, or a timestamp with time zone's instant, to the picosecond. */
    static FractionalSeconds time(Type type, Block block, int position) {
        if (type instanceof TimestampType) {
            return FractionalSeconds.ofMicros(head(block, position), tail(block, position));
        }
        return FractionalSeconds.ofMillis(DateTimeValues.unpackMillis(head(block, position)), tail(block, position));
    }

    /** The zone key of a timestamp with time zone of either form. */
    static int zoneKey(Block block, int position) {
        return DateTimeValues.unpackZoneKey(head(block, position));
    }

    static void appendTimestamp(TimestampType type, FractionalSeconds local, BlockBuilder out) {
        FractionalSeconds rounded = local.round(type.precision());
        if (type.isLong()) {
            out.appendInt128(rounded.micros(), rounded.picosOfMicro());
        } else {
            out.appendLong(rounded.micros());
        }
    }

    static void appendZoned(TimestampWithTimeZoneType type, FractionalSeconds instant, int zoneKey, BlockBuilder out) {
        FractionalSeconds rounded = instant.round(type.precision());
        long packed = DateTimeValues.packWithZone(TemporalLibrary.checkedMillis(rounded.millis()), zoneKey);
        if (type.isLong()) {
            out.appendInt128(packed, rounded.picosOfMilli());
        } else {
            out.appendLong(packed);
        }
    }

    /** The local time of an instant in a zone (zones move by whole seconds, so the fraction stays). */
    private static FractionalSeconds local(FractionalSeconds instant, int zoneKey) {
        long packed = DateTimeValues.packWithZone(instant.seconds() * 1_000, zoneKey);
        return new FractionalSeconds(Math.floorDiv(TemporalFunctions.zonedToLocalMicros(packed), 1_000_000L), instant.picos());
    }

    /** The instant of a local time in a zone, as the one-long casts choose it in gaps and overlaps. */
    private static FractionalSeconds instant(FractionalSeconds local, int zoneKey) {
        long packed = TemporalFunctions.localMicrosToZoned(local.seconds() * 1_000_000L, zoneKey);
        return new FractionalSeconds(Math.floorDiv(DateTimeValues.unpackMillis(packed), 1_000L), local.picos());
    }

    static String format(Type type, Block block, int position) {
        if (type instanceof TimestampType timestamp) {
            return timestamp.isLong()
                    ? DateTimeValues.formatLongTimestamp(head(block, position), tail(block, position), timestamp.precision())
                    : DateTimeValues.formatTimestamp(head(block, position), timestamp.precision());
        }
        TimestampWithTimeZoneType zoned = (TimestampWithTimeZoneType) type;
        return zoned.isLong()
                ? DateTimeValues.formatLongTimestampWithZone(head(block, position), tail(block, position), zoned.precision())
                : DateTimeValues.formatTimestampWithZone(head(block, position), zoned.precision());
    }

    // ---- casts ----

    /** A cast from or to a long timestamp, other than to text, or null when Trino has none. */
    static ScalarKernel cast(Type source, Type target, ZoneId sessionZone) {
        boolean timestampSource = source instanceof TimestampType || source instanceof TimestampWithTimeZoneType;
        int sessionZoneKey = DateTimeValues.zoneKey(sessionZone);
        if (source instanceof VarcharType) {
            return fromText(target, sessionZoneKey);
        }
        if (!timestampSource && !(source instanceof DateType) && !(source instanceof TimeType)) {
            return null;
        }
        long today = LocalDate.now(sessionZone).toEpochDay() * SECONDS_PER_DAY;
        if (target instanceof TimestampType timestamp) {
            return rowsOfFirst(target, (block, position, out) -> appendTimestamp(timestamp, local(source, block, position, today), out));
        }
        if (target instanceof TimestampWithTimeZoneType zoned) {
            return rowsOfFirst(target, (block, position, out) -> {
                if (source instanceof TimestampWithTimeZoneType) {
                    appendZoned(zoned, time(source, block, position), DateTimeValues.unpackZoneKey(head(block, position)), out);
                } else {
                    appendZoned(zoned, instant(local(source, block, position, today), sessionZoneKey), sessionZoneKey, out);
                }
            });
        }
        if (target instanceof TimeType time) {
            return rowsOfFirst(target, (block, position, out) -> {
                FractionalSeconds local = local(source, block, position, today).round(time.precision());
                out.appendLong(Math.floorMod(local.seconds(), SECONDS_PER_DAY) * FractionalSeconds.PICOS_PER_SECOND + local.picos());
            });
        }
        if (target instanceof DateType) {
            return rowsOfFirst(target, (block, position, out) ->
                    out.appendLong(Math.floorDiv(local(source, block, position, today).seconds(), SECONDS_PER_DAY)));
        }
        return null;
    }

    /** The local time of a value of a date-time type; a time is one of today. */
    private static FractionalSeconds local(Type type, Block block, int position, long todaySeconds) {
        if (type instanceof TimestampType) {
            return time(type, block, position);
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return local(time(type, block, position), DateTimeValues.unpackZoneKey(head(block, position)));
        }
        if (type instanceof DateType) {
            return new FractionalSeconds(head(block, position) * SECONDS_PER_DAY, 0);
        }
        long picos = head(block, position);
        return new FractionalSeconds(todaySeconds + picos / FractionalSeconds.PICOS_PER_SECOND, picos % FractionalSeconds.PICOS_PER_SECOND);
    }

    private static ScalarKernel fromText(Type target, int sessionZoneKey) {
        if (target instanceof TimestampType timestamp) {
            return rowsOfFirst(target, (block, position, out) -> {
                String text = Kernels.string(block, position);
                TemporalCasts.ParsedTimestamp parsed = TemporalCasts.parseTimestamp(text, target);
                if (!parsed.zone().isEmpty()) {
                    TemporalCasts.zoneKey(parsed.zone(), text, target); // a valid zone is read past, as Trino does
                }
                appendTimestamp(timestamp, parsed.local(), out);
            });
        }
        if (target instanceof TimestampWithTimeZoneType zoned) {
            return rowsOfFirst(target, (block, position, out) -> {
                String text = Kernels.string(block, position);
                TemporalCasts.ParsedTimestamp parsed = TemporalCasts.parseTimestamp(text, target);
                int zoneKey = parsed.zone().isEmpty() ? sessionZoneKey : TemporalCasts.zoneKey(parsed.zone(), text, target);
                appendZoned(zoned, instant(parsed.local(), zoneKey), zoneKey, out);
            });
        }
        return null;
    }

    // ---- comparisons ----

    /** A comparison of two timestamps (with time zone: of their instants) of which one or both are long. */
    static ScalarKernel comparison(Comparisons.Operator operator, Type left, Type right) {
        return Comparisons.byPosition(operator, (arguments, position) -> {
            int heads = left instanceof TimestampType
                    ? Long.compare(head(arguments[0], position), head(arguments[1], position))
                    : Long.compare(DateTimeValues.unpackMillis(head(arguments[0], position)),
                            DateTimeValues.unpackMillis(head(arguments[1], position)));
            return heads != 0 ? heads : Long.compare(tail(arguments[0], position), tail(arguments[1], position));
        });
    }

    // ---- other functions ----

    /** The kernel of a function that reads or writes every digit of a long timestamp, or null for others. */
    static ScalarKernel precise(Call call) {
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type type = types.isEmpty() ? null : types.get(0);
        Type result = call.type();
        return switch (call.function()) {
            case "to_unixtime" -> types.size() == 1 && isLong(type) ? rowsOfFirst(Types.DOUBLE, (block, position, out) -> {
                FractionalSeconds time = time(type, block, position);
                out.appendDouble(time.seconds() + time.picos() / (double) FractionalSeconds.PICOS_PER_SECOND);
            }) : null;
            case "to_iso8601" -> types.size() == 1 && isLong(type)
                    ? rowsOfFirst(Types.VARCHAR, (block, position, out) -> out.appendString(iso8601(type, block, position))) : null;
            case "with_timezone" -> types.size() == 2 && isLong(type) && result instanceof TimestampWithTimeZoneType zoned
                    ? Kernels.rows(result, (blocks, position, out) -> {
                        int zoneKey = TemporalFunctions.zoneKey(Kernels.string(blocks[1], position));
                        appendZoned(zoned, instant(time(type, blocks[0], position), zoneKey), zoneKey, out);
                    }) : null;
            case "from_iso8601_timestamp_nanos", "from_iso8601_timestamp" -> isLong(result) ? fromIso8601(call) : null;
            default -> null;
        };
    }

    private static ScalarKernel fromIso8601(Call call) {
        ZoneId sessionZone = TemporalLibrary.sessionZone(call.arguments(), 1);
        TimestampWithTimeZoneType type = (TimestampWithTimeZoneType) call.type();
        return Kernels.rows(type, (blocks, position, out) -> {
            java.time.ZonedDateTime time = TemporalLibrary.parseIso8601Time(Kernels.string(blocks[0], position), sessionZone);
            FractionalSeconds instant = new FractionalSeconds(time.toEpochSecond(), time.getNano() * 1_000L);
            appendZoned(type, instant, DateTimeValues.zoneKey(time.getZone()), out);
        });
    }

    /** {@code 2020-01-02T03:04:05.123456789}, with a zone's offset after it ({@code Z} for UTC). */
    private static String iso8601(Type type, Block block, int position) {
        if (type instanceof TimestampType) {
            return format(type, block, position).replace(' ', 'T');
        }
        FractionalSeconds instant = time(type, block, position);
        java.time.ZonedDateTime zoned = java.time.Instant.ofEpochSecond(instant.seconds())
                .atZone(DateTimeValues.zone(DateTimeValues.unpackZoneKey(head(block, position))));
        return ISO_SECONDS.format(zoned) + instant.fractionText(((TimestampWithTimeZoneType) type).precision()) + ISO_OFFSET.format(zoned);
    }

    private static final java.time.format.DateTimeFormatter ISO_SECONDS = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final java.time.format.DateTimeFormatter ISO_OFFSET = java.time.format.DateTimeFormatter.ofPattern("XXX");

    /**
     * The kernel of a call with long timestamps among its arguments or as its result: the kernel of the same call on
     * the one-long forms, with the argument values rounded down to them, and a long result made of the one-long
     * result and either the digits beyond it of the moved argument (a function of {@link #MOVING}) or zeros.
     */
    static ScalarKernel narrowed(Call call, Function<Call, ScalarKernel> resolver) {
        List<Expression> arguments = call.arguments().stream()
                .map(argument -> isLong(argument.type()) ? (Expression) new Call("cast", List.of(argument), narrow(argument.type())) : argument)
                .toList();
        ScalarKernel kernel = resolver.apply(new Call(call.function(), arguments, narrow(call.type())));
        Type result = call.type();
        int carried = MOVING.contains(call.function()) && isLong(result)
                ? call.arguments().stream().map(Expression::type).toList().indexOf(result) : -1;
        return (blocks, count) -> {
            Block[] narrowBlocks = blocks.clone();
            for (int i = 0; i < blocks.length; i++) {
                if (isLong(call.arguments().get(i).type())) {
                    narrowBlocks[i] = heads(EncodedBlocks.flatten(blocks[i]));
                }
            }
            Block out = kernel.apply(narrowBlocks, count);
            if (!isLong(result)) {
                return out;
            }
            Block flat = EncodedBlocks.flatten(out);
            Block tails = carried >= 0 ? EncodedBlocks.flatten(blocks[carried]) : null;
            BlockBuilder widened = BlockBuilder.create(result, count);
            for (int i = 0; i < count; i++) {
                if (flat.isNull(i)) {
                    widened.appendNull();
                } else {
                    widened.appendInt128(((LongBlock) flat).getLong(i), tails == null || tails.isNull(i) ? 0 : tail(tails, i));
                }
            }
            return widened.build();
        };
    }

    private static Block heads(Block block) {
        if (!(block instanceof Int128Block pairs)) {
            return block;
        }
        int count = pairs.positionCount();
        long[] values = new long[count];
        boolean[] nulls = pairs.mayHaveNull() ? new boolean[count] : null;
        for (int i = 0; i < count; i++) {
            if (nulls != null && pairs.isNull(i)) {
                nulls[i] = true;
            } else {
                values[i] = pairs.getHigh(i);
            }
        }
        return new LongBlock(count, nulls, values);
    }
}
