package io.quarry.sql;

import io.quarry.plan.expression.Constant;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.type.TimeWithTimeZoneType;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino's time literal with an offset, {@code TIME '01:02:03.456 +05:30'}: a {@code time(p) with time zone}, p the
 * number of fraction digits. Calcite's grammar has no such literal, so {@link SqlText} checks it here and turns it
 * into a call of {@link #OPERATOR}, whose quoted name is as long as the word {@code TIME}; the call becomes a constant.
 */
final class ZonedTimeLiteral {
    /** The name the rewritten text calls; quoted, as long as {@code TIME}. */
    static final String NAME = "$t";

    static final SqlFunction OPERATOR = new SqlFunction(
            NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            binding -> {
                RelDataTypeFactory factory = binding.getTypeFactory();
                int precision = precision(binding.getOperandLiteralValue(0, String.class));
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.TIME_TZ, precision), false);
            },
            null, OperandTypes.CHARACTER, SqlFunctionCategory.SYSTEM);

    private ZonedTimeLiteral() {}

    /** Whether the text of a TIME literal names an offset or a zone (then it is this literal, valid or not). */
    static boolean hasZone(String text) {
        String stripped = text.strip();
        return stripped.matches("\\d{1,2}:.*[+\\-A-Za-z].*");
    }

    /** Checks the literal as the user wrote it: an error at {@code location} if it is not a valid one. */
    static void check(String text, ErrorLocation location) {
        try {
            constant(text);
        } catch (QuarryException e) {
            throw new QuarryException(e.errorCode(), Errors.prefix(location) + e.getMessage(), location, null);
        }
    }

    /** The number of fraction digits: 0 to 12. */
    static int precision(String text) {
        TimeWithTimeZoneType.Parsed parsed = parse(text);
        int digits = parsed.fractionDigits();
        if (digits > 12) {
            throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "TIME WITH TIME ZONE precision must be in range [0, 12]: " + digits);
        }
        return digits;
    }

    static Constant constant(String text) {
        int precision = precision(text);
        TimeWithTimeZoneType.Parsed parsed = parse(text);
        return constant(parsed.roundedPicos(precision), parsed.offsetMinutes(), new TimeWithTimeZoneType(precision));
    }

    /** The constant of a local time of day in picoseconds (at the type's precision) at an offset: one long or two. */
    static Constant constant(long localPicos, int offsetMinutes, TimeWithTimeZoneType type) {
        if (type.isLong()) {
            return new Constant(io.quarry.block.Int128.toBigInteger(
                    TimeWithTimeZoneType.utcPicosOf(localPicos, offsetMinutes), TimeWithTimeZoneType.offsetTail(offsetMinutes)), type);
        }
        return new Constant(TimeWithTimeZoneType.pack(localPicos / 1_000L, offsetMinutes), type);
    }

    private static TimeWithTimeZoneType.Parsed parse(String text) {
        TimeWithTimeZoneType.Parsed parsed = TimeWithTimeZoneType.parse(text);
        if (parsed == null) {
            throw new QuarryException(ErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid TIME literal");
        }
        return parsed;
    }
}
