package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Lambda;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scalar and aggregate functions' signatures of {@code SHOW FUNCTIONS} ({@link FunctionListing}), by name and
 * argument count, for what Trino decides from them: the type of a bare NULL argument ({@link BareNullArguments}),
 * whether a function takes a char(n) at all and where it reads one with its padding.
 */
final class FunctionSignatures {
    /** Type variables of the catalogue's signatures: {@code E}, {@code K2}, ... */
    static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9]*");

    /** Trino's types of patterns, paths and character sets, which varchar and char coerce to. */
    static final Set<String> PATTERN_TYPES = Set.of("joniregexp", "codepoints", "jsonpath");

    private static final Map<String, Map<Integer, List<Signature>>> SIGNATURES = load("scalar");

    private static final Map<String, Map<Integer, List<Signature>>> AGGREGATE_SIGNATURES = load("aggregate");

    private FunctionSignatures() {}

    /** One signature of the catalogue: its argument types and return type, in Trino's notation. */
    record Signature(List<String> parameters, String returnType) {
        Signature {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String toString() {
            return "(" + String.join(",", parameters) + "):" + returnType;
        }
    }

    /**
     * The signatures of the scalar function {@code name} (in lower case) with {@code count} arguments; those of the
     * aggregate function of that name if there is no scalar one (no name is both).
     */
    static List<Signature> of(String name, int count) {
        return SIGNATURES.getOrDefault(name, AGGREGATE_SIGNATURES.getOrDefault(name, Map.of())).getOrDefault(count, List.of());
    }

    /** The signatures of the scalar function {@code name} only, for what only scalar calls are checked for. */
    static List<Signature> ofScalar(String name, int count) {
        return SIGNATURES.getOrDefault(name, Map.of()).getOrDefault(count, List.of());
    }

    /**
     * FUNCTION_NOT_FOUND for a call with a char(n) argument where none of the function's signatures takes one: Trino
     * has no implicit coercion from char to varchar, so {@code replace(CAST('a' AS char(3)), 'a')} has no function
     * while {@code lower}, {@code length}, {@code substr} or {@code trim} have signatures of char. Calls of functions
     * without signatures of that many arguments (operators, variadic functions) are left as they are.
     */
    static Expression checkCharArguments(Expression expression) {
        if (expression instanceof Call call) {
            // a lambda's type is its body's, no argument's
            check(call.function(), call.arguments().stream()
                    .map(argument -> argument instanceof Lambda ? Types.UNKNOWN : argument.type())
                    .toList());
        }
        return expression;
    }

    /**
     * The same check of a call as written, with the types its arguments translated to (by identity; a call whose
     * arguments were not all translated is left to {@link #checkCharArguments(Expression)}).
     */
    static <T> void checkCharArguments(String function, List<T> operands, Map<T, Type> translatedTypes) {
        List<Type> types = new ArrayList<>();
        for (T operand : operands) {
            Type type = translatedTypes.get(operand);
            if (type == null) {
                return;
            }
            types.add(type);
        }
        check(function.toLowerCase(Locale.ROOT), types);
    }

    private static void check(String function, List<Type> types) {
        if (types.stream().noneMatch(type -> type instanceof CharType)) {
            return;
        }
        List<Signature> signatures = ofScalar(function, types.size());
        if (signatures.isEmpty()) {
            // a variadic function (concat_ws): refused when no signature of any length takes a char anywhere
            List<Signature> all = SIGNATURES.getOrDefault(function, Map.of()).values().stream().flatMap(List::stream).toList();
            if (all.isEmpty() || all.stream().anyMatch(signature -> signature.parameters().stream().anyMatch(FunctionSignatures::takesChar))) {
                return;
            }
            throw notFound(function, types);
        }
        boolean taken = signatures.stream().anyMatch(signature -> {
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i) instanceof CharType && !takesChar(signature.parameters().get(i))) {
                    return false;
                }
            }
            return true;
        });
        if (!taken) {
            throw notFound(function, types);
        }
    }

    private static QuarryException notFound(String function, List<Type> types) {
        return new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                + types.stream().map(Type::displayName).collect(Collectors.joining(", ")) + ") for function " + function);
    }

    /**
     * Whether argument {@code position} of a call of {@code function} with {@code count} arguments is a pattern, a
     * JSON path or a character set: a char(n) there is read with its padding, as Trino coerces it to that type.
     */
    static boolean isPattern(String function, int count, int position) {
        return ofScalar(function, count).stream().anyMatch(signature -> PATTERN_TYPES.contains(signature.parameters().get(position)));
    }

    private static boolean takesChar(String parameter) {
        return parameter.startsWith("char(") || VARIABLE.matcher(parameter).matches() || PATTERN_TYPES.contains(parameter);
    }

    private static Map<String, Map<Integer, List<Signature>>> load(String functionType) {
        Map<String, Map<Integer, List<Signature>>> signatures = new HashMap<>();
        for (FunctionListing.FunctionRow row : FunctionListing.list(Optional.empty(), Optional.empty())) {
            if (row.functionType().equals(functionType)) {
                List<String> parameters = row.argumentTypeList();
                signatures.computeIfAbsent(row.function(), name -> new HashMap<>())
                        .computeIfAbsent(parameters.size(), count -> new ArrayList<>())
                        .add(new Signature(parameters, row.returnType()));
            }
        }
        return signatures;
    }
}
