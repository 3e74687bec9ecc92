package io.quarry.sql;

import io.quarry.plan.expression.Constant;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.type.Types;
import io.quarry.type.TimestampType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code DATE '…'} and {@code TIMESTAMP '…'} (without a zone) of a year Calcite's grammar cannot hold, which Trino
 * takes: a signed year ({@code -0001}, {@code +10000}), year 0000, or five digits and more. {@link SqlText} turns
 * them into calls of {@link #DATE} or {@link #TIMESTAMP}, named as long as the word so that positions do not move,
 * after checking them here; each call becomes a constant.
 */
final class WideDateTimeLiteral {
    /** The names the rewritten text calls; quoted, as long as {@code DATE} and {@code TIMESTAMP}. */
    static final String DATE_NAME = "$d";
    static final String TIMESTAMP_NAME = "$ts_lit";

    private static final Pattern YEAR = Pattern.compile("\\s*([+-]?)(\\d+)-.*", Pattern.DOTALL);
    private static final Pattern DATE_TEXT = Pattern.compile("\\s*([+-]?\\d+)-(\\d{1,2})-(\\d{1,2})\\s*");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
            "\\s*([+-]?\\d+)-(\\d{1,2})-(\\d{1,2})(?: (\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?)?\\s*");
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long PICOS_PER_MICRO = 1_000_000L;

    static final SqlFunction DATE = new SqlFunction(DATE_NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            binding -> binding.getTypeFactory().createSqlType(SqlTypeName.DATE),
            null, OperandTypes.CHARACTER, SqlFunctionCategory.SYSTEM);

    static final SqlFunction TIMESTAMP = new SqlFunction(TIMESTAMP_NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            binding -> {
                RelDataTypeFactory factory = binding.getTypeFactory();
                return factory.createSqlType(SqlTypeName.TIMESTAMP, precision(binding.getOperandLiteralValue(0, String.class)));
            },
            null, OperandTypes.CHARACTER, SqlFunctionCategory.SYSTEM);

    private WideDateTimeLiteral() {}

    /** Whether the text of a DATE or TIMESTAMP literal has a year Calcite cannot read (then it is this literal). */
    static boolean isWide(String text) {
        Matcher matcher = YEAR.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        String digits = matcher.group(2);
        return !matcher.group(1).isEmpty() || digits.length() > 4 || Integer.parseInt(digits.substring(0, Math.min(4, digits.length()))) == 0;
    }

    /** Checks the literal as the user wrote it: INVALID_LITERAL at {@code location} if it is not a valid one. */
    static void check(boolean date, String text, ErrorLocation location) {
        try {
            if (date) {
                constantOfDate(text);
            } else {
                constantOfTimestamp(text);
            }
        } catch (QuarryException e) {
            throw new QuarryException(e.errorCode(), Errors.prefix(location) + e.getMessage(), location, null);
        }
    }

    /** The date: days since the epoch, in an int as Trino's. */
    static Constant constantOfDate(String text) {
        Matcher matcher = DATE_TEXT.matcher(text);
        if (!matcher.matches()) {
            throw invalid("DATE", text);
        }
        try {
            long days = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))).toEpochDay();
            if (days != (int) days) {
                throw invalid("DATE", text);
            }
            return new Constant(days, Types.DATE);
        } catch (DateTimeException | NumberFormatException e) {
            throw invalid("DATE", text);
        }
    }

    /** The timestamp at the precision of its digits (see {@link TimestampType} for the two forms). */
    static Constant constantOfTimestamp(String text) {
        Matcher matcher = timestampMatcher(text);
        TimestampType type = new TimestampType(precision(text));
        try {
            long seconds = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))).toEpochDay() * 86_400L;
            String fraction = "";
            if (matcher.group(4) != null) {
                seconds += LocalTime.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                        matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6))).toSecondOfDay();
                fraction = matcher.group(7) == null ? "" : matcher.group(7);
            }
            String digits = (fraction + "000000000000").substring(0, 12);
            long micros = Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), Long.parseLong(digits.substring(0, 6)));
            if (!type.isLong()) {
                return new Constant(micros, type);
            }
            long picos = Long.parseLong(digits.substring(6));
            return new Constant(io.quarry.block.Int128.toBigInteger(micros, picos), type);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw invalid("TIMESTAMP", text);
        }
    }

    private static int precision(String text) {
        String fraction = timestampMatcher(text).group(7);
        int digits = fraction == null ? 0 : fraction.length();
        if (digits > TimestampType.MAX_PRECISION) {
            throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "TIMESTAMP precision must be in range [0, 12]: " + digits);
        }
        return digits;
    }

    private static Matcher timestampMatcher(String text) {
        Matcher matcher = TIMESTAMP_TEXT.matcher(text);
        if (!matcher.matches()) {
            throw invalid("TIMESTAMP", text);
        }
        return matcher;
    }

    private static QuarryException invalid(String kind, String text) {
        return new QuarryException(ErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid " + kind + " literal");
    }
}
