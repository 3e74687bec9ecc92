package io.quarry.sql;

import io.quarry.plan.expression.Constant;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateTimeValues;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino's timestamp literal with a zone, {@code TIMESTAMP '2020-01-02 03:04:05.123 America/New_York'}: a
 * {@code timestamp(p) with time zone}, p the number of fraction digits. Calcite's grammar has no such literal, so
 * {@link SqlText} turns it into a call of {@link #OPERATOR} (whose name is as long as the word {@code TIMESTAMP},
 * so that positions do not move), after checking it here; the call becomes a constant.
 */
final class ZonedTimestampLiteral {
    /** The name the rewritten text calls; quoted, as long as {@code TIMESTAMP}, not a name a user would write. */
    static final String NAME = "$tz_lit";

    /** Date, optional time with an optional fraction, then a zone (a name, or an offset), with or without a blank. */
    private static final Pattern ZONED = Pattern.compile(
            "([+-]?\\d{4,})-(\\d{1,2})-(\\d{1,2})(?: (\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?)? ?([A-Za-z+-].*)");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}(?::?\\d{2})?");

    static final SqlFunction OPERATOR = new SqlFunction(
            NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION,
            binding -> {
                RelDataTypeFactory factory = binding.getTypeFactory();
                int precision = precision(binding.getOperandLiteralValue(0, String.class));
                return factory.createSqlType(SqlTypeName.TIMESTAMP_TZ, precision);
            },
            null, OperandTypes.CHARACTER, SqlFunctionCategory.SYSTEM);

    private ZonedTimestampLiteral() {}

    /** Whether the text of a TIMESTAMP literal names a zone (then it is this literal, valid or not). */
    static boolean hasZone(String text) {
        return ZONED.matcher(text).matches();
    }

    /** Checks the literal as the user wrote it: INVALID_LITERAL at {@code location} if it is not a valid one. */
    static void check(String text, ErrorLocation location) {
        try {
            precision(text);
            value(text);
        } catch (QuarryException e) {
            throw new QuarryException(e.errorCode(), Errors.prefix(location) + e.getMessage(), location, null);
        }
    }

    /** The number of fraction digits. */
    static int precision(String text) {
        Matcher matcher = matcher(text);
        int digits = matcher.group(7) == null ? 0 : matcher.group(7).length();
        if (digits > TimestampWithTimeZoneType.MAX_PRECISION) {
            throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "TIMESTAMP WITH TIME ZONE precision must be in range [0, 12]: " + digits);
        }
        return digits;
    }

    /** The literal as a constant: its instant (to the millisecond, halves up) with its zone. */
    static Constant constant(String text) {
        TimestampWithTimeZoneType type = new TimestampWithTimeZoneType(precision(text));
        long packed = value(text);
        if (!type.isLong()) {
            return new Constant(packed, type);
        }
        // the digits beyond the millisecond as picoseconds beside it
        String fraction = matcher(text).group(7);
        long picos = Long.parseLong((fraction + "000000000000").substring(3, 12));
        return new Constant(io.quarry.block.Int128.toBigInteger(packed, picos), type);
    }

    /** The instant to the millisecond (rounded down) with the zone, packed. */
    private static long value(String text) {
        Matcher matcher = matcher(text);
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            long nanos = 0;
            if (matcher.group(4) != null) {
                time = LocalTime.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                        matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
                String fraction = matcher.group(7) == null ? "" : matcher.group(7);
                nanos = Long.parseLong((fraction + "000").substring(0, 3)) * 1_000_000L;
            }
            ZoneId zone = zone(matcher.group(8));
            LocalDateTime local = LocalDateTime.of(date, time);
            if (!zone.getRules().isValidOffset(local, zone.getRules().getOffset(local))) {
                // a local time the zone skips (a clock moved forward) is no literal, as in Trino (a cast moves it)
                throw invalid(text);
            }
            ZonedDateTime zoned = ZonedDateTime.of(local, zone).plusNanos(nanos);
            return DateTimeValues.packWithZone(zoned.toInstant().toEpochMilli(), DateTimeValues.zoneKey(zone));
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid(text);
        }
    }

    /** Trino's zones: UTC or Z, an offset (+01, +0100, +01:00), or a region or alias exactly as the zone database spells it. */
    private static ZoneId zone(String name) {
        if (name.equals("UTC") || name.equals("Z")) {
            return ZoneOffset.UTC;
        }
        if (name.startsWith("+") || name.startsWith("-")) {
            if (!OFFSET.matcher(name).matches()) {
                throw new DateTimeException("bad offset " + name);
            }
            return ZoneOffset.of(name);
        }
        return ZoneId.of(name);
    }

    private static Matcher matcher(String text) {
        Matcher matcher = ZONED.matcher(text);
        if (!matcher.matches()) {
            throw invalid(text);
        }
        return matcher;
    }

    private static QuarryException invalid(String text) {
        return new QuarryException(ErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid TIMESTAMP literal");
    }
}
