package io.quarry.exec.function;

import static io.quarry.type.DateTimeValues.MICROS_PER_DAY;
import static io.quarry.type.DateTimeValues.MICROS_PER_MILLI;
import static io.quarry.type.DateTimeValues.PICOS_PER_MICRO;

import io.quarry.block.LongBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.DateTimeValues;
import io.quarry.type.DateType;
import io.quarry.type.FractionalSeconds;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.VarcharType;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Casts from and to the date-time and interval types, with Trino's text forms and errors. */
final class TemporalCasts {
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([+-]?\\d{4,})-(\\d{1,2})-(\\d{1,2})(?: (\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,12}))?)?)?\\s*(.*)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,12}))?)?");

    private TemporalCasts() {}

    /** The cast kernel when source or target is a date-time or interval type (other than date alone), or null. */
    static ScalarKernel resolve(Type source, Type target, boolean tryCast, ZoneId sessionZone) {
        if (!TemporalTypes.isTemporal(source) && !TemporalTypes.isTemporal(target)) {
            return null;
        }
        if (source instanceof io.quarry.type.UnknownType) {
            return (arguments, count) -> Blocks.nulls(target, count);
        }
        ScalarKernel kernel = isText(target) ? toText(source, target)
                : LongTimestamps.isLong(source) || LongTimestamps.isLong(target)
                ? LongTimestamps.cast(source, target, sessionZone) : kernel(source, target, sessionZone);
        if (kernel == null) {
            // Trino has no such cast
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + target.displayName());
        }
        if (!tryCast) {
            return kernel;
        }
        // row by row only when the block fails: a bad value becomes NULL
        return (arguments, count) -> {
            try {
                return kernel.apply(arguments, count);
            } catch (QuarryException e) {
                io.quarry.block.BlockBuilder out = io.quarry.block.BlockBuilder.create(target, count);
                for (int i = 0; i < count; i++) {
                    try {
                        io.quarry.block.Block one = kernel.apply(new io.quarry.block.Block[] {arguments[0].region(i, 1)}, 1);
                        out.append(one, 0);
                    } catch (QuarryException rowError) {
                        out.appendNull();
                    }
                }
                return out.build();
            }
        };
    }

    private static boolean isText(Type type) {
        return type instanceof VarcharType || type instanceof CharType;
    }

    private static ScalarKernel kernel(Type source, Type target, ZoneId sessionZone) {
        if (source instanceof CharType) {
            return null; // as in Trino, char(n) casts only to text
        }
        if (isText(source)) {
            return fromText(target, sessionZone);
        }
        if (target instanceof TimestampType timestamp) {
            int precision = timestamp.precision();
            if (source instanceof TimestampType) {
                return Kernels.longToLong(micros -> DateTimeValues.roundMicros(micros, precision));
            }
            if (source instanceof DateType) {
                return Kernels.longToLong(days -> days * MICROS_PER_DAY);
            }
            if (source instanceof TimeType) {
                // as Trino: the time on the current date of the session's zone
                long today = LocalDate.now(sessionZone).toEpochDay() * MICROS_PER_DAY;
                return Kernels.longToLong(picos -> DateTimeValues.roundMicros(today + picos / PICOS_PER_MICRO, precision));
            }
            if (source instanceof TimestampWithTimeZoneType) {
                return Kernels.longToLong(packed -> DateTimeValues.roundMicros(TemporalFunctions.zonedToLocalMicros(packed), precision));
            }
        }
        if (target instanceof DateType) {
            if (source instanceof TimestampType || source instanceof TimestampWithTimeZoneType) {
                LongUnaryOperator local = TemporalFunctions.toLocalMicros(source);
                return Kernels.longToLong(value -> Math.floorDiv(local.applyAsLong(value), MICROS_PER_DAY));
            }
        }
        if (target instanceof TimestampWithTimeZoneType zoned) {
            int zoneKey = DateTimeValues.zoneKey(sessionZone);
            // values are held to the millisecond: only precisions below 3 round
            int precision = Math.min(zoned.precision(), 3);
            if (source instanceof TimestampWithTimeZoneType) {
                return precision == 3 ? (arguments, count) -> arguments[0] : Kernels.longToLong(packed -> DateTimeValues.packWithZone(
                        DateTimeValues.roundMicros(DateTimeValues.unpackMillis(packed) * MICROS_PER_MILLI, precision) / MICROS_PER_MILLI,
                        DateTimeValues.unpackZoneKey(packed)));
            }
            if (source instanceof TimestampType || source instanceof DateType) {
                LongUnaryOperator local = TemporalFunctions.toLocalMicros(source);
                return Kernels.longToLong(value -> TemporalFunctions.localMicrosToZoned(
                        DateTimeValues.roundMicros(local.applyAsLong(value), precision), zoneKey));
            }
            if (source instanceof TimeType) {
                // as Trino: the time on the current date of the session's zone
                long today = LocalDate.now(sessionZone).toEpochDay() * MICROS_PER_DAY;
                return Kernels.longToLong(picos -> TemporalFunctions.localMicrosToZoned(
                        DateTimeValues.roundMicros(today + picos / PICOS_PER_MICRO, precision), zoneKey));
            }
        }
        if (target instanceof TimeType time) {
            long unit = PICOS_PER_MICRO * pow10(Math.max(0, 6 - time.precision()));
            if (source instanceof TimeType) {
                return Kernels.longToLong(picos -> Math.floorMod((picos + unit / 2) / unit * unit, DateTimeValues.PICOS_PER_DAY));
            }
            if (source instanceof TimestampType || source instanceof TimestampWithTimeZoneType) {
                LongUnaryOperator local = TemporalFunctions.toLocalMicros(source);
                int precision = time.precision();
                return Kernels.longToLong(value ->
                        Math.floorMod(DateTimeValues.roundMicros(local.applyAsLong(value), precision), MICROS_PER_DAY) * PICOS_PER_MICRO);
            }
        }
        return null;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** The text of one position of a block. */
    private interface PositionText {
        String of(io.quarry.block.Block block, int position);
    }

    private static ScalarKernel toText(Type source, Type target) {
        PositionText format;
        if (source instanceof TimestampType || source instanceof TimestampWithTimeZoneType) {
            format = (block, position) -> LongTimestamps.format(source, block, position); // one-long and long forms alike
        } else if (source instanceof TimeType time) {
            format = (block, position) -> DateTimeValues.formatTime(((LongBlock) block).getLong(position), time.precision());
        } else if (source instanceof IntervalDayTimeType) {
            format = (block, position) -> DateTimeValues.formatIntervalDayTime(((LongBlock) block).getLong(position));
        } else if (source instanceof IntervalYearMonthType) {
            format = (block, position) -> DateTimeValues.formatIntervalYearMonth(((LongBlock) block).getLong(position));
        } else {
            return null;
        }
        int length = target instanceof VarcharType varchar ? varchar.length() : ((CharType) target).length();
        return Kernels.rows(target, (blocks, position, out) -> {
            String text = format.of(blocks[0], position);
            if (text.length() > length) {
                // Trino's cast keeps the whole text, which fails when written to the shorter varchar
                throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "Character count exceeds length limit " + length);
            }
            out.appendBytes(text.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static ScalarKernel fromText(Type target, ZoneId sessionZone) {
        if (target instanceof TimestampType timestamp) {
            return Kernels.rows(target, (blocks, position, out) -> {
                String text = Kernels.string(blocks[0], position);
                ParsedTimestamp parsed = parseTimestamp(text, target);
                if (!parsed.zone().isEmpty()) {
                    zoneKey(parsed.zone(), text, target); // a valid zone is read past, as Trino does
                }
                out.appendLong(DateTimeValues.roundMicros(parsed.localMicros(), timestamp.precision()));
            });
        }
        if (target instanceof TimestampWithTimeZoneType) {
            return Kernels.rows(target, (blocks, position, out) -> {
                String text = Kernels.string(blocks[0], position);
                ParsedTimestamp parsed = parseTimestamp(text, target);
                int zoneKey = parsed.zone().isEmpty() ? DateTimeValues.zoneKey(sessionZone) : zoneKey(parsed.zone(), text, target);
                out.appendLong(TemporalFunctions.localMicrosToZoned(parsed.localMicros(), zoneKey));
            });
        }
        if (target instanceof TimeType time) {
            return Kernels.rows(target, (blocks, position, out) -> {
                String text = Kernels.string(blocks[0], position);
                Matcher matcher = TIME.matcher(text.strip());
                if (!matcher.matches()) {
                    throw invalid(text, target);
                }
                try {
                    LocalTime value = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                            matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3)));
                    long picos = value.toSecondOfDay() * DateTimeValues.PICOS_PER_SECOND + fractionPicos(matcher.group(4));
                    out.appendLong(picos);
                } catch (DateTimeException e) {
                    throw invalid(text, target);
                }
            });
        }
        return null;
    }

    /** The key of the zone a text to cast names (case matters, as in Trino); a zone that is none makes the text invalid. */
    static int zoneKey(String zone, String text, Type target) {
        try {
            if (!zone.equals("UTC") && !zone.equals("Z") && (zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("Z"))) {
                throw invalid(text, target);
            }
            return DateTimeValues.zoneKey(parseZone(zone));
        } catch (DateTimeException e) {
            throw invalid(text, target);
        }
    }

    static ZoneId parseZone(String text) {
        String zone = text.strip();
        if (zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            return ZoneOffset.of(zone);
        }
        return ZoneId.of(zone);
    }

    private static long fractionPicos(String digits) {
        if (digits == null) {
            return 0;
        }
        StringBuilder padded = new StringBuilder(digits);
        while (padded.length() < 12) {
            padded.append('0');
        }
        return Long.parseLong(padded.toString());
    }

    /** A timestamp's text read: its local time, and the zone it names, if any. */
    record ParsedTimestamp(FractionalSeconds local, String zone) {
        /** The local time in microseconds, rounded half up. */
        long localMicros() {
            return local.round(TimestampType.MAX_SHORT_PRECISION).micros();
        }
    }

    /** Parses {@code yyyy-mm-dd[ hh:mm[:ss[.fraction]]][ zone]}, to the picosecond. */
    static ParsedTimestamp parseTimestamp(String text, Type target) {
        Matcher matcher = TIMESTAMP.matcher(text.strip());
        if (!matcher.matches()) {
            throw invalid(text, target);
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
            long seconds = date.toEpochDay() * 86_400L;
            long picos = 0;
            if (matcher.group(4) != null) {
                LocalTime time = LocalTime.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                        matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
                seconds += time.toSecondOfDay();
                picos = fractionPicos(matcher.group(7));
            }
            return new ParsedTimestamp(new FractionalSeconds(seconds, picos), matcher.group(8) == null ? "" : matcher.group(8));
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid(text, target);
        }
    }

    static QuarryException invalid(String text, Type target) {
        return new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT,
                "Value cannot be cast to " + TemporalTypes.protocolName(target) + ": " + text);
    }

    static long millisToMicros(long millis) {
        return millis * MICROS_PER_MILLI;
    }
}
