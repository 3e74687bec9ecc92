package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DateTimeValues;
import io.quarry.type.DateType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the scalar functions of {@link StringLibrary}, {@link MathLibrary}, {@link TemporalFunctions},
 * {@link TemporalCasts}, {@link DateTimeFormatting} and {@link JsonFunctions}, and the operators over date-time and interval types.
 * Returns null for calls it does not implement, which {@link Functions} resolves.
 */
public final class ScalarLibrary {
    private ScalarLibrary() {}

    /** False for the functions whose value changes from call to call (never folded into a constant). */
    public static boolean isDeterministic(String function) {
        return !function.equals("rand") && !function.equals("random") && !function.equals("uuid");
    }

    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Expression> arguments = call.arguments();
        List<Type> types = arguments.stream().map(Expression::type).toList();
        Type result = call.type();
        switch (name) {
            case "cast", "try_cast" -> {
                if (types.isEmpty()) {
                    return null;
                }
                ZoneId zone = types.size() == 2 ? zoneOf(arguments.get(1)) : ZoneOffset.UTC;
                return TemporalCasts.resolve(types.get(0), result, name.equals("try_cast"), zone);
            }
            case "add", "subtract", "multiply", "divide", "negate" -> {
                return TemporalFunctions.arithmetic(name, types, result);
            }
            case "equal", "not_equal", "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal",
                    "is_distinct_from" -> {
                return TemporalFunctions.comparison(name, types);
            }
            case "year", "month", "day", "day_of_month" -> {
                boolean plainDate = types.size() == 1 && types.get(0) instanceof DateType;
                return plainDate ? null : TemporalFunctions.field(name, types);
            }
            case "quarter", "week", "week_of_year", "day_of_week", "dow", "day_of_year", "doy", "hour", "minute", "second",
                    "millisecond", "year_of_week", "yow", "timezone_hour", "timezone_minute" -> {
                return TemporalFunctions.field(name, types);
            }
            case "last_day_of_month" -> {
                return TemporalFunctions.lastDayOfMonth(types);
            }
            case "date_trunc" -> {
                return TemporalFunctions.dateTrunc(arguments, types);
            }
            case "date_add" -> {
                return TemporalFunctions.dateAdd(arguments, types);
            }
            case "date_diff" -> {
                return TemporalFunctions.dateDiff(arguments, types);
            }
            case "format_datetime" -> {
                return DateTimeFormatting.formatDatetime(arguments, types);
            }
            case "date_format" -> {
                return DateTimeFormatting.dateFormat(arguments, types);
            }
            case "date_parse" -> {
                return DateTimeFormatting.dateParse(arguments, types);
            }
            case "parse_datetime" -> {
                return DateTimeFormatting.parseDatetime(arguments, types);
            }
            case "from_unixtime" -> {
                ScalarKernel offset = TemporalLibrary.resolve(name, arguments, types, result);
                return offset != null ? offset : DateTimeFormatting.fromUnixtime(arguments, types);
            }
            case "to_unixtime" -> {
                return DateTimeFormatting.toUnixtime(types);
            }
            case "from_iso8601_timestamp", "from_iso8601_timestamp_nanos", "from_unixtime_nanos", "human_readable_seconds",
                    "parse_duration", "to_milliseconds", "timezone" -> {
                return TemporalLibrary.resolve(name, arguments, types, result);
            }
            case "at_timezone" -> {
                ScalarKernel interval = TemporalLibrary.resolve(name, arguments, types, result);
                return interval != null ? interval : TemporalFunctions.atTimeZone(types, result);
            }
            case "with_timezone" -> {
                return TemporalFunctions.withTimeZone(types, result);
            }
            case "to_iso8601" -> {
                return DateTimeFormatting.toIso8601(types);
            }
            case "from_iso8601_date" -> {
                return DateTimeFormatting.fromIso8601Date(types);
            }
            case "lpad", "rpad" -> {
                return StringLibrary.pad(name, types, result);
            }
            case "reverse" -> {
                return StringLibrary.reverse(types, result);
            }
            case "split", "regexp_extract_all", "regexp_split" -> {
                return StringArrayFunctions.resolve(name, arguments, types, result);
            }
            case "split_part" -> {
                return StringLibrary.splitPart(types, result);
            }
            case "starts_with" -> {
                return StringLibrary.startsWith(types);
            }
            case "chr" -> {
                return StringLibrary.chr(result);
            }
            case "codepoint" -> {
                return StringLibrary.codepoint(types);
            }
            case "levenshtein_distance" -> {
                return StringLibrary.levenshtein(types);
            }
            case "hamming_distance" -> {
                return StringLibrary.hamming(types);
            }
            case "translate" -> {
                return StringLibrary.translate(types, result);
            }
            case "to_utf8" -> {
                return StringLibrary.toUtf8(types);
            }
            case "from_utf8" -> {
                return StringLibrary.fromUtf8(types);
            }
            case "normalize" -> {
                return StringLibrary.normalize(types);
            }
            case "luhn_check" -> {
                return StringLibrary.luhnCheck(types);
            }
            case "fail" -> {
                return fail(types);
            }
            case "trim", "ltrim", "rtrim" -> {
                return types.size() == 2 ? StringLibrary.trimCharacters(name, types, result) : null;
            }
            case "strpos" -> {
                return types.size() == 3 ? StringLibrary.strposInstance(types) : null;
            }
            case "regexp_like" -> {
                return StringLibrary.regexpLike(arguments, types);
            }
            case "regexp_extract" -> {
                return StringLibrary.regexpExtract(arguments, types, result);
            }
            case "regexp_replace" -> {
                return StringLibrary.regexpReplace(arguments, types, result);
            }
            case "regexp_count" -> {
                return StringLibrary.regexpCount(arguments, types);
            }
            case "regexp_position" -> {
                return StringLibrary.regexpPosition(arguments, types);
            }
            case "degrees", "radians", "cos", "sin", "tan", "acos", "asin", "atan", "cosh", "sinh", "tanh", "exp", "ln",
                    "log2", "log10", "cbrt", "atan2", "log", "is_nan", "is_finite", "is_infinite" -> {
                return MathLibrary.doubleFunction(name, types);
            }
            case "pi", "e", "infinity", "nan" -> {
                return MathLibrary.constant(name);
            }
            case "truncate" -> {
                return MathLibrary.truncate(types, result);
            }
            case "sign" -> {
                return MathLibrary.sign(types, result);
            }
            case "rand", "random" -> {
                return MathLibrary.random(types, result);
            }
            case "width_bucket" -> {
                return types.size() == 2 ? MathLibrary.widthBucketOverBins() : MathLibrary.widthBucket();
            }
            case "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "bitwise_left_shift", "bitwise_right_shift",
                    "bitwise_right_shift_arithmetic", "bit_count" -> {
                return MathLibrary.bitwise(name, types);
            }
            case "format" -> {
                return format(types);
            }
            case "json_extract_scalar" -> {
                return JsonFunctions.extractScalar(arguments, types);
            }
            case "json_size" -> {
                return JsonFunctions.size(arguments, types);
            }
            case "json_array_length" -> {
                return JsonFunctions.arrayLength(types);
            }
            case "is_json_scalar" -> {
                return JsonFunctions.isScalar(types);
            }
            default -> {
                return null;
            }
        }
    }

    /** fail([error code,] message): the query fails with the message, under the code's name; NULL for a NULL message. */
    private static ScalarKernel fail(List<Type> types) {
        int message = types.size() - 1;
        return (arguments, count) -> {
            for (int i = 0; i < count; i++) {
                if (arguments[message].isNull(i) || message == 1 && arguments[0].isNull(i)) {
                    continue;
                }
                String text = Kernels.string(arguments[message], i);
                if (message == 0) {
                    throw new QuarryException(ErrorCode.GENERIC_USER_ERROR, text);
                }
                long code = ((io.quarry.block.LongBlock) arguments[0]).getLong(i);
                ErrorCode error = java.util.Arrays.stream(ErrorCode.values()).filter(candidate -> candidate.code() == code)
                        .findFirst().orElseThrow(() -> new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR,
                                "Unable to find error for code: " + code));
                throw new QuarryException(error, text);
            }
            return Blocks.nulls(Types.UNKNOWN, count);
        };
    }

    private static ZoneId zoneOf(Expression argument) {
        if (argument instanceof Constant constant && constant.value() instanceof String zone) {
            return TemporalCasts.parseZone(zone);
        }
        throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "the time zone of a cast must be a constant");
    }

    /**
     * format(pattern, args…): Java's formatter, as Trino's. Dates and date-times are java.time values (so {@code %tY}
     * works), other non-basic types their text as a cast to varchar gives it; binary and structural values are refused.
     */
    private static ScalarKernel format(List<Type> types) {
        if (types.isEmpty()) {
            throw Functions.unsupported("format", types);
        }
        if (!StringFunctions.isText(types.get(0))) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                    "Type of first argument to format() must be VARCHAR (actual: " + types.get(0).displayName() + ")");
        }
        List<FormatArgument> converters = types.subList(1, types.size()).stream().map(ScalarLibrary::formatArgument).toList();
        return (arguments, count) -> {
            Block[] texts = new Block[arguments.length];
            for (int k = 1; k < arguments.length; k++) {
                texts[k] = converters.get(k - 1).asText() == null ? arguments[k]
                        : converters.get(k - 1).asText().apply(new Block[] {arguments[k]}, count);
            }
            io.quarry.block.BlockBuilder out = io.quarry.block.BlockBuilder.create(Types.VARCHAR, count);
            for (int i = 0; i < count; i++) {
                if (arguments[0].isNull(i)) {
                    out.appendNull();
                    continue;
                }
                Object[] values = new Object[converters.size()];
                for (int k = 1; k < arguments.length; k++) {
                    values[k - 1] = converters.get(k - 1).value(texts[k], i);
                }
                try {
                    out.appendString(String.format(Locale.ENGLISH, Kernels.string(arguments[0], i), values));
                } catch (IllegalFormatException e) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid format string: " + e.getMessage());
                }
            }
            return out.build();
        };
    }

    /**
     * A date, time or timestamp as the java.time value Trino formats: a LocalDateTime for a timestamp (every digit to
     * the nanosecond), a ZonedDateTime for one with a zone (Trino's UTC is a region, printed as [UTC]).
     */
    private static Object javaTime(Type type, Block block, int position) {
        if (type instanceof DateType) {
            return LocalDate.ofEpochDay(Kernels.longAt(block, position));
        }
        if (type instanceof io.quarry.type.TimeType) {
            return java.time.LocalTime.ofNanoOfDay(Kernels.longAt(block, position) / 1_000);
        }
        io.quarry.type.FractionalSeconds time = LongTimestamps.time(type, block, position);
        java.time.Instant instant = java.time.Instant.ofEpochSecond(time.seconds(), time.picos() / 1_000);
        if (type instanceof io.quarry.type.TimestampType) {
            return java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        int zoneKey = LongTimestamps.zoneKey(block, position);
        return instant.atZone(zoneKey == 0 ? ZoneId.of("UTC") : DateTimeValues.zone(zoneKey));
    }

    /** How one argument of format becomes a Java value: directly, or through its cast to varchar ({@code asText}). */
    private record FormatArgument(Type type, ScalarKernel asText) {
        Object value(Block block, int position) {
            if (block.isNull(position)) {
                return null;
            }
            if (asText != null) {
                return Values.toObject(Types.VARCHAR, block, position);
            }
            // the date-times that reach here are dates, times and timestamps; other types are cast to text
            return type instanceof DateType || io.quarry.type.TemporalTypes.isTemporal(type)
                    ? javaTime(type, block, position) : Values.toObject(type, block, position);
        }
    }

    private static FormatArgument formatArgument(Type type) {
        if (type instanceof io.quarry.type.VarbinaryType || Blocks.isStructural(type) || type instanceof io.quarry.type.ColorType
                || type instanceof io.quarry.type.HyperLogLogType || type instanceof io.quarry.type.SetDigestType
                || type instanceof io.quarry.type.TDigestType || type instanceof io.quarry.type.QuantileDigestType) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Type not supported for formatting: " + type.displayName());
        }
        boolean direct = Arithmetic.isIntegral(type) || type instanceof io.quarry.type.RealType
                || type instanceof io.quarry.type.DoubleType || type instanceof io.quarry.type.DecimalType || type instanceof io.quarry.type.BooleanType || StringFunctions.isText(type)
                || type instanceof io.quarry.type.JsonType || type instanceof io.quarry.type.UnknownType
                || type instanceof DateType || type instanceof io.quarry.type.TimestampType
                || type instanceof io.quarry.type.TimeType || type instanceof TimestampWithTimeZoneType;
        return new FormatArgument(type, direct ? null
                : Functions.resolve(new Call("cast", List.of(new io.quarry.plan.expression.InputRef(0, type)), Types.VARCHAR)));
    }
}
