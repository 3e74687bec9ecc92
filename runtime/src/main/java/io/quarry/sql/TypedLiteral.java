package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.expression.Constant;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino's typed literals {@code TINYINT '1'}, {@code SMALLINT '2'}, {@code INTEGER '3'}, {@code BIGINT '4'},
 * {@code REAL '1.5'}, {@code DOUBLE '2.5'}, {@code DECIMAL '1.20'}, {@code CHAR 'ab'} and {@code VARCHAR 'x'}.
 * Calcite's grammar has most of them not, so {@link SqlText} checks each (INVALID_LITERAL, as Trino) and turns it
 * into a call of one of {@link #OPERATORS}, whose quoted name is as long as the type's word so that positions do not
 * move; the call becomes a constant of the literal's type.
 */
final class TypedLiteral {
    /** The kinds of typed literal, by the word that starts them. */
    enum Kind {
        TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, CHAR, VARCHAR;

        /** The function name the rewritten text calls: quoted, it is exactly as long as the word. */
        String functionName() {
            return "$" + name().toLowerCase(Locale.ROOT).substring(0, name().length() - 3);
        }
    }

    private static final Map<String, Kind> BY_WORD = java.util.Arrays.stream(Kind.values())
            .collect(Collectors.toUnmodifiableMap(kind -> kind.name().toLowerCase(Locale.ROOT), Function.identity()));
    private static final Map<String, Kind> BY_FUNCTION = java.util.Arrays.stream(Kind.values())
            .collect(Collectors.toUnmodifiableMap(Kind::functionName, Function.identity()));

    /** Trino's decimal literal: a sign, digits with an optional fraction (or a fraction alone), nothing else. */
    private static final Pattern DECIMAL = Pattern.compile("([+-]?)(\\d*)(?:\\.(\\d*))?");
    private static final int DECIMAL_MAX_PRECISION = 38;

    static final List<SqlFunction> OPERATORS = java.util.Arrays.stream(Kind.values())
            .map(kind -> new SqlFunction(
                    kind.functionName().toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
                    binding -> calciteType(binding.getTypeFactory(), kind, binding.getOperandLiteralValue(0, String.class)),
                    null, OperandTypes.CHARACTER, SqlFunctionCategory.SYSTEM))
            .toList();

    private TypedLiteral() {}

    /** The kind of typed literal a word starts (any case), or null. */
    static Kind kindOfWord(String word) {
        return BY_WORD.get(word.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code functionName} (lower case) is the call a typed literal became. */
    static boolean isCall(String functionName) {
        return BY_FUNCTION.containsKey(functionName);
    }

    /** Checks the literal as the user wrote it: INVALID_LITERAL at {@code location} if it is not a valid one. */
    static void check(Kind kind, String text, ErrorLocation location) {
        try {
            constant(kind, text);
        } catch (QuarryException e) {
            throw new QuarryException(e.errorCode(), Errors.prefix(location) + e.getMessage(), location, null);
        }
    }

    /** The constant a rewritten call stands for. */
    static Constant constant(String functionName, String text) {
        Kind kind = requireNonNull(BY_FUNCTION.get(functionName), () -> "not a typed literal: " + functionName);
        return constant(kind, text);
    }

    static Constant constant(Kind kind, String text) {
        requireNonNull(text, "text is null");
        try {
            return switch (kind) {
                case TINYINT -> new Constant(integer(text, Byte.MIN_VALUE, Byte.MAX_VALUE, kind), Types.TINYINT);
                case SMALLINT -> new Constant(integer(text, Short.MIN_VALUE, Short.MAX_VALUE, kind), Types.SMALLINT);
                case INTEGER -> new Constant(integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, kind), Types.INTEGER);
                case BIGINT -> new Constant(integer(text, Long.MIN_VALUE, Long.MAX_VALUE, kind), Types.BIGINT);
                case REAL -> new Constant((double) Float.parseFloat(floatingText(text, kind)), Types.REAL);
                case DOUBLE -> new Constant(Double.parseDouble(floatingText(text, kind)), Types.DOUBLE);
                case DECIMAL -> {
                    BigDecimal value = decimal(text);
                    int[] type = decimalType(text);
                    yield new Constant(value, Types.decimal(type[0], type[1]));
                }
                case CHAR -> new Constant(text.stripTrailing(), new CharType(text.length()));
                case VARCHAR -> new Constant(text, Types.VARCHAR);
            };
        } catch (NumberFormatException e) {
            throw invalid(kind, text);
        }
    }

    private static long integer(String text, long min, long max, Kind kind) {
        long value = Long.parseLong(text.strip());
        if (value < min || value > max) {
            throw invalid(kind, text);
        }
        return value;
    }

    /** Java's parser also takes hexadecimal and type suffixes ({@code 1.5f}); Trino's does not. */
    private static String floatingText(String text, Kind kind) {
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.matches(".*[xXpPfFdD].*") && !stripped.matches("[+-]?(NaN|Infinity)")) {
            throw invalid(kind, text);
        }
        return stripped;
    }

    private static BigDecimal decimal(String text) {
        decimalType(text);
        return new BigDecimal(text.endsWith(".") ? text + "0" : text).setScale(decimalType(text)[1]);
    }

    /** Precision and scale as Trino gives them: leading zeros do not count, at least one digit. */
    private static int[] decimalType(String text) {
        Matcher matcher = DECIMAL.matcher(text);
        if (!matcher.matches() || (matcher.group(2).isEmpty() && (matcher.group(3) == null || matcher.group(3).isEmpty()))) {
            throw invalid(Kind.DECIMAL, text);
        }
        String integral = matcher.group(2).replaceFirst("^0+", "");
        int scale = matcher.group(3) == null ? 0 : matcher.group(3).length();
        int precision = Math.max(1, integral.length() + scale);
        if (precision > DECIMAL_MAX_PRECISION) {
            throw invalid(Kind.DECIMAL, text);
        }
        return new int[] {precision, scale};
    }

    private static RelDataType calciteType(RelDataTypeFactory factory, Kind kind, String text) {
        RelDataType type = switch (kind) {
            case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case REAL -> factory.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> {
                int[] decimal = decimalType(text);
                yield factory.createSqlType(SqlTypeName.DECIMAL, decimal[0], decimal[1]);
            }
            case CHAR -> factory.createSqlType(SqlTypeName.CHAR, text.length());
            case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR);
        };
        return factory.createTypeWithNullability(type, false);
    }

    private static QuarryException invalid(Kind kind, String text) {
        return new QuarryException(ErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid " + kind.name() + " literal");
    }
}
