package io.quarry.exec.function;

import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateTimeValues;
import io.quarry.type.DateType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * format_datetime / parse_datetime (Joda-style patterns, as Java's formatter reads them), date_format /
 * date_parse (MySQL specifiers), from_unixtime / to_unixtime and ISO 8601 text.
 */
final class DateTimeFormatting {
    private static final TimestampType TIMESTAMP_3 = TemporalTypes.timestamp(3);
    private static final TimestampWithTimeZoneType TIMESTAMP_TZ_3 = TemporalTypes.timestampWithTimeZone(3);

    private DateTimeFormatting() {}

    private static String constantText(List<Expression> arguments, int index) {
        return arguments.size() > index && arguments.get(index) instanceof Constant constant && constant.value() instanceof String text
                ? text
                : null;
    }

    private static ZoneId zoneArgument(List<Expression> arguments, int index) {
        String zone = constantText(arguments, index);
        return zone == null ? ZoneOffset.UTC : TemporalCasts.parseZone(zone);
    }

    /** The value as a zoned date-time: timestamps and dates in UTC (their local time), zoned values in their zone. */
    private static ZonedDateTime zoned(Type type, long value) {
        if (type instanceof TimestampWithTimeZoneType) {
            return DateTimeValues.toZonedDateTime(value);
        }
        // Joda's values are milliseconds: finer timestamps are rounded to them
        long micros = DateTimeValues.roundMicros(TemporalFunctions.toLocalMicros(type).applyAsLong(value), 3);
        return TemporalFunctions.localDateTime(micros).atZone(ZoneOffset.UTC);
    }

    private static void checkNoZone(Type type, JodaPattern pattern) {
        if (!(type instanceof TimestampWithTimeZoneType) && pattern.hasZone()) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "format_datetime for TIMESTAMP type, cannot use 'Z' nor 'z' in format,"
                    + " as this type does not contain TZ information");
        }
    }

    static ScalarKernel formatDatetime(List<Expression> arguments, List<Type> types) {
        Type type = types.get(0);
        if (types.size() != 2 || !(type instanceof TimestampType || type instanceof TimestampWithTimeZoneType || type instanceof DateType)) {
            throw Functions.unsupported("format_datetime", types);
        }
        String fixed = constantText(arguments, 1);
        JodaPattern fixedPattern = fixed == null ? null : JodaPattern.of(fixed);
        if (fixedPattern != null) {
            checkNoZone(type, fixedPattern);
        }
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> {
            JodaPattern pattern = fixedPattern;
            if (pattern == null) {
                pattern = JodaPattern.of(Kernels.string(blocks[1], position));
                checkNoZone(type, pattern);
            }
            ZonedDateTime time = zoned(type, Kernels.longAt(blocks[0], position));
            // Joda keeps milliseconds; UTC is the zone named UTC
            time = time.withNano(time.getNano() / 1_000_000 * 1_000_000);
            if (time.getZone().equals(ZoneOffset.UTC)) {
                time = time.withZoneSameInstant(ZoneId.of("UTC"));
            }
            try {
                out.appendString(pattern.format(time));
            } catch (DateTimeException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot format: " + e.getMessage());
            }
        });
    }

    static ScalarKernel dateFormat(List<Expression> arguments, List<Type> types) {
        Type type = types.get(0);
        if (types.size() != 2 || !(type instanceof TimestampType || type instanceof TimestampWithTimeZoneType || type instanceof DateType)) {
            throw Functions.unsupported("date_format", types);
        }
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                out.appendString(mysqlFormat(zoned(type, Kernels.longAt(blocks[0], position)), Kernels.string(blocks[1], position))));
    }

    /** MySQL's date_format specifiers, as Trino supports them. */
    static String mysqlFormat(ZonedDateTime time, String format) {
        if (format.isEmpty()) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Both printing and parsing not supported");
        }
        StringBuilder text = new StringBuilder(format.length() + 8);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c);
                continue;
            }
            if (i + 1 == format.length()) {
                break; // a lone % at the end stands for nothing
            }
            char specifier = format.charAt(++i);
            switch (specifier) {
                case 'a' -> text.append(time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'b' -> text.append(time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'c' -> text.append(time.getMonthValue());
                case 'd' -> pad(text, time.getDayOfMonth(), 2);
                case 'e' -> text.append(time.getDayOfMonth());
                case 'f' -> pad(text, time.getNano() / 1000, 6);
                case 'H' -> pad(text, time.getHour(), 2);
                case 'h', 'I' -> pad(text, (time.getHour() + 11) % 12 + 1, 2);
                case 'i' -> pad(text, time.getMinute(), 2);
                case 'j' -> pad(text, time.getDayOfYear(), 3);
                case 'k' -> text.append(time.getHour());
                case 'l' -> text.append((time.getHour() + 11) % 12 + 1);
                case 'M' -> text.append(time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'm' -> pad(text, time.getMonthValue(), 2);
                case 'p' -> text.append(time.getHour() < 12 ? "AM" : "PM");
                case 'r' -> {
                    pad(text, (time.getHour() + 11) % 12 + 1, 2);
                    text.append(':');
                    pad(text, time.getMinute(), 2);
                    text.append(':');
                    pad(text, time.getSecond(), 2);
                    text.append(time.getHour() < 12 ? " AM" : " PM");
                }
                case 'S', 's' -> pad(text, time.getSecond(), 2);
                case 'T' -> {
                    pad(text, time.getHour(), 2);
                    text.append(':');
                    pad(text, time.getMinute(), 2);
                    text.append(':');
                    pad(text, time.getSecond(), 2);
                }
                case 'v' -> pad(text, time.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
                case 'W' -> text.append(time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'x' -> pad(text, time.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR), 4);
                case 'Y' -> pad(text, time.getYear(), 4);
                case 'y' -> pad(text, Math.floorMod(time.getYear(), 100), 2);
                case '%' -> text.append('%');
                case 'D', 'U', 'u', 'V', 'w', 'X' -> throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "%" + specifier + " not supported in date format string");
                default -> text.append(specifier);
            }
        }
        return text.toString();
    }

    private static void pad(StringBuilder text, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }

    /** A Java formatter for MySQL specifiers; missing fields default to 1970-01-01 00:00:00 (the year to 2000 under a month or day). */
    static DateTimeFormatter mysqlParser(String format) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                builder.appendLiteral(c);
                continue;
            }
            if (i + 1 == format.length()) {
                break; // a lone % at the end stands for nothing
            }
            char specifier = format.charAt(++i);
            switch (specifier) {
                case 'Y' -> builder.appendValue(ChronoField.YEAR, 4);
                // two digits are a year from 1970 to 2069
                case 'y' -> builder.appendValueReduced(ChronoField.YEAR, 2, 2, 1970);
                case 'a' -> builder.appendText(ParsedDayOfWeek.FIELD, ParsedDayOfWeek.names(TextStyle.SHORT));
                case 'W' -> builder.appendText(ParsedDayOfWeek.FIELD, ParsedDayOfWeek.names(TextStyle.FULL));
                case 'm' -> builder.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'c' -> builder.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'd' -> builder.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'e' -> builder.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'H' -> builder.appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'k' -> builder.appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'h', 'I' -> builder.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'l' -> builder.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'i' -> builder.appendValue(ChronoField.MINUTE_OF_HOUR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 's', 'S' -> builder.appendValue(ChronoField.SECOND_OF_MINUTE, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'f' -> builder.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
                case 'p' -> builder.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
                case 'b' -> builder.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
                case 'M' -> builder.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
                case 'j' -> builder.appendValue(ChronoField.DAY_OF_YEAR, 3);
                case 'T' -> builder.appendPattern("HH:mm:ss");
                case 'r' -> builder.appendPattern("hh:mm:ss a");
                case 'D', 'U', 'u', 'V', 'w', 'X', 'v', 'x' -> throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "%" + specifier + " not supported in date format string");
                default -> builder.appendLiteral(specifier); // % before any other character (%%, %q) is that character
            }
        }
        if (format.matches(".*%[hIlr].*")) {
            // a 12-hour clock: the hour of day comes from it and the half of the day (morning unless %p says)
            if (!format.matches(".*%[pr].*")) {
                builder.parseDefaulting(ChronoField.AMPM_OF_DAY, 0);
            }
            return withDefaults(builder, Locale.ENGLISH, false, !format.contains("%j"), defaultYear(format));
        }
        return withDefaults(builder, Locale.ENGLISH, true, !format.contains("%j"), defaultYear(format));
    }

    /** As Joda's parser: 2000 when a month or a day is the largest field read, else 1970. */
    private static int defaultYear(String format) {
        return !format.matches("(?s).*%[Yy].*") && format.matches("(?s).*%[mcbMdejaW].*") ? 2000 : 1970;
    }

    /** Defaults for the fields a format lacks; a day of the year ({@code %j}) stands for the month and the day. */
    private static DateTimeFormatter withDefaults(DateTimeFormatterBuilder builder, Locale locale, boolean hourOfDay,
            boolean monthAndDay, int year) {
        builder.parseDefaulting(ChronoField.YEAR, year);
        if (monthAndDay) {
            builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1).parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
        }
        if (hourOfDay) {
            builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
        }
        return builder
                .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                .toFormatter(locale);
    }

    /** The parser of a constant format, or null: a format that is none fails when a row needs it, where try() catches it. */
    private static DateTimeFormatter constantParser(String format) {
        try {
            return format == null ? null : mysqlParser(format);
        } catch (QuarryException e) {
            return null;
        }
    }

    static ScalarKernel dateParse(List<Expression> arguments, List<Type> types) {
        if (types.size() != 2) {
            throw Functions.unsupported("date_parse", types);
        }
        DateTimeFormatter formatter = constantParser(constantText(arguments, 1));
        return Kernels.rows(TIMESTAMP_3, (blocks, position, out) -> {
            DateTimeFormatter f = formatter != null ? formatter : mysqlParser(Kernels.string(blocks[1], position));
            String text = Kernels.string(blocks[0], position);
            try {
                java.time.temporal.TemporalAccessor parsed = f.withResolverStyle(java.time.format.ResolverStyle.STRICT).parse(text);
                LocalDateTime time = ParsedDayOfWeek.applied(parsed, LocalDateTime.from(parsed));
                out.appendLong(DateTimeValues.roundMicros(TemporalFunctions.localMicros(time), 3));
            } catch (DateTimeException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid format: \"" + text + "\"");
            }
        });
    }

    static ScalarKernel parseDatetime(List<Expression> arguments, List<Type> types) {
        ZoneId sessionZone = zoneArgument(arguments, 2);
        if (types.size() < 2) {
            throw Functions.unsupported("parse_datetime", types);
        }
        String fixed = constantText(arguments, 1);
        JodaPattern fixedPattern = fixed == null ? null : JodaPattern.of(fixed);
        return Kernels.rows(TIMESTAMP_TZ_3, (blocks, position, out) -> {
            JodaPattern pattern = fixedPattern != null ? fixedPattern : JodaPattern.of(Kernels.string(blocks[1], position));
            ZonedDateTime time = pattern.parse(Kernels.string(blocks[0], position), sessionZone);
            out.appendLong(DateTimeValues.packWithZone(time.toInstant().toEpochMilli(), DateTimeValues.zoneKey(time.getZone())));
        });
    }

    static ScalarKernel fromUnixtime(List<Expression> arguments, List<Type> types) {
        if (arguments.get(0) instanceof Constant time && time.value() == null) {
            // a NULL time answers NULL whatever the zone, as in Trino: the zone is not read
            return (blocks, count) -> Blocks.nulls(TIMESTAMP_TZ_3, count);
        }
        ZoneId zone;
        try {
            zone = zoneArgument(arguments, 1);
        } catch (DateTimeException e) {
            String text = constantText(arguments, 1);
            if (text != null && text.isEmpty()) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Zone id is an empty string");
            }
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Time zone not supported: " + text);
        }
        int zoneKey = DateTimeValues.zoneKey(zone);
        return Kernels.rows(TIMESTAMP_TZ_3, (blocks, position, out) -> {
            double seconds = Kernels.doubleAt(blocks[0], position);
            if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid unix time: " + seconds);
            }
            out.appendLong(DateTimeValues.packWithZone(TemporalLibrary.checkedMillis(Math.round(seconds * 1000)), zoneKey));
        });
    }

    static ScalarKernel toUnixtime(List<Type> types) {
        Type type = types.get(0);
        if (type instanceof TimestampWithTimeZoneType) {
            return (arguments, count) -> {
                long[] values = Blocks.longs(arguments[0]);
                double[] result = new double[count];
                for (int i = 0; i < count; i++) {
                    result[i] = DateTimeValues.unpackMillis(values[i]) / 1000.0;
                }
                return new io.quarry.block.DoubleBlock(count, Blocks.unionNulls(arguments, count), result);
            };
        }
        if (type instanceof TimestampType || type instanceof DateType) {
            LongUnaryOperator local = TemporalFunctions.toLocalMicros(type);
            return (arguments, count) -> {
                long[] values = Blocks.longs(arguments[0]);
                double[] result = new double[count];
                for (int i = 0; i < count; i++) {
                    result[i] = local.applyAsLong(values[i]) / 1_000_000.0;
                }
                return new io.quarry.block.DoubleBlock(count, Blocks.unionNulls(arguments, count), result);
            };
        }
        throw Functions.unsupported("to_unixtime", types);
    }

    static ScalarKernel toIso8601(List<Type> types) {
        Type type = types.get(0);
        if (type instanceof DateType) {
            return Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                    out.appendString(Formats.formatDate(Kernels.longAt(blocks[0], position))));
        }
        if (type instanceof TimestampType timestamp) {
            return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> out.appendString(
                    DateTimeValues.formatTimestamp(Kernels.longAt(blocks[0], position), timestamp.precision()).replace(' ', 'T')));
        }
        if (type instanceof TimestampWithTimeZoneType timestamp) {
            // the fraction has the type's digits (milliseconds, then zeros), the offset is Z for UTC
            int precision = timestamp.precision();
            String fraction = precision == 0 ? "" : "." + "S".repeat(Math.min(3, precision))
                    + (precision > 3 ? "'" + "0".repeat(precision - 3) + "'" : "");
            DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss" + fraction + "XXX");
            return Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                    out.appendString(format.format(DateTimeValues.toZonedDateTime(Kernels.longAt(blocks[0], position)))));
        }
        throw Functions.unsupported("to_iso8601", types);
    }

    static ScalarKernel fromIso8601Date(List<Type> types) {
        return Kernels.rows(Types.DATE, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            try {
                String iso = text.strip();
                iso = iso.matches("\\d{4}") ? iso + "-01-01" : iso.matches("\\d{4}-\\d{2}") ? iso + "-01" : iso;
                // Java reads years of five digits and more only signed; Trino takes them as they are
                iso = iso.matches("\\d{5,}-.*") ? "+" + iso : iso;
                LocalDate weekOrOrdinal = TemporalLibrary.weekOrOrdinalDate(iso);
                out.appendLong((weekOrOrdinal != null ? weekOrOrdinal : LocalDate.parse(iso)).toEpochDay());
            } catch (DateTimeException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid format: \"" + text + "\"");
            }
        });
    }
}
