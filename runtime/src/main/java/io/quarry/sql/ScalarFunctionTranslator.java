package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.BigintType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Translates calls of Trino's scalar functions (see {@link ScalarFunctionTable}), date-time and interval
 * arithmetic, EXTRACT and the session's date-time values into the plan's calls, with the argument casts
 * Trino's signatures imply. Returns null for everything else, which {@link ExpressionTranslator} handles.
 */
final class ScalarFunctionTranslator {
    /** Functions of double arguments with a double result. */
    private static final Set<String> DOUBLE_FUNCTIONS = Set.of("degrees", "radians", "cos", "sin", "tan", "acos",
            "asin", "atan", "cosh", "sinh", "tanh", "exp", "ln", "log2", "log10", "cbrt", "atan2", "log", "is_nan",
            "is_finite", "is_infinite", "width_bucket");

    /** Functions whose arguments pass as they are, checked by the kernel. */
    private static final Set<String> PLAIN_FUNCTIONS = Set.of("reverse", "starts_with", "codepoint",
            "levenshtein_distance", "hamming_distance", "translate", "normalize", "to_utf8", "from_utf8", "luhn_check", "fail", "regexp_like",
            "regexp_count", "pi", "e", "infinity", "nan", "sign", "date_trunc", "day_of_week", "dow",
            "day_of_year", "doy", "week", "week_of_year", "quarter", "hour", "minute", "second", "millisecond",
            "year_of_week", "yow", "day_of_month", "timezone_hour", "timezone_minute", "last_day_of_month",
            "format_datetime", "date_format", "date_parse", "from_iso8601_date", "to_unixtime",
            "to_iso8601", "at_timezone", "with_timezone", "timezone", "format", "json_extract_scalar", "json_size",
            "json_array_length", "is_json_scalar", "parse_duration", "to_milliseconds", "uuid", "empty_approx_set",
            "intersection_cardinality", "jaccard_index", "hash_counts", "value_at_quantile", "values_at_quantiles",
            "quantile_at_value");

    private static final Set<String> SESSION_FUNCTIONS =
            Set.of("current_date", "current_timestamp", "now", "localtimestamp", "localtime", "current_timezone",
                    "current_user", "current_catalog", "current_schema", "current_path");

    private ScalarFunctionTranslator() {}

    /**
     * The type of at_timezone of a value of a type, which Quarry may have widened past Calcite's ({@code x + INTERVAL
     * '1' HOUR} has at least millisecond precision): a time or timestamp with time zone keeps its type, a timestamp
     * takes a zone; others as Calcite has it.
     */
    private static Type atTimeZoneType(Type value, Type inferred) {
        if (value instanceof io.quarry.type.TimeWithTimeZoneType || value instanceof TimestampWithTimeZoneType) {
            return value;
        }
        if (value instanceof TimestampType timestamp) {
            return TemporalTypes.timestampWithTimeZone(timestamp.precision());
        }
        return inferred;
    }

    /** The literal of a date-time or interval type, or null for other literals. */
    static Constant constant(RexLiteral literal) {
        SqlTypeName typeName = literal.getType().getSqlTypeName();
        SqlTypeFamily family = typeName.getFamily();
        boolean interval = family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH;
        if (!interval && typeName != SqlTypeName.TIMESTAMP && typeName != SqlTypeName.TIME) {
            return null;
        }
        Type type = TypeMapping.toQuarry(literal.getType());
        if (literal.isNull()) {
            return Constant.nullOf(type);
        }
        if (interval) {
            return new Constant(literal.getValueAs(BigDecimal.class).longValueExact(), type);
        }
        if (typeName == SqlTypeName.TIMESTAMP) {
            // up to 12 fraction digits: a timestamp holds microseconds, the seventh digit rounds them
            String text = literal.getValueAs(TimestampString.class).toString();
            String fraction = fraction(text);
            LocalDateTime time = LocalDateTime.parse(wholeSeconds(text).replace(' ', 'T'));
            long micros = time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + Long.parseLong((fraction + "000000").substring(0, 6));
            if (type instanceof io.quarry.type.TimestampType timestamp && timestamp.isLong()) {
                // the digits beyond the microsecond as picoseconds beside it
                long picos = Long.parseLong((fraction + "000000000000").substring(6, 12));
                return new Constant(io.quarry.block.Int128.toBigInteger(micros, picos), type);
            }
            return new Constant(micros + (fraction.length() > 6 && fraction.charAt(6) >= '5' ? 1 : 0), type);
        }
        // a time holds picoseconds of the day: all 12 digits
        String text = literal.getValueAs(TimeString.class).toString();
        LocalTime time = LocalTime.parse(wholeSeconds(text));
        long picos = Long.parseLong((fraction(text) + "000000000000").substring(0, 12));
        return new Constant(time.toSecondOfDay() * 1_000_000_000_000L + picos, type);
    }

    /** The digits after the point of a time or timestamp text, or none. */
    private static String fraction(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1);
    }

    private static String wholeSeconds(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? text : text.substring(0, dot);
    }

    static Expression translate(RexCall call, Function<RexNode, Expression> translator) {
        SqlKind kind = call.getKind();
        switch (kind) {
            case PLUS, CHECKED_PLUS, MINUS, CHECKED_MINUS, TIMES, CHECKED_TIMES, DIVIDE, CHECKED_DIVIDE, MINUS_PREFIX,
                    CHECKED_MINUS_PREFIX -> {
                return temporalArithmetic(call, translator);
            }
            case EXTRACT -> {
                return extract(call, translator);
            }
            case CAST, SAFE_CAST -> {
                return castToZoned(call, translator);
            }
            default -> {
                // named functions below
            }
        }
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        List<RexNode> operands = call.getOperands();
        Type type = TypeMapping.toQuarry(call.getType());
        if (call.getOperator() == SketchSql.LITERAL_CAST || call.getOperator() == SketchSql.LITERAL_TRY_CAST) {
            String cast = call.getOperator() == SketchSql.LITERAL_CAST ? "cast" : "try_cast";
            return new Call(cast, translateAll(operands, translator), type);
        }
        if (name.equals("cardinality") && operands.size() == 1 && operands.get(0).getType() instanceof SketchSqlType) {
            return new Call(name, translateAll(operands, translator), Types.BIGINT);
        }
        if (ColorSql.handles(name)) {
            return ColorSql.translate(name, operands, translator, type);
        }
        if (JsonSql.handles(name)) {
            return JsonSql.translate(name, translateAll(operands, translator), type);
        }
        if (JsonConstructorSql.handles(name)) {
            return JsonConstructorSql.translate(name, operands, translator);
        }
        if (JsonPathSql.handles(name)) {
            // the RETURNING type is the user's: a char(n) there stays one
            return JsonPathSql.translate(name, operands, translator,
                    name.equals("json_exists") ? type : TypeMapping.toQuarryKeepingChars(call.getType()));
        }
        if (TextFunctions.handles(name, operands)) {
            return TextFunctions.translate(name, operands, translator, type);
        }
        if (StatisticalAndSessionFunctions.handles(name)) {
            return StatisticalAndSessionFunctions.translate(name, operands, translator, type);
        }
        if (SESSION_FUNCTIONS.contains(name)) {
            Constant value = SessionFunctions.constant(name);
            return ExpressionTranslator.coerce(value, type);
        }
        if (TypedLiteral.isCall(name)) {
            return TypedLiteral.constant(name, ((RexLiteral) operands.get(0)).getValueAs(String.class));
        }
        if (name.equals(EmptyConstructors.EMPTY_ARRAY_NAME)) {
            return EmptyConstructors.emptyArray();
        }
        if (name.equals(CharCast.USER_VARCHAR_NAME)) {
            return CharCast.translateUserVarchar(translator.apply(operands.get(0)));
        }
        if (name.equals(CharCast.KEEP_NAME)) {
            return CharCast.translateKept(call, translator);
        }
        if (name.equals(CharCast.TRY_NAME)) {
            return CharCast.translate(translator.apply(operands.get(0)),
                    ((RexLiteral) operands.get(1)).getValueAs(BigDecimal.class).intValueExact(), true);
        }
        if (name.equals("translate")) {
            CharCast.checkTranslate(translateAll(operands, translator));
        }
        switch (name) {
            case "$recursion_depth_check":
                return new Call(name, translateAll(operands, translator), Types.BOOLEAN);
            case JsonTableText.NAME:
                return JsonTableRowsSql.translate(operands, translator);
            case JsonFormatInputs.NAME:
                return JsonFormatInputs.decode(translator.apply(operands.get(0)),
                        ((RexLiteral) operands.get(1)).getValueAs(String.class));
            case JsonConstructorClauses.NAME:
                return JsonConstructorClauses.translate(operands, translator);
            case JsonQueryQuotes.NAME:
                return JsonQueryQuotes.omitQuotes(translator.apply(operands.get(0)));
            case ZonedTimestampLiteral.NAME:
                return ZonedTimestampLiteral.constant(((RexLiteral) operands.get(0)).getValueAs(String.class));
            case WideDateTimeLiteral.DATE_NAME:
                return WideDateTimeLiteral.constantOfDate(((RexLiteral) operands.get(0)).getValueAs(String.class));
            case WideDateTimeLiteral.TIMESTAMP_NAME:
                return WideDateTimeLiteral.constantOfTimestamp(((RexLiteral) operands.get(0)).getValueAs(String.class));
            case ZonedTimeLiteral.NAME:
                return ZonedTimeLiteral.constant(((RexLiteral) operands.get(0)).getValueAs(String.class));
            case IpAddressSql.LITERAL_NAME:
                return IpAddressSql.constant(((RexLiteral) operands.get(0)).getValueAs(String.class));
            case CharCast.NAME:
                return CharCast.translate(translator.apply(operands.get(0)),
                        ((RexLiteral) operands.get(1)).getValueAs(BigDecimal.class).intValueExact());
            case "typeof":
                return new Constant(translator.apply(operands.get(0)).type().displayName(), Types.VARCHAR);
            case "try": {
                Expression value = translator.apply(operands.get(0));
                return new SpecialForm(Form.TRY, List.of(value), value.type());
            }
            case "trim", "ltrim", "rtrim":
                return operands.size() == 2 ? new Call(name, translateAll(operands, translator), type) : null;
            case "strpos":
                return operands.size() == 3 ? call(name, operands, translator, type, null, null, Types.BIGINT) : null;
            case "lpad", "rpad":
                return call(name, operands, translator, type, null, Types.BIGINT, null);
            case "split_part":
                return call(name, operands, translator, type, null, null, Types.BIGINT);
            case "chr":
                return call(name, operands, translator, type, Types.BIGINT);
            case "regexp_extract":
                return call(name, operands, translator, type, null, null, Types.BIGINT);
            case "regexp_replace":
                return call(name, operands, translator, type);
            case "regexp_position":
                return call(name, operands, translator, type, null, null, Types.BIGINT, Types.BIGINT);
            case "split", "regexp_extract_all", "regexp_split":
                return call(name, operands, translator, type, null, null, Types.BIGINT);
            case "truncate":
                return TruncateFunction.translate(operands, translator, type);
            case "round":
                return roundDecimal(operands, translator);
            case "rand", "random":
                return call(name, operands, translator, type, type, type);
            case "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "bit_count":
                return call(name, operands, translator, type, Types.BIGINT, Types.BIGINT);
            case "bitwise_left_shift", "bitwise_right_shift", "bitwise_right_shift_arithmetic":
                // the value keeps its width (the result's type), the kernel shifts within it
                return call(name, operands, translator, type, type, Types.BIGINT);
            case "date_add":
                return call(name, operands, translator, type, null, Types.BIGINT, null);
            case "date_diff":
                return dateDiff(translateAll(operands, translator), type);
            case "from_unixtime": {
                List<Expression> arguments = new ArrayList<>();
                arguments.add(ExpressionTranslator.coerce(translator.apply(operands.get(0)), Types.DOUBLE));
                if (operands.size() == 3) {
                    arguments.add(ExpressionTranslator.coerce(translator.apply(operands.get(1)), Types.BIGINT));
                    arguments.add(ExpressionTranslator.coerce(translator.apply(operands.get(2)), Types.BIGINT));
                    return new Call(name, arguments, type);
                }
                arguments.add(operands.size() > 1 ? translator.apply(operands.get(1)) : sessionZone());
                return new Call(name, arguments, type);
            }
            // dates and times: conversions and session-zone arguments (TemporalLibrary's kernels)
            case "$extract_field": {
                String field = ((RexLiteral) operands.get(0)).getValueAs(String.class);
                return TemporalSyntax.extractField(field, translator.apply(operands.get(1)), field);
            }
            case "contains":
                // contains(cidr, ipaddress); the array form is StructuralExpressions'
                if (operands.size() == 2 && (operands.get(1).getType().getSqlTypeName() == SqlTypeName.GEOMETRY
                        || operands.get(0).getType().getSqlTypeName() != SqlTypeName.ARRAY
                                && operands.get(1).getType().getSqlTypeName() == SqlTypeName.NULL)) {
                    return new Call(name, List.of(translator.apply(operands.get(0)),
                            ExpressionTranslator.coerce(translator.apply(operands.get(1)), Types.IPADDRESS)), Types.BOOLEAN);
                }
                return null;
            case "current_time":
                return SessionFunctions.currentTime(type);
            case "$datetime_minus":
                return TemporalSyntax.difference(translator.apply(operands.get(0)), translator.apply(operands.get(1)), sessionZone());
            case "date":
                return TemporalSyntax.toDate(translator.apply(operands.get(0)), sessionZone());
            case "from_iso8601_timestamp", "from_iso8601_timestamp_nanos", "from_unixtime_nanos":
                return new Call(name, List.of(name.equals("from_unixtime_nanos")
                        ? ExpressionTranslator.coerce(translator.apply(operands.get(0)), Types.BIGINT)
                        : translator.apply(operands.get(0)), sessionZone()), type);
            case "human_readable_seconds":
                return call(name, operands, translator, type, Types.DOUBLE);
            case AtTimeZoneText.NAME: {
                // value AT TIME ZONE zone
                List<Expression> arguments = translateAll(operands, translator);
                if (arguments.get(0).type() instanceof UnknownType) {
                    throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                            "Type of value must be a time or timestamp with or without time zone (actual unknown)");
                }
                return TemporalSyntax.withZonedValue("at_timezone", arguments, atTimeZoneType(arguments.get(0).type(), type), sessionZone());
            }
            case "at_timezone": {
                List<Expression> arguments = translateAll(operands, translator);
                Type value = arguments.get(0).type();
                if (value instanceof io.quarry.type.TimeWithTimeZoneType) {
                    // only the AT TIME ZONE syntax takes a time with time zone
                    throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                            + String.join(", ", arguments.stream().map(argument -> argument.type().displayName()).toList())
                            + ") for function at_timezone. Expected: at_timezone(timestamp(p) with time zone, interval day to second), "
                            + "at_timezone(timestamp(p) with time zone, varchar(x))");
                }
                if (value instanceof DateType) {
                    // the function (not the syntax) takes a date as the start of its day in the session's zone
                    arguments.set(0, new Call("cast", List.of(arguments.get(0), sessionZone()), TemporalTypes.timestampWithTimeZone(0)));
                }
                return TemporalSyntax.withZonedValue(name, arguments, atTimeZoneType(arguments.get(0).type(), type), sessionZone());
            }
            case "timezone_hour", "timezone_minute", "to_unixtime":
                return TemporalSyntax.withZonedValue(name, translateAll(operands, translator), type, sessionZone());
            case "timezone": {
                // of a time or timestamp with time zone; a plain timestamp is taken in the session's zone
                List<Expression> arguments = translateAll(operands, translator);
                Type value = arguments.get(0).type();
                if (value instanceof UnknownType) {
                    return Constant.nullOf(Types.VARCHAR);
                }
                if (!(value instanceof TimestampType || value instanceof TimestampWithTimeZoneType
                        || value instanceof io.quarry.type.TimeWithTimeZoneType)) {
                    throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND,
                            "Unexpected parameters (" + value.displayName() + ") for function timezone");
                }
                return TemporalSyntax.withZonedValue(name, arguments, type, sessionZone());
            }
            case "parse_datetime": {
                List<Expression> arguments = translateAll(operands, translator);
                arguments.add(sessionZone());
                return new Call(name, arguments, type);
            }
            default:
                break;
        }
        if (name.equals("width_bucket") && operands.size() == 2) {
            return widthBucketOverBins(translateAll(operands, translator), type);
        }
        if (DOUBLE_FUNCTIONS.contains(name)) {
            List<Expression> arguments = new ArrayList<>();
            for (int i = 0; i < operands.size(); i++) {
                Expression argument = translator.apply(operands.get(i));
                boolean bucketCount = name.equals("width_bucket") && i == 3;
                arguments.add(ExpressionTranslator.coerce(argument, bucketCount ? Types.BIGINT : Types.DOUBLE));
            }
            return new Call(name, arguments, type);
        }
        if (PLAIN_FUNCTIONS.contains(name)) {
            return new Call(name, translateAll(operands, translator), type);
        }
        return null;
    }

    /** width_bucket(operand, bins): a number and an array of numbers, both taken as doubles. */
    private static Expression widthBucketOverBins(List<Expression> arguments, Type type) {
        Type bins = arguments.get(1).type();
        boolean numbers = bins instanceof UnknownType
                || bins instanceof ArrayType array && (array.elementType().isNumeric() || array.elementType() instanceof UnknownType);
        if (!arguments.get(0).type().isNumeric() && !(arguments.get(0).type() instanceof UnknownType) || !numbers) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + arguments.get(0).type().displayName() + ", " + bins.displayName() + ") for function width_bucket");
        }
        return new Call("width_bucket", List.of(ExpressionTranslator.coerce(arguments.get(0), Types.DOUBLE),
                ExpressionTranslator.coerce(arguments.get(1), new ArrayType(Types.DOUBLE))), type);
    }

    private static Constant sessionZone() {
        return new Constant(SessionFunctions.zone().getId(), Types.VARCHAR);
    }

    /** A cast to timestamp with time zone takes the session's zone as a second argument. */
    private static Expression castToZoned(RexCall call, Function<RexNode, Expression> translator) {
        RexNode operand = call.getOperands().get(0);
        if (call.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP && operand.getType().getSqlTypeName() == SqlTypeName.TIME) {
            // a time becomes a timestamp of the current date in the session's zone
            String name = call.getKind() == SqlKind.SAFE_CAST ? "try_cast" : "cast";
            return new Call(name, List.of(translator.apply(operand), sessionZone()), TypeMapping.toQuarry(call.getType()));
        }
        SqlTypeName target = call.getType().getSqlTypeName();
        SqlTypeName source = operand.getType().getSqlTypeName();
        boolean zoneMatters = target == SqlTypeName.TIMESTAMP_TZ && source != SqlTypeName.TIMESTAMP_TZ
                // the date of a time with time zone, or the offset of a time, is the session's
                || target == SqlTypeName.TIME_TZ && source != SqlTypeName.TIME_TZ
                || source == SqlTypeName.TIME_TZ && (target == SqlTypeName.TIMESTAMP || target == SqlTypeName.TIMESTAMP_TZ);
        if (!zoneMatters) {
            return null;
        }
        Expression value = translator.apply(operand);
        String name = call.getKind() == SqlKind.SAFE_CAST ? "try_cast" : "cast";
        return new Call(name, List.of(value, sessionZone()), TypeMapping.toQuarry(call.getType()));
    }

    private static List<Expression> translateAll(List<RexNode> operands, Function<RexNode, Expression> translator) {
        List<Expression> result = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            result.add(translator.apply(operand));
        }
        return result;
    }

    /** A call whose argument {@code i} is cast to {@code casts[i]} (null: as it is). */
    private static Expression call(
            String name, List<RexNode> operands, Function<RexNode, Expression> translator, Type type, Type... casts) {
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            Expression argument = translator.apply(operands.get(i));
            Type target = i < casts.length ? casts[i] : null;
            arguments.add(target == null ? argument : ExpressionTranslator.coerce(argument, target));
        }
        return new Call(name, arguments, type);
    }

    /** round(decimal(p,s), d) is decimal(p + 1, s): rounding up may add a digit. */
    private static Expression roundDecimal(List<RexNode> operands, Function<RexNode, Expression> translator) {
        if (operands.size() != 2) {
            return null;
        }
        Expression value = translator.apply(operands.get(0));
        if (!(value.type() instanceof DecimalType decimal)) {
            return null;
        }
        Type type = Types.decimal(Math.min(DecimalType.MAX_PRECISION, decimal.precision() + 1), decimal.scale());
        Expression digits = ExpressionTranslator.coerce(translator.apply(operands.get(1)), Types.INTEGER);
        return new Call("round", List.of(value, digits), type);
    }

    // ---- date-time arithmetic ----

    private static boolean isTemporalOrInterval(Type type) {
        return TemporalTypes.isTemporal(type) || type instanceof DateType;
    }

    private static Expression temporalArithmetic(RexCall call, Function<RexNode, Expression> translator) {
        boolean involved = false;
        for (RexNode operand : call.getOperands()) {
            SqlTypeName name = operand.getType().getSqlTypeName();
            SqlTypeFamily family = name.getFamily();
            if (family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH
                    || name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_TZ || name == SqlTypeName.TIME
                    || name == SqlTypeName.TIME_TZ) {
                involved = true;
            }
        }
        if (!involved) {
            return null;
        }
        Type type = TypeMapping.toQuarry(call.getType());
        List<Expression> arguments = translateAll(call.getOperands(), translator);
        String function = switch (call.getKind()) {
            case PLUS, CHECKED_PLUS -> "add";
            case MINUS, CHECKED_MINUS -> "subtract";
            case TIMES, CHECKED_TIMES -> "multiply";
            case DIVIDE, CHECKED_DIVIDE -> "divide";
            default -> "negate";
        };
        if (function.equals("multiply") || function.equals("divide")) {
            List<Expression> coerced = new ArrayList<>();
            for (Expression argument : arguments) {
                Type argumentType = argument.type();
                boolean interval = argumentType instanceof IntervalDayTimeType || argumentType instanceof IntervalYearMonthType;
                boolean integral = argumentType instanceof BigintType || argumentType instanceof IntegerType
                        || argumentType instanceof SmallintType || argumentType instanceof TinyintType;
                coerced.add(interval || argumentType instanceof UnknownType ? argument
                        : ExpressionTranslator.coerce(argument, integral ? Types.BIGINT : Types.DOUBLE));
            }
            arguments = coerced;
        }
        for (Expression argument : arguments) {
            if (!isTemporalOrInterval(argument.type()) && !argument.type().isNumeric()
                    && !(argument.type() instanceof UnknownType)) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot apply operator " + function + " to "
                        + arguments.stream().map(a -> a.type().displayName()).toList());
            }
        }
        type = TemporalSyntax.withIntervalPrecision(function, arguments, type);
        Constant folded = foldDateArithmetic(function, arguments, type);
        return folded != null ? folded : new Call(function, arguments, type);
    }

    /**
     * date ± constant interval of constants, folded at plan time (TPC-H's {@code DATE '1998-12-01' - INTERVAL
     * '90' DAY}), so that filters compare with a plain date.
     */
    private static Constant foldDateArithmetic(String function, List<Expression> arguments, Type type) {
        if (!(type instanceof DateType) || arguments.size() != 2 || (!function.equals("add") && !function.equals("subtract"))) {
            return null;
        }
        Expression first = arguments.get(0);
        Expression second = arguments.get(1);
        Expression date = first.type() instanceof DateType ? first : second;
        Expression interval = date == first ? second : first;
        if (!(date instanceof Constant dateValue) || !(interval instanceof Constant intervalValue)
                || dateValue.value() == null || intervalValue.value() == null || (function.equals("subtract") && date != first)) {
            return null;
        }
        long amount = (Long) intervalValue.value() * (function.equals("subtract") ? -1 : 1);
        java.time.LocalDate day = java.time.LocalDate.ofEpochDay((Long) dateValue.value());
        long days;
        if (interval.type() instanceof IntervalYearMonthType) {
            days = day.plusMonths(amount).toEpochDay();
        } else if (interval.type() instanceof IntervalDayTimeType) {
            if (amount % 86_400_000L != 0) {
                return null; // the kernel's error (Trino refuses hours, minutes and seconds on a date)
            }
            days = Math.addExact(day.toEpochDay(), amount / 86_400_000L);
        } else {
            return null;
        }
        // a date beyond an int of days is the kernel's error, as in Trino
        return days == (int) days ? new Constant(days, Types.DATE) : null;
    }

    private static Expression extract(RexCall call, Function<RexNode, Expression> translator) {
        TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
        Expression value = translator.apply(call.getOperands().get(1));
        String function = switch (unit) {
            case YEAR -> "year";
            case QUARTER -> "quarter";
            case MONTH -> "month";
            case WEEK -> "week";
            case DAY -> "day";
            case DOW -> "day_of_week";
            case ISODOW -> "day_of_week";
            case DOY -> "day_of_year";
            case HOUR -> "hour";
            case MINUTE -> "minute";
            case SECOND -> "second";
            case MILLISECOND -> "millisecond";
            case ISOYEAR -> "year_of_week";
            default -> throw new QuarryException(ErrorCode.NOT_SUPPORTED, "EXTRACT(" + unit + ") is not supported yet");
        };
        Type type = value.type();
        if (!(type instanceof DateType || type instanceof TimestampType || type instanceof TimestampWithTimeZoneType
                || type instanceof TimeType || type instanceof io.quarry.type.TimeWithTimeZoneType || type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType
                || type instanceof UnknownType)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot extract " + unit + " from " + type.displayName());
        }
        return new Call(function, List.of(value), Types.BIGINT);
    }

    static boolean isDouble(Type type) {
        return type instanceof DoubleType;
    }

    /**
     * date_diff with its two values of one kind: a date beside a timestamp becomes that timestamp's midnight, and a
     * timestamp beside a timestamp with time zone takes the session's zone, as Trino coerces them.
     */
    private static Expression dateDiff(List<Expression> arguments, Type type) {
        if (arguments.size() != 3) {
            return new Call("date_diff", arguments, type);
        }
        Type common = meetingDateTime(arguments.get(1).type(), arguments.get(2).type());
        if (common == null) {
            return new Call("date_diff", arguments, type);
        }
        return new Call("date_diff", List.of(arguments.get(0), ExpressionTranslator.coerce(arguments.get(1), common),
                ExpressionTranslator.coerce(arguments.get(2), common)), type);
    }

    /** The type a date, timestamp or timestamp with time zone meets another of them as; null when they are alike or do not meet. */
    private static Type meetingDateTime(Type left, Type right) {
        if (left.getClass().equals(right.getClass()) || !isDateOrTimestamp(left) || !isDateOrTimestamp(right)) {
            return null;
        }
        int precision = Math.max(timestampPrecision(left), timestampPrecision(right));
        boolean zoned = left instanceof io.quarry.type.TimestampWithTimeZoneType || right instanceof io.quarry.type.TimestampWithTimeZoneType;
        return zoned ? io.quarry.type.TemporalTypes.timestampWithTimeZone(precision) : io.quarry.type.TemporalTypes.timestamp(precision);
    }

    private static boolean isDateOrTimestamp(Type type) {
        return type instanceof io.quarry.type.DateType || type instanceof io.quarry.type.TimestampType
                || type instanceof io.quarry.type.TimestampWithTimeZoneType;
    }

    /** A timestamp's precision; 0 for a date, whose midnight has no fraction. */
    private static int timestampPrecision(Type type) {
        return type instanceof io.quarry.type.DateType ? 0 : type.arguments().get(0).intValue();
    }
}
