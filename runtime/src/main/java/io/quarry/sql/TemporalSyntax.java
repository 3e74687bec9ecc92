package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.type.DateType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Trino's date-time syntax that Calcite's grammar and validator lack: the EXTRACT fields {@code DAY_OF_WEEK},
 * {@code DAY_OF_YEAR}, {@code YEAR_OF_WEEK}/{@code YOW}, {@code DAY_OF_MONTH}, {@code TIMEZONE_HOUR} and
 * {@code TIMEZONE_MINUTE}; the difference of two dates, times or timestamps (an interval day to second); and
 * the value of {@code x AT TIME ZONE zone}, which {@link SqlText} writes as {@code at_timezone(x, zone)}.
 */
final class TemporalSyntax {
    /** EXTRACT fields Calcite reads as time frame names, with the function computing each. */
    private static final Map<String, String> NAMED_FIELDS = Map.of(
            "DAY_OF_WEEK", "day_of_week", "DOW", "day_of_week", "DAY_OF_YEAR", "day_of_year", "DOY", "day_of_year",
            "YEAR_OF_WEEK", "year_of_week", "YOW", "year_of_week", "DAY_OF_MONTH", "day",
            "TIMEZONE_HOUR", "timezone_hour", "TIMEZONE_MINUTE", "timezone_minute");

    /** The fields Calcite parses as keywords that Trino also has. */
    private static final Set<TimeUnitRange> TRINO_UNITS = Set.of(TimeUnitRange.YEAR, TimeUnitRange.QUARTER,
            TimeUnitRange.MONTH, TimeUnitRange.WEEK, TimeUnitRange.DAY, TimeUnitRange.DOW, TimeUnitRange.DOY,
            TimeUnitRange.HOUR, TimeUnitRange.MINUTE, TimeUnitRange.SECOND);

    private static final String VALID_FIELDS = "YEAR, QUARTER, MONTH, WEEK, DAY, DAY_OF_MONTH, DAY_OF_WEEK, DOW, "
            + "DAY_OF_YEAR, DOY, YEAR_OF_WEEK, YOW, HOUR, MINUTE, SECOND, TIMEZONE_MINUTE, TIMEZONE_HOUR";

    /** {@code $EXTRACT_FIELD('timezone_hour', x)}: EXTRACT of a field Calcite does not know. */
    static final SqlFunction EXTRACT_FIELD = new InternalFunction("$EXTRACT_FIELD", binding -> binding.getTypeFactory()
            .createTypeWithNullability(binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true));

    /** {@code $DATETIME_MINUS(a, b)}: a date, time or timestamp minus another, an interval day to second. */
    static final SqlFunction DATETIME_MINUS = new InternalFunction("$DATETIME_MINUS", binding -> {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType interval = factory.createSqlIntervalType(
                new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        return factory.createTypeWithNullability(interval, true);
    });

    private TemporalSyntax() {}

    // ---- validation ----

    /**
     * EXTRACT of a field Calcite knows only as a time frame name becomes {@link #EXTRACT_FIELD}; a field Trino
     * does not have is a syntax error, as in Trino.
     */
    static SqlNode rewriteExtract(SqlNode node, Function<SqlParserPos, ErrorLocation> locations) {
        if (!(node instanceof SqlCall call) || call.getKind() != SqlKind.EXTRACT || call.operandCount() != 2
                || !(call.operand(0) instanceof SqlIntervalQualifier qualifier)) {
            return node;
        }
        String name = qualifier.timeFrameName != null
                ? qualifier.timeFrameName.toUpperCase(Locale.ROOT)
                : qualifier.timeUnitRange.name();
        if (qualifier.timeFrameName == null && TRINO_UNITS.contains(qualifier.timeUnitRange)) {
            return node;
        }
        String function = NAMED_FIELDS.get(name);
        if (function == null) {
            ErrorLocation location = locations.apply(qualifier.getParserPosition());
            throw Errors.error(ErrorCode.SYNTAX_ERROR, "Invalid EXTRACT field " + name + ", valid fields are: " + VALID_FIELDS, location);
        }
        SqlParserPos pos = call.getParserPosition();
        return EXTRACT_FIELD.createCall(pos, SqlLiteral.createCharString(function, pos), call.operand(1));
    }

    /**
     * Trino's type check of an EXTRACT the statement has (not Calcite's of {@code hour(x)}, which takes a date): a
     * time field of a date, a date field of a time, a field of an interval without it, or of any other type, is a
     * TYPE_MISMATCH.
     */
    static void checkExtract(SqlCall extract, RelDataType valueType, ErrorLocation location) {
        if (!(extract.operand(0) instanceof SqlIntervalQualifier qualifier) || qualifier.timeFrameName != null) {
            return;
        }
        SqlTypeName type = valueType.getSqlTypeName();
        boolean timestamp = type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIMESTAMP_TZ;
        boolean time = type == SqlTypeName.TIME || type == SqlTypeName.TIME_TZ;
        boolean yearToMonth = SqlTypeName.YEAR_INTERVAL_TYPES.contains(type);
        boolean dayToSecond = SqlTypeName.DAY_INTERVAL_TYPES.contains(type);
        boolean allowed = switch (qualifier.timeUnitRange) {
            case YEAR, MONTH -> timestamp || type == SqlTypeName.DATE || yearToMonth;
            case DAY -> timestamp || type == SqlTypeName.DATE || dayToSecond;
            case QUARTER, WEEK, DOW, DOY -> timestamp || type == SqlTypeName.DATE;
            case HOUR, MINUTE, SECOND -> timestamp || time || dayToSecond;
            default -> true;
        };
        if (!allowed && type != SqlTypeName.ANY) {
            throw Errors.error(ErrorCode.TYPE_MISMATCH, "Cannot extract " + qualifier.timeUnitRange.name() + " from "
                    + TypeMapping.toQuarry(valueType).displayName(), location);
        }
    }

    /** {@code a - b} of two date-time values: Calcite has no such operator, Trino's result is an interval. */
    static void retypeDifference(SqlNode node, Function<SqlNode, RelDataType> types) {
        if (!(node instanceof SqlBasicCall call) || call.getKind() != SqlKind.MINUS || call.operandCount() != 2) {
            return;
        }
        SqlTypeName left = types.apply(call.operand(0)).getSqlTypeName();
        SqlTypeName right = types.apply(call.operand(1)).getSqlTypeName();
        boolean times = left == SqlTypeName.TIME && right == SqlTypeName.TIME
                || left == SqlTypeName.TIME_TZ && right == SqlTypeName.TIME_TZ;
        if (times || (isDateOrTimestamp(left) && isDateOrTimestamp(right))) {
            call.setOperator(DATETIME_MINUS);
        }
    }

    private static boolean isDateOrTimestamp(SqlTypeName name) {
        return name == SqlTypeName.DATE || name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_TZ;
    }

    // ---- translation ----

    /** EXTRACT(field FROM value) of a field Calcite does not know, with Trino's type check. */
    static Expression extractField(String function, Expression value, String field) {
        Type type = value.type();
        boolean zoneField = function.startsWith("timezone_");
        boolean allowed = zoneField
                ? type instanceof TimestampWithTimeZoneType || type instanceof io.quarry.type.TimeWithTimeZoneType
                : type instanceof DateType || type instanceof TimestampType || type instanceof TimestampWithTimeZoneType;
        if (!allowed && !(type instanceof UnknownType)) {
            throw Errors.error(ErrorCode.TYPE_MISMATCH,
                    "Cannot extract " + field.toUpperCase(Locale.ROOT) + " from " + type.displayName(), null);
        }
        return new Call(function, List.of(value), Types.BIGINT);
    }

    /** The difference of two date-time values, the one without a zone (or the date) taken as the other's type. */
    static Expression difference(Expression left, Expression right, Constant sessionZone) {
        Type common = left.type();
        if (right.type() instanceof TimestampWithTimeZoneType || (right.type() instanceof TimestampType && common instanceof DateType)) {
            common = right.type();
        }
        return new Call("subtract", List.of(as(left, common, sessionZone), as(right, common, sessionZone)),
                TemporalTypes.INTERVAL_DAY_TIME);
    }

    private static Expression as(Expression value, Type type, Constant sessionZone) {
        if (value.type().getClass().equals(type.getClass())) {
            return value;
        }
        if (type instanceof TimestampWithTimeZoneType) {
            return new Call("cast", List.of(value, sessionZone), type);
        }
        return ExpressionTranslator.coerce(value, type);
    }

    /**
     * A time or timestamp plus or minus an interval day to second has at least the interval's millisecond precision:
     * {@code TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '1' SECOND} is a timestamp(3).
     */
    static Type withIntervalPrecision(String function, List<Expression> arguments, Type type) {
        boolean timeOfDay = arguments.stream().anyMatch(argument -> argument.type() instanceof io.quarry.type.TimeType
                || argument.type() instanceof io.quarry.type.TimeWithTimeZoneType);
        if (timeOfDay && arguments.stream().anyMatch(argument -> argument.type() instanceof io.quarry.type.IntervalYearMonthType)) {
            // a time has no months
            throw Errors.error(ErrorCode.TYPE_MISMATCH, "Cannot apply operator: " + arguments.get(0).type().displayName()
                    + (function.equals("add") ? " + " : " - ") + arguments.get(1).type().displayName(), null);
        }
        if ((!function.equals("add") && !function.equals("subtract"))
                || arguments.stream().noneMatch(argument -> argument.type() instanceof io.quarry.type.IntervalDayTimeType)) {
            return type;
        }
        if (type instanceof TimestampType timestamp && timestamp.precision() < 3) {
            return TemporalTypes.timestamp(3);
        }
        if (type instanceof TimestampWithTimeZoneType timestamp && timestamp.precision() < 3) {
            return TemporalTypes.timestampWithTimeZone(3);
        }
        if (type instanceof io.quarry.type.TimeType time && time.precision() < 3) {
            return TemporalTypes.time(3);
        }
        if (type instanceof io.quarry.type.TimeWithTimeZoneType time && time.precision() < 3) {
            return TemporalTypes.timeWithTimeZone(3);
        }
        return type;
    }

    /** date(x): a cast to date. */
    static Expression toDate(Expression value, Constant sessionZone) {
        Type type = value.type();
        boolean text = type instanceof io.quarry.type.VarcharType || type instanceof io.quarry.type.CharType;
        if (!text && !(type instanceof TimestampType) && !(type instanceof TimestampWithTimeZoneType)
                && !(type instanceof DateType) && !(type instanceof UnknownType)) {
            throw Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + type.displayName() + ") for function date."
                    + " Expected: date(timestamp(p) with time zone), date(timestamp(p)), date(varchar(x))", null);
        }
        return type instanceof DateType ? value : ExpressionTranslator.coerce(value, Types.DATE);
    }

    /**
     * timezone_hour, timezone_minute, to_unixtime and at_timezone (also {@code x AT TIME ZONE zone}) of a timestamp
     * without a zone (to_unixtime also of a date) take it in the session's zone, as Trino's implicit cast does; a date
     * is a type error for at_timezone.
     */
    static Expression withZonedValue(String function, List<Expression> arguments, Type type, Constant sessionZone) {
        List<Expression> zoned = new ArrayList<>(arguments);
        Expression value = arguments.get(0);
        if (value.type() instanceof TimestampType timestamp) {
            zoned.set(0, new Call("cast", List.of(value, sessionZone), TemporalTypes.timestampWithTimeZone(timestamp.precision())));
        } else if (value.type() instanceof DateType && function.equals("to_unixtime")) {
            zoned.set(0, new Call("cast", List.of(value, sessionZone), TemporalTypes.timestampWithTimeZone(0)));
        } else if (!(value.type() instanceof TimestampWithTimeZoneType) && !(value.type() instanceof UnknownType)
                && !(value.type() instanceof io.quarry.type.TimeWithTimeZoneType)
                && function.equals("at_timezone")) {
            throw Errors.error(ErrorCode.TYPE_MISMATCH,
                    "Type of value must be a time or timestamp with or without time zone (actual " + value.type().displayName() + ")", null);
        }
        return new Call(function, zoned, type);
    }

    /**
     * An internal function of fixed signature: validated by its own checker rather than looked up by name, so that
     * it needs no row in the function table (nor in SHOW FUNCTIONS).
     */
    private static final class InternalFunction extends SqlFunction {
        InternalFunction(String name, SqlReturnTypeInference returnType) {
            super(name, SqlKind.OTHER_FUNCTION, returnType, null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM);
        }

        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    }
}
