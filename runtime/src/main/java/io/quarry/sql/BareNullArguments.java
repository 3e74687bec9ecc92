package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.sql.FunctionSignatures.Signature;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Types a bare NULL argument of a function call as Trino does: the NULL is of type unknown, which every parameter
 * type accepts, so of the function's signatures (those of {@code SHOW FUNCTIONS}) that take the other arguments the
 * most specific one is chosen, and the NULL takes its parameter's type. {@code abs(NULL)} is then a tinyint,
 * {@code lower(NULL)} a varchar(0) and {@code year(NULL)} a bigint of a date. Where several signatures remain that
 * answer different types ({@code substr(NULL, 1)}: varchar or varbinary) the call is ambiguous, an
 * AMBIGUOUS_FUNCTION_CALL. A NULL whose parameter type is left open (an array of any element) stays unknown, for the
 * functions' own typing.
 */
final class BareNullArguments {
    private static final Pattern VARIABLE = FunctionSignatures.VARIABLE;

    private static final Pattern VARIABLE_IN_TYPE = Pattern.compile("\\b[A-Z][A-Z0-9]*\\b");

    /** The binding of the precision {@code p} of times and timestamps (no type variable has this name). */
    private static final String PRECISION = "p";

    /** A length or precision left open ({@code varchar(x)}, {@code decimal(p,s)}) or given. */
    private static final Pattern PARAMETERS = Pattern.compile("\\((?:[xyzp]|p,s|\\d+)\\)");

    /** The numeric types, each implicitly coercible to those after it. */
    private static final List<String> NUMERIC_ORDER = List.of("tinyint", "smallint", "integer", "bigint", "decimal", "real", "double");

    /** Trino's types of patterns, paths and character sets: varchar to Quarry. */
    private static final Set<String> PATTERN_TYPES = FunctionSignatures.PATTERN_TYPES;

    /**
     * Functions that do not answer NULL to a NULL argument ({@code concat_ws} skips it). Trino lets any of several
     * equally specific signatures with one return type take a NULL only when each would answer NULL to it; for
     * these the choice changes the answer, so it is ambiguous.
     */
    private static final Set<String> NULL_TAKING = Set.of("concat_ws");

    private BareNullArguments() {}

    /**
     * Types the bare NULL arguments of {@code call}, if it is a function of the catalogue: {@code typeOf} derives the
     * type of another argument, {@code setType} records a NULL's type. With {@code typeOf} empty only calls of NULLs
     * alone are typed (before validation, when Calcite turns {@code year(x)} into {@code EXTRACT}).
     */
    static void bind(SqlCall call, Optional<Function<SqlNode, RelDataType>> typeOf, Function<SqlNode, RelDataType> knownType,
            RelDataTypeFactory factory, BiConsumer<SqlNode, RelDataType> setType, Function<SqlCall, ErrorLocation> location) {
        if ((call.getOperator().getSyntax() != SqlSyntax.FUNCTION && call.getKind() != SqlKind.TRIM) || call.operandCount() == 0) {
            return;
        }
        // the grammar's TRIM([BOTH|LEADING|TRAILING] [characters] FROM value) is the function of its value
        List<SqlNode> operands = call.getKind() == SqlKind.TRIM && call.operandCount() == 3
                ? List.of(call.operand(2)) : call.getOperandList();
        List<Integer> nulls = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            SqlNode operand = operands.get(i);
            if (operand instanceof SqlLambda) {
                return;
            }
            if (isBareNull(operand, knownType) || isUnknownExpression(operand, typeOf)) {
                nulls.add(i);
            }
        }
        if (nulls.isEmpty() || (typeOf.isEmpty() && nulls.size() != operands.size())) {
            return;
        }
        List<Signature> signatures = FunctionSignatures.of(call.getOperator().getName().toLowerCase(Locale.ROOT), operands.size());
        if (signatures.isEmpty()) {
            return;
        }
        if (signatures.stream().allMatch(signature -> nulls.stream().allMatch(i -> VARIABLE.matcher(signature.parameters().get(i)).matches()))
                || operands.stream().anyMatch(operand -> operand.getKind().belongsTo(SqlKind.QUERY))) {
            // nothing to bind (coalesce(x, NULL)), or a subquery whose type is derived later, in its own scope
            return;
        }
        List<RelDataType> types = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            types.add(nulls.contains(i) ? null : typeOf.orElseThrow().apply(operands.get(i)));
        }
        // as in Trino, the signatures that take the other arguments as they are come first, then those that coerce them
        List<Signature> exact = signatures.stream().filter(signature -> accepts(signature, types, true)).toList();
        List<Signature> applicable = exact.isEmpty()
                ? signatures.stream().filter(signature -> accepts(signature, types, false)).toList()
                : exact;
        if (applicable.isEmpty()) {
            return;
        }
        List<Signature> mostSpecific = applicable.stream()
                .filter(candidate -> applicable.stream().noneMatch(other ->
                        moreSpecific(other, candidate) && !moreSpecific(candidate, other)))
                .toList();
        if (mostSpecific.stream().map(signature -> boundReturnType(signature, types)).distinct().count() > 1
                || mostSpecific.size() > 1 && NULL_TAKING.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
            ErrorLocation where = location.apply(call);
            throw new QuarryException(ErrorCode.AMBIGUOUS_FUNCTION_CALL, Errors.prefix(where)
                    + "Could not choose a best candidate operator. Explicit type casts must be added.\nCandidates are:\n"
                    + mostSpecific.stream().map(signature -> "\t * " + signature).collect(Collectors.joining("\n")),
                    where, null);
        }
        Signature chosen = mostSpecific.get(0);
        Map<String, RelDataType> variables = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) != null) {
                bindVariables(chosen.parameters().get(i), types.get(i), variables);
            }
        }
        for (int i : nulls) {
            boolean lambdaParameter = operands.get(i) instanceof org.apache.calcite.sql.SqlIdentifier identifier && identifier.isSimple();
            if (lambdaParameter && VARIABLE_IN_TYPE.matcher(chosen.parameters().get(i)).find()) {
                // a lambda's parameter keeps its unknown type where the signature's type variables would type it
                continue;
            }
            RelDataType type = typeOf(chosen.parameters().get(i), variables, factory);
            if (type != null && operands.get(i) instanceof SqlLiteral) {
                setType.accept(operands.get(i), type);
            } else if (type != null && (!lambdaParameter || !type.isStruct() && type.getComponentType() == null
                    && type.getKeyType() == null)) {
                // a lambda's parameter of unknown type bound to a structural type stays as it is (concat(x, 'a') of arrays)
                int index = call.getOperandList().indexOf(operands.get(i));
                call.setOperand(index, castTo(operands.get(i), type));
            }
        }
    }

    /** A signature's return type with its type variables bound by the arguments, unknown where only NULLs bind them. */
    private static String boundReturnType(Signature signature, List<RelDataType> types) {
        Map<String, RelDataType> variables = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) != null) {
                bindVariables(signature.parameters().get(i), types.get(i), variables);
            }
        }
        return VARIABLE_IN_TYPE.matcher(signature.returnType()).replaceAll(variable -> {
            RelDataType bound = variables.get(variable.group());
            return bound == null ? "unknown" : Matcher.quoteReplacement(bound.getFullTypeString());
        });
    }

    /**
     * An expression of unknown type: a lambda's parameter ({@code x} of {@code transform(ARRAY[], x -> abs(x))} or of
     * {@code transform(ARRAY[NULL], …)}), a column of NULLs ({@code x} of {@code (VALUES NULL) t(x)}) or a call of
     * NULLs alone ({@code if(c, NULL)}). Trino types it as a bare NULL;
     * it becomes a cast to the type chosen for it.
     */
    private static boolean isUnknownExpression(SqlNode operand, Optional<Function<SqlNode, RelDataType>> typeOf) {
        boolean expression = operand instanceof org.apache.calcite.sql.SqlIdentifier
                || operand instanceof SqlCall call && !call.getKind().belongsTo(SqlKind.QUERY) && !(operand instanceof SqlLambda);
        if (!expression || typeOf.isEmpty()) {
            return false;
        }
        RelDataType type = typeOf.get().apply(operand);
        return type != null && type.getSqlTypeName() == SqlTypeName.NULL;
    }

    /** The value cast to the type: what a lambda's parameter of unknown type becomes where Trino binds it. */
    static SqlNode castTo(SqlNode value, RelDataType type) {
        org.apache.calcite.sql.parser.SqlParserPos pos = value.getParserPosition();
        return org.apache.calcite.sql.fun.SqlStdOperatorTable.CAST.createCall(pos, value,
                org.apache.calcite.sql.type.SqlTypeUtil.convertTypeToSpec(type).withNullable(true));
    }

    private static boolean isBareNull(SqlNode operand, Function<SqlNode, RelDataType> knownType) {
        if (!(operand instanceof SqlLiteral literal) || literal.getTypeName() != SqlTypeName.NULL) {
            return false;
        }
        RelDataType known = knownType.apply(operand);
        return known == null || known.getSqlTypeName() == SqlTypeName.NULL;
    }

    private static boolean accepts(Signature signature, List<RelDataType> types, boolean exactly) {
        for (int i = 0; i < types.size(); i++) {
            String parameter = signature.parameters().get(i);
            // a NULL is no function: only a lambda is
            boolean accepted = types.get(i) == null
                    ? !parameter.startsWith("function(")
                    : accepts(parameter, types.get(i), exactly);
            if (!accepted) {
                return false;
            }
        }
        return true;
    }

    /** Whether a value of {@code type} may be passed as {@code parameter}: as is, or also by an implicit coercion. */
    private static boolean accepts(String parameter, RelDataType type, boolean exactly) {
        if (type.getSqlTypeName() == SqlTypeName.NULL || VARIABLE.matcher(parameter).matches()) {
            return true;
        }
        List<String> inner = innerTypes(parameter);
        if (parameter.startsWith("array(")) {
            return type.getSqlTypeName() == SqlTypeName.ARRAY && accepts(inner.get(0), type.getComponentType(), exactly);
        }
        if (parameter.startsWith("map(")) {
            return type.getSqlTypeName() == SqlTypeName.MAP
                    && accepts(inner.get(0), type.getKeyType(), exactly) && accepts(inner.get(1), type.getValueType(), exactly);
        }
        if (type.getSqlTypeName() == SqlTypeName.ANY || type.getSqlTypeName() == SqlTypeName.FUNCTION) {
            return true; // not typed yet
        }
        String actual = baseName(TypeMapping.displayName(type));
        return exactly ? actual.equals(baseName(parameter)) : coercible(actual, baseName(parameter));
    }

    /** Whether every parameter of {@code first} may be passed as the same parameter of {@code second}. */
    private static boolean moreSpecific(Signature first, Signature second) {
        for (int i = 0; i < first.parameters().size(); i++) {
            if (!parameterCoercible(first.parameters().get(i), second.parameters().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean parameterCoercible(String from, String to) {
        if (VARIABLE.matcher(to).matches()) {
            return true;
        }
        if (VARIABLE.matcher(from).matches()) {
            return false;
        }
        boolean fromArray = from.startsWith("array(");
        boolean fromMap = from.startsWith("map(");
        if (fromArray || fromMap || to.startsWith("array(") || to.startsWith("map(")) {
            if (fromArray != to.startsWith("array(") || fromMap != to.startsWith("map(")) {
                return false;
            }
            List<String> fromInner = innerTypes(from);
            List<String> toInner = innerTypes(to);
            for (int i = 0; i < fromInner.size(); i++) {
                if (!parameterCoercible(fromInner.get(i), toInner.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return coercible(baseName(from), baseName(to));
    }

    /** Trino's implicit coercions between the types (without lengths and precisions) this needs. */
    private static boolean coercible(String from, String to) {
        if (from.equals(to) || from.equals("unknown")) {
            return true;
        }
        int fromRank = NUMERIC_ORDER.indexOf(from);
        int toRank = NUMERIC_ORDER.indexOf(to);
        if (fromRank >= 0 && toRank >= 0) {
            return fromRank <= toRank;
        }
        return switch (from) {
            case "varchar", "char" -> to.equals("char") || PATTERN_TYPES.contains(to);
            case "date" -> to.equals("timestamp") || to.equals("timestamp with time zone");
            case "timestamp" -> to.equals("timestamp with time zone");
            case "time" -> to.equals("time with time zone");
            default -> false;
        };
    }

    private static String baseName(String type) {
        return PARAMETERS.matcher(type).replaceAll("");
    }

    /** The types inside {@code array(...)} or {@code map(...)}. */
    private static List<String> innerTypes(String type) {
        int open = type.indexOf('(');
        if (open < 0 || !type.endsWith(")")) {
            return List.of();
        }
        String inner = type.substring(open + 1, type.length() - 1);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(inner.substring(start).strip());
        return parts;
    }

    private static void bindVariables(String parameter, RelDataType type, Map<String, RelDataType> variables) {
        if (type.getSqlTypeName() == SqlTypeName.NULL) {
            return;
        }
        if (VARIABLE.matcher(parameter).matches()) {
            variables.putIfAbsent(parameter, type);
        } else if (parameter.startsWith("array(") && type.getComponentType() != null) {
            bindVariables(innerTypes(parameter).get(0), type.getComponentType(), variables);
        } else if (parameter.startsWith("map(") && type.getSqlTypeName() == SqlTypeName.MAP) {
            bindVariables(innerTypes(parameter).get(0), type.getKeyType(), variables);
            bindVariables(innerTypes(parameter).get(1), type.getValueType(), variables);
        } else if (parameter.contains("(p)") && type.getSqlTypeName().allowsPrec()) {
            // the precision of a time or timestamp: a value's type stands for it
            variables.putIfAbsent(PRECISION, type);
        }
    }

    /** The type a NULL takes as {@code parameter}, or null where the signature leaves it open. */
    private static RelDataType typeOf(String parameter, Map<String, RelDataType> variables, RelDataTypeFactory factory) {
        if (VARIABLE.matcher(parameter).matches()) {
            RelDataType bound = variables.get(parameter);
            return bound == null ? null : factory.createTypeWithNullability(bound, true);
        }
        if (parameter.startsWith("array(")) {
            RelDataType element = typeOf(innerTypes(parameter).get(0), variables, factory);
            return element == null ? null : factory.createTypeWithNullability(factory.createArrayType(element, -1), true);
        }
        if (parameter.startsWith("map(")) {
            RelDataType key = typeOf(innerTypes(parameter).get(0), variables, factory);
            RelDataType value = typeOf(innerTypes(parameter).get(1), variables, factory);
            return key == null || value == null ? null
                    : factory.createTypeWithNullability(factory.createMapType(key, value), true);
        }
        if (parameter.matches("varchar\\([xyz]\\)") || PATTERN_TYPES.contains(parameter)) {
            // a NULL binds a varchar's open length to 0, as in Trino
            return TypeMapping.toCalcite(factory, Types.varchar(0));
        }
        if (parameter.contains("(p)") && variables.containsKey(PRECISION)) {
            parameter = parameter.replace("(p)", "(" + variables.get(PRECISION).getPrecision() + ")");
        }
        if (parameter.matches(".*\\([a-z](,[a-z])?\\).*")) {
            return null; // an open precision: the functions' own typing decides
        }
        try {
            return TypeMapping.toCalcite(factory, Types.parse(parameter));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
