package io.quarry.exec.function;

import static io.quarry.type.DateTimeValues.MILLIS_PER_DAY;

import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateTimeValues;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trino's date-time functions around text and numbers: from_iso8601_timestamp[_nanos], ISO week and ordinal
 * dates, from_unixtime with an offset, from_unixtime_nanos, human_readable_seconds, parse_duration,
 * to_milliseconds, and at_timezone with an interval as the zone.
 */
final class TemporalLibrary {
    /** An ISO 8601 date (calendar, week or ordinal), optionally a time and an offset, as Joda's parser reads it. */
    private static final Pattern ISO_TIMESTAMP = Pattern.compile(
            "([+-]?\\d{4,})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?"
                    + "(?:T(\\d{1,2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9}))?)?)?)?"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern ISO_WEEK_DATE = Pattern.compile("(\\d{4})-?W(\\d{2})(?:-?(\\d))?");
    private static final Pattern ISO_ORDINAL_DATE = Pattern.compile("(\\d{4})-?(\\d{3})");
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*");

    private TemporalLibrary() {}

    /** The kernel of one of these functions, or null for other names. */
    static ScalarKernel resolve(String name, List<Expression> arguments, List<Type> types, Type result) {
        if (types.stream().anyMatch(type -> type instanceof io.quarry.type.UnknownType)) {
            return (blocks, count) -> Blocks.nulls(result, count);
        }
        return switch (name) {
            case "from_iso8601_timestamp", "from_iso8601_timestamp_nanos" -> fromIso8601Timestamp(arguments, result);
            case "from_unixtime_nanos" -> fromUnixtimeNanos(arguments);
            case "human_readable_seconds" -> Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                    out.appendString(humanReadableSeconds(Kernels.doubleAt(blocks[0], position))));
            case "parse_duration" -> Kernels.rows(TemporalTypes.INTERVAL_DAY_TIME, (blocks, position, out) ->
                    out.appendLong(parseDurationMillis(Kernels.string(blocks[0], position))));
            case "to_milliseconds" -> {
                if (types.size() != 1 || !(types.get(0) instanceof IntervalDayTimeType)) {
                    throw Functions.unsupported(name, types);
                }
                yield Kernels.longToLong(millis -> millis);
            }
            case "at_timezone" -> types.size() == 2 && types.get(0) instanceof TimestampWithTimeZoneType
                    && types.get(1) instanceof IntervalDayTimeType
                    ? Kernels.longsToLong((packed, millis) ->
                            DateTimeValues.packWithZone(DateTimeValues.unpackMillis(packed), offsetZoneKey(millis / 60_000)))
                    : null;
            case "from_unixtime" -> types.size() == 3 ? fromUnixtimeWithOffset() : null;
            case "timezone" -> {
                if (types.size() != 1 || !(types.get(0) instanceof TimestampWithTimeZoneType)) {
                    throw Functions.unsupported(name, types);
                }
                yield Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                        out.appendString(DateTimeValues.zoneName(DateTimeValues.unpackZoneKey(Kernels.longAt(blocks[0], position)))));
            }
            default -> null;
        };
    }

    static ZoneId sessionZone(List<Expression> arguments, int index) {
        if (arguments.size() > index && arguments.get(index) instanceof Constant constant && constant.value() instanceof String zone) {
            return TemporalCasts.parseZone(zone);
        }
        return ZoneOffset.UTC;
    }

    private static int offsetZoneKey(long minutes) {
        try {
            return DateTimeValues.zoneKey(ZoneOffset.ofTotalSeconds(Math.toIntExact(minutes * 60)));
        } catch (DateTimeException | ArithmeticException e) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid offset minutes " + minutes);
        }
    }

    private static ScalarKernel fromUnixtimeWithOffset() {
        return Kernels.rows(TemporalTypes.timestampWithTimeZone(3), (blocks, position, out) -> {
            double seconds = Kernels.doubleAt(blocks[0], position);
            long hours = Kernels.longAt(blocks[1], position);
            long minutes = Kernels.longAt(blocks[2], position);
            if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid unix time: " + seconds);
            }
            out.appendLong(DateTimeValues.packWithZone(checkedMillis(Math.round(seconds * 1000)), offsetZoneKey(hours * 60 + minutes)));
        });
    }

    /** Milliseconds that fit the packed form of a timestamp with time zone (52 bits, as Trino's). */
    static long checkedMillis(long millis) {
        if (millis > MAX_PACKED_MILLIS || millis < -MAX_PACKED_MILLIS - 1) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Millis overflow: " + millis);
        }
        return millis;
    }

    private static final long MAX_PACKED_MILLIS = (1L << 51) - 1;

    private static ScalarKernel fromUnixtimeNanos(List<Expression> arguments) {
        int zoneKey = DateTimeValues.zoneKey(sessionZone(arguments, 1));
        // milliseconds are what a timestamp with time zone keeps: the nanoseconds are rounded to them
        return Kernels.longToLong(nanos -> DateTimeValues.packWithZone(Math.floorDiv(nanos + 500_000L, 1_000_000L), zoneKey));
    }

    private static ScalarKernel fromIso8601Timestamp(List<Expression> arguments, Type result) {
        ZoneId sessionZone = sessionZone(arguments, 1);
        return Kernels.rows(result, (blocks, position, out) -> out.appendLong(parseIso8601(Kernels.string(blocks[0], position), sessionZone)));
    }

    static long parseIso8601(String text, ZoneId sessionZone) {
        java.time.ZonedDateTime time = parseIso8601Time(text, sessionZone);
        return DateTimeValues.packWithZone(time.toInstant().toEpochMilli(), DateTimeValues.zoneKey(time.getZone()));
    }

    /** The ISO 8601 text as a time in its zone (or the session's), to the nanosecond. */
    static java.time.ZonedDateTime parseIso8601Time(String text, ZoneId sessionZone) {
        Matcher matcher = ISO_TIMESTAMP.matcher(text.strip());
        if (!matcher.matches()) {
            throw invalidFormat(text);
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(1)),
                    matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2)),
                    matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (matcher.group(4) != null) {
                int nanos = 0;
                if (matcher.group(7) != null) {
                    nanos = Integer.parseInt((matcher.group(7) + "00000000").substring(0, 9));
                }
                time = LocalTime.of(Integer.parseInt(matcher.group(4)),
                        matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5)),
                        matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)), nanos);
            }
            String offset = matcher.group(8);
            ZoneId zone = offset == null ? sessionZone : offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
            java.time.ZonedDateTime zoned = LocalDateTime.of(date, time).atZone(zone);
            DateTimeValues.zoneKey(zone); // a zone a timestamp cannot hold is an invalid format too
            return zoned;
        } catch (DateTimeException | NumberFormatException e) {
            throw invalidFormat(text);
        }
    }

    /** An ISO 8601 week date ({@code 2020-W20-7}) or ordinal date ({@code 2020-139}), or null for other text. */
    static LocalDate weekOrOrdinalDate(String text) {
        Matcher week = ISO_WEEK_DATE.matcher(text);
        if (week.matches()) {
            LocalDate monday = LocalDate.of(Integer.parseInt(week.group(1)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
                    .with(DayOfWeek.MONDAY);
            return monday.plusDays(week.group(3) == null ? 0 : Integer.parseInt(week.group(3)) - 1);
        }
        Matcher ordinal = ISO_ORDINAL_DATE.matcher(text);
        if (ordinal.matches()) {
            return LocalDate.ofYearDay(Integer.parseInt(ordinal.group(1)), Integer.parseInt(ordinal.group(2)));
        }
        return null;
    }

    private static QuarryException invalidFormat(String text) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid format: \"" + text + "\"");
    }

    /** {@code 1 hour, 1 minute, 1 second}: weeks down to seconds, the zero ones left out, seconds rounded. */
    static String humanReadableSeconds(double value) {
        if (Double.isNaN(value)) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid argument found: NaN");
        }
        if (Double.isInfinite(value)) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid argument found: " + value);
        }
        long seconds = Math.abs(Math.round(value));
        long[] amounts = {seconds / 604_800, seconds % 604_800 / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
        String[] units = {"week", "day", "hour", "minute", "second"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] == 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(amounts[i]).append(' ').append(units[i]).append(amounts[i] == 1 ? "" : "s");
        }
        return text.length() == 0 ? "0 seconds" : text.toString();
    }

    /** {@code 1.5h}, {@code 3.81 d}, {@code 42ns}: a duration in milliseconds, rounded half up. */
    static long parseDurationMillis(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw invalidDuration(text);
        }
        double value = Double.parseDouble(matcher.group(1));
        double millisPerUnit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> MILLIS_PER_DAY;
            default -> throw invalidDuration(text);
        };
        double millis = Math.floor(value * millisPerUnit + 0.5);
        if (millis > Long.MAX_VALUE) {
            throw invalidDuration(text);
        }
        return (long) millis;
    }

    private static QuarryException invalidDuration(String text) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "duration is not a valid data duration string: " + text);
    }
}
