package io.quarry.exec.function;

import io.quarry.block.LongBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import java.util.List;
import java.util.Set;

/**
 * Resolves a {@link Call} of the plan to its kernel once, at compile time: an unknown name, or argument types
 * without a kernel, is FUNCTION_NOT_FOUND (as Trino finds no signature), so nothing is discovered at run time.
 */
public final class Functions {
    /** Every function and operator name this package implements. */
    public static final Set<String> NAMES = Set.of(
            "add", "subtract", "multiply", "divide", "modulus", "negate",
            "equal", "not_equal", "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal",
            "is_distinct_from", "cast", "try_cast", "like", "substr", "substring", "length", "lower", "upper",
            "trim", "ltrim", "rtrim", "concat", "replace", "strpos", "abs", "round", "floor", "ceil", "ceiling",
            "sqrt", "power", "pow", "year", "month", "day", "day_of_month", "greatest", "least");

    private Functions() {}

    public static ScalarKernel resolve(Call call) {
        try {
            return resolveTyped(call);
        } catch (QuarryException e) {
            // Trino binds a bare NULL to the parameter's type, and a function answers NULL to a NULL argument; the
            // call was validated, so a kernel missing for an unknown argument is no unknown function
            if ((e.errorCode() == ErrorCode.NOT_SUPPORTED || e.errorCode() == ErrorCode.FUNCTION_NOT_FOUND)
                    && call.arguments().stream().anyMatch(argument -> argument.type() instanceof UnknownType)) {
                return (arguments, count) -> Blocks.nulls(call.type(), count);
            }
            throw e;
        }
    }

    private static ScalarKernel resolveTyped(Call call) {
        if (LongTimestamps.isLong(call.type()) || call.arguments().stream().anyMatch(argument -> LongTimestamps.isLong(argument.type()))) {
            boolean exact = call.function().equals("cast") || call.function().equals("try_cast")
                    || Comparisons.Operator.isComparison(call.function()) || StructuralFunctions.handles(call)
                    || call.function().equals("greatest") || call.function().equals("least") || call.function().equals("format");
            if (!exact) {
                ScalarKernel precise = LongTimestamps.precise(call);
                return precise != null ? precise : LongTimestamps.narrowed(call, Functions::resolveTyped);
            }
        }
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type result = call.type();
        ScalarKernel ipAddress = IpAddressFunctions.resolve(call);
        if (ipAddress != null) {
            return ipAddress;
        }
        ScalarKernel timeWithTimeZone = TimeWithTimeZoneFunctions.resolve(call);
        if (timeWithTimeZone != null) {
            return timeWithTimeZone;
        }
        ScalarKernel color = ColorFunctions.resolve(call);
        if (color != null) {
            return color;
        }
        ScalarKernel uuid = UuidFunctions.resolve(call);
        if (uuid != null) {
            return uuid;
        }
        ScalarKernel digest = DigestFunctions.resolve(call);
        if (digest != null) {
            return digest;
        }
        ScalarKernel sketch = SketchFunctions.resolve(call);
        if (sketch != null) {
            return sketch;
        }
        ScalarKernel json = JsonLibrary.resolve(call);
        if (json != null) {
            return json;
        }
        ScalarKernel text = TextLibrary.resolve(call);
        if (text != null) {
            return text;
        }
        ScalarKernel statistical = StatisticalFunctions.resolve(call);
        if (statistical != null) {
            return statistical;
        }
        ScalarKernel insertCast = InsertCasts.resolve(call);
        if (insertCast != null) {
            return insertCast;
        }
        if (StructuralFunctions.handles(call)) {
            return StructuralFunctions.resolve(call);
        }
        ScalarKernel library = ScalarLibrary.resolve(call);
        if (library != null) {
            return library;
        }
        return switch (name) {
            case "$recursion_depth_check" -> recursionDepthCheck();
            case "add", "subtract", "multiply", "divide", "modulus", "negate" -> Arithmetic.resolve(name, types, result);
            case "equal", "not_equal", "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal",
                    "is_distinct_from" -> Comparisons.resolve(name, types);
            case "cast", "try_cast" -> {
                checkArity(name, types, 1);
                yield Casts.resolve(types.get(0), result, name.equals("try_cast"));
            }
            case "like" -> StringFunctions.like(call.arguments(), types);
            case "substr", "substring" -> StringFunctions.substr(types, result);
            case "length" -> StringFunctions.length(types);
            case "lower" -> StringFunctions.changeCase(name, types, result, false);
            case "upper" -> StringFunctions.changeCase(name, types, result, true);
            case "trim" -> StringFunctions.trim(name, types, result, true, true);
            case "ltrim" -> StringFunctions.trim(name, types, result, true, false);
            case "rtrim" -> StringFunctions.trim(name, types, result, false, true);
            case "concat" -> StringFunctions.concat(types, result);
            case "replace" -> StringFunctions.replace(types, result);
            case "strpos" -> StringFunctions.strpos(types);
            case "abs" -> MathFunctions.abs(types, result);
            case "round" -> MathFunctions.round(types, result);
            case "floor" -> MathFunctions.floorOrCeil(name, types, result, true);
            case "ceil", "ceiling" -> MathFunctions.floorOrCeil(name, types, result, false);
            case "sqrt" -> MathFunctions.sqrt(types);
            case "power", "pow" -> MathFunctions.power(types);
            case "year" -> DateFunctions.resolve(name, types, DateFunctions.Field.YEAR);
            case "month" -> DateFunctions.resolve(name, types, DateFunctions.Field.MONTH);
            case "day", "day_of_month" -> DateFunctions.resolve(name, types, DateFunctions.Field.DAY);
            case "greatest" -> MathFunctions.extreme(name, types, result, true);
            case "least" -> MathFunctions.extreme(name, types, result, false);
            default -> throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Function not registered: " + name);
        };
    }

    static void checkArity(String name, List<Type> types, int arity) {
        if (types.size() != arity) {
            throw unsupported(name, types);
        }
    }

    static QuarryException unsupported(String name, List<Type> types) {
        return new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                + String.join(", ", types.stream().map(Type::displayName).toList()) + ") for function " + name);
    }

    /** See {@code sql.RecursiveQueries}: false for no rows past the depth limit, otherwise the query fails. */
    private static ScalarKernel recursionDepthCheck() {
        return Kernels.rows(Types.BOOLEAN, (blocks, position, out) -> {
            long rows = ((LongBlock) blocks[0]).getLong(position);
            if (rows > 0) {
                long depth = ((LongBlock) blocks[1]).getLong(position);
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Recursion depth limit exceeded (" + depth
                        + "). Use 'max_recursion_depth' session property to modify the limit.");
            }
            out.appendBoolean(false);
        });
    }
}
