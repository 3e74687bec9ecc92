package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.Lambda;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;

/**
 * Translates Calcite's row expressions over one input into Quarry's expression IR, with Trino's function
 * names, explicit casts between operands of different types, and date ± interval folded to a date.
 */
final class ExpressionTranslator {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final RexBuilder rexBuilder;
    private final List<Type> inputTypes;
    private final int[] mapping;
    /** Set while translating the body of a lambda: its parameters and captured columns. */
    private final StructuralExpressions.Scope lambdaScope;

    /**
     * @param inputTypes the types of the input channels
     * @param mapping input field index (Calcite) to input channel (Quarry)
     */
    /** Calcite's type factory, for the common types of arguments Calcite leaves apart. */
    org.apache.calcite.rel.type.RelDataTypeFactory typeFactory() {
        return rexBuilder.getTypeFactory();
    }

    ExpressionTranslator(RexBuilder rexBuilder, List<Type> inputTypes, int[] mapping) {
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
        this.inputTypes = List.copyOf(inputTypes);
        this.mapping = mapping.clone();
        this.lambdaScope = null;
    }

    private ExpressionTranslator(ExpressionTranslator outer, StructuralExpressions.Scope lambdaScope) {
        this.rexBuilder = outer.rexBuilder;
        this.inputTypes = outer.inputTypes;
        this.mapping = outer.mapping;
        this.lambdaScope = lambdaScope;
    }

    /** A translator for the body of a lambda whose parameters and captures {@code scope} tracks. */
    ExpressionTranslator inLambda(StructuralExpressions.Scope scope) {
        return new ExpressionTranslator(this, scope);
    }

    Expression translate(RexNode node) {
        if (lambdaScope != null && node instanceof RexInputRef ref) {
            return lambdaScope.capture(ref);
        }
        if (lambdaScope != null && node instanceof org.apache.calcite.rex.RexLambdaRef ref) {
            return lambdaScope.reference(ref);
        }
        Expression structural = StructuralExpressions.translate(this, node);
        if (structural != null) {
            return FunctionSignatures.checkCharArguments(structural);
        }
        if (node instanceof RexInputRef ref) {
            int channel = mapping[ref.getIndex()];
            if (channel < 0) {
                throw new IllegalStateException("input field " + ref.getIndex() + " was pruned but is used");
            }
            return new InputRef(channel, inputTypes.get(channel));
        }
        if (node instanceof RexLiteral literal) {
            return constant(literal);
        }
        if (node instanceof RexOver) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Window functions are not supported yet");
        }
        if (node instanceof RexCall call) {
            return FunctionSignatures.checkCharArguments(CharCast.withArgumentLength(call(call)));
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Expression " + node + " is not supported yet");
    }

    static Constant constant(RexLiteral literal) {
        Constant temporal = ScalarFunctionTranslator.constant(literal);
        if (temporal != null) {
            return temporal;
        }
        SqlTypeName typeName = literal.getType().getSqlTypeName();
        if (typeName.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME
                || typeName.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            throw new QuarryException(
                    ErrorCode.NOT_SUPPORTED, "Interval values are only supported in date arithmetic with constants yet");
        }
        Type type = TypeMapping.toQuarry(literal.getType());
        if (literal.isNull()) {
            // a string literal is never NULL: a CHAR null is the user's CAST(NULL AS char(n))
            return Constant.nullOf(typeName == SqlTypeName.CHAR ? TypeMapping.toQuarry(literal.getType(), true) : type);
        }
        Object value = switch (typeName) {
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> literal.getValueAs(Long.class);
            case DECIMAL -> literal.getValueAs(BigDecimal.class).setScale(((DecimalType) type).scale(), RoundingMode.UNNECESSARY);
            case REAL, FLOAT, DOUBLE -> literal.getValueAs(Double.class);
            case CHAR, VARCHAR -> literal.getValueAs(String.class);
            case DATE -> (long) literal.getValueAs(DateString.class).getDaysSinceEpoch();
            case BINARY, VARBINARY -> literal.getValueAs(org.apache.calcite.avatica.util.ByteString.class).getBytes();
            case UUID -> io.quarry.type.UuidType.parse(String.valueOf(literal.getValue()));
            default -> throw new QuarryException(
                    ErrorCode.NOT_SUPPORTED, "Literal of type " + TypeMapping.displayName(literal.getType()) + " is not supported yet");
        };
        return new Constant(value, type);
    }

    private Expression call(RexCall call) {
        // the arguments' own types, before a kernel's coercions hide a char(n) (which Trino does not coerce)
        Map<RexNode, Type> argumentTypes = new IdentityHashMap<>();
        Expression library;
        try {
            library = ScalarFunctionTranslator.translate(call, operand -> {
                Expression argument = translate(operand);
                argumentTypes.put(operand, argument instanceof Lambda ? Types.UNKNOWN : argument.type());
                return argument;
            });
        } catch (QuarryException e) {
            FunctionSignatures.checkCharArguments(call.getOperator().getName(), call.getOperands(), argumentTypes);
            throw e;
        }
        if (library != null) {
            FunctionSignatures.checkCharArguments(call.getOperator().getName(), call.getOperands(), argumentTypes);
            return PaddedCharArguments.pad(library);
        }
        SqlKind kind = call.getKind();
        List<RexNode> operands = call.getOperands();
        if (call.getOperator() == UnfoldableComparisons.EQUAL || call.getOperator() == UnfoldableComparisons.NOT_EQUAL) {
            return comparison(call.getOperator() == UnfoldableComparisons.EQUAL ? "equal" : "not_equal", operands);
        }
        switch (kind) {
            case CAST:
            case SAFE_CAST:
                return cast(call);
            case PLUS:
            case CHECKED_PLUS:
            case MINUS:
            case CHECKED_MINUS:
            case TIMES:
            case CHECKED_TIMES:
            case DIVIDE:
            case CHECKED_DIVIDE:
            case MOD:
                if (isDateArithmetic(call)) {
                    return foldDateArithmetic(call);
                }
                return arithmetic(arithmeticName(kind), translate(operands.get(0)), translate(operands.get(1)), resultType(call));
            case MINUS_PREFIX:
            case CHECKED_MINUS_PREFIX:
                return negate(translate(operands.get(0)), resultType(call));
            case PLUS_PREFIX:
                return translate(operands.get(0));
            case EQUALS:
                return comparison("equal", operands);
            case NOT_EQUALS:
                return comparison("not_equal", operands);
            case LESS_THAN:
                return comparison("less_than", operands);
            case LESS_THAN_OR_EQUAL:
                return comparison("less_than_or_equal", operands);
            case GREATER_THAN:
                return comparison("greater_than", operands);
            case GREATER_THAN_OR_EQUAL:
                return comparison("greater_than_or_equal", operands);
            case IS_DISTINCT_FROM:
                return comparison("is_distinct_from", operands);
            case IS_NOT_DISTINCT_FROM:
                return not(comparison("is_distinct_from", operands));
            case AND:
                return new SpecialForm(Form.AND, translateAll(operands), Types.BOOLEAN);
            case OR:
                return or(call);
            case NOT:
                return not(translate(operands.get(0)));
            case IS_NULL:
                return new SpecialForm(Form.IS_NULL, List.of(translate(operands.get(0))), Types.BOOLEAN);
            case IS_NOT_NULL:
                return new SpecialForm(Form.IS_NOT_NULL, List.of(translate(operands.get(0))), Types.BOOLEAN);
            case IS_TRUE:
                return coalesce(translate(operands.get(0)), false);
            case IS_NOT_TRUE:
                return not(coalesce(translate(operands.get(0)), false));
            case IS_FALSE:
                return coalesce(not(translate(operands.get(0))), false);
            case IS_NOT_FALSE:
                return coalesce(translate(operands.get(0)), true);
            case CASE:
                return caseForm(call);
            case COALESCE:
                return coerceAll(Form.COALESCE, call);
            case NULLIF: {
                Expression first = translate(operands.get(0));
                Expression[] unified = unify(first, translate(operands.get(1)), "nullif");
                // the first argument's own type (a char keeps its length)
                Type type = first.type() instanceof io.quarry.type.CharType ? first.type() : unified[0].type();
                return new SpecialForm(Form.NULLIF, List.of(unified[0], unified[1]), type);
            }
            case SEARCH:
                return translate(RexUtil.expandSearch(rexBuilder, null, call));
            case LIKE: {
                Expression like = PaddedCharArguments.pad(new Call("like", translateAll(operands), Types.BOOLEAN));
                return call.getOperator() instanceof SqlLikeOperator operator && operator.isNegated() ? not(like) : like;
            }
            case EXTRACT:
                return extract(call);
            case TRIM:
                return trim(call);
            case FLOOR:
            case CEIL:
                if (operands.size() != 1) {
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED, "FLOOR/CEIL to a time unit is not supported yet");
                }
                List<Expression> rounded = translateAll(operands);
                return new Call(kind == SqlKind.FLOOR ? "floor" : "ceil", rounded, roundedType(call, rounded.get(0)));
            case GREATEST:
            case LEAST:
                return variadic(kind == SqlKind.GREATEST ? "greatest" : "least", call);
            case POSITION:
                if (operands.size() != 2) {
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED, "POSITION with FROM is not supported yet");
                }
                return new Call("strpos", List.of(translate(operands.get(1)), translate(operands.get(0))), Types.BIGINT);
            default:
                return namedFunction(call);
        }
    }

    private Expression namedFunction(RexCall call) {
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        String function = switch (name) {
            case "substring", "substr" -> "substr";
            case "length", "char_length", "character_length" -> "length";
            case "lower", "upper", "ltrim", "rtrim", "replace", "strpos", "abs", "round", "sqrt", "power" -> name;
            case "||", "concat" -> "concat";
            case "mod" -> "modulus";
            case "if" -> "if";
            // the validator's loose check let these arguments through, but no form of the function takes them
            default -> throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", call.getOperands().stream().map(operand -> TypeMapping.displayName(operand.getType())).toList())
                    + ") for function " + name);
        };
        if (function.equals("if")) {
            Type derived = resultType(call);
            List<Expression> arguments = new ArrayList<>(CharCast.withoutCastsToVarchar(translateAll(call.getOperands()), derived));
            Type type = CharCast.withChars(derived, CharCast.valueTypes(arguments.subList(1, arguments.size())));
            Expression otherwise = arguments.size() > 2 ? coerce(arguments.get(2), type) : Constant.nullOf(type);
            return new SpecialForm(Form.IF, List.of(arguments.get(0), coerce(arguments.get(1), type), otherwise), type);
        }
        if (function.equals("modulus")) {
            List<RexNode> operands = call.getOperands();
            return arithmetic("modulus", translate(operands.get(0)), translate(operands.get(1)), resultType(call));
        }
        if (function.equals("power")) {
            List<Expression> arguments = new ArrayList<>();
            for (Expression argument : translateAll(call.getOperands())) {
                arguments.add(coerce(argument, Types.DOUBLE));
            }
            return new Call(function, arguments, resultType(call));
        }
        if (function.equals("sqrt")) {
            return new Call(function, List.of(coerce(translate(call.getOperands().get(0)), Types.DOUBLE)), Types.DOUBLE);
        }
        if (function.equals("substr")) {
            List<Expression> arguments = new ArrayList<>();
            List<Expression> raw = translateAll(call.getOperands());
            arguments.add(raw.get(0));
            for (int i = 1; i < raw.size(); i++) {
                arguments.add(coerce(raw.get(i), Types.BIGINT));
            }
            return PaddedCharArguments.pad(new Call(function, arguments, resultType(call)));
        }
        if (function.equals("strpos") && call.getOperands().size() == 3) {
            List<Expression> raw = translateAll(call.getOperands());
            return new Call(function, List.of(raw.get(0), raw.get(1), coerce(raw.get(2), Types.BIGINT)), Types.BIGINT);
        }
        if (function.equals("round") && call.getOperands().size() == 1) {
            List<Expression> rounded = translateAll(call.getOperands());
            return new Call(function, rounded, roundedType(call, rounded.get(0)));
        }
        if (function.equals("round") && call.getOperands().size() == 2) {
            List<Expression> raw = translateAll(call.getOperands());
            return new Call(function, List.of(raw.get(0), coerce(raw.get(1), Types.INTEGER)), resultType(call));
        }
        if (function.equals("concat")) {
            // Trino types every concatenation as unbounded varchar, except that of two chars (a bounded varchar
            // becoming a char of its length) which is char(x + y)
            List<Expression> arguments = translateAll(call.getOperands());
            if (arguments.size() > 2 && arguments.stream().anyMatch(argument -> argument.type() instanceof io.quarry.type.CharType)) {
                // Trino concatenates a char with one other value only
                throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                        + arguments.stream().map(argument -> argument.type().displayName()).collect(java.util.stream.Collectors.joining(", "))
                        + ") for function concat");
            }
            Type concatenated = CharCast.concatenationType(arguments);
            return concatenated == null
                    ? new Call(function, arguments, Types.VARCHAR)
                    : new Call(function, CharCast.asChars(arguments), concatenated);
        }
        if ((function.equals("upper") || function.equals("lower")) && call.getOperands().size() == 1) {
            // of a char, a char of the same length (the padding kept), as in Trino
            List<Expression> arguments = translateAll(call.getOperands());
            Type type = arguments.get(0).type() instanceof io.quarry.type.CharType ? arguments.get(0).type() : resultType(call);
            return new Call(function, arguments, type);
        }
        return new Call(function, translateAll(call.getOperands()), resultType(call));
    }

    private Expression cast(RexCall call) {
        RexNode operand = call.getOperands().get(0);
        Expression value = translate(operand);
        // Calcite casts literals to CHAR itself; only a cast of a non-string to char is the user's char(n), and
        // Calcite's cast of a char(n) value (to the longer char of a union) stays char
        Type target = TypeMapping.toQuarry(call.getType(), call.getType().getSqlTypeName() == SqlTypeName.CHAR
                && (operand.getType().getSqlTypeName() != SqlTypeName.CHAR || value.type() instanceof io.quarry.type.CharType));
        boolean tryCast = call.getKind() == SqlKind.SAFE_CAST;
        if (value.type().equals(target)) {
            return value;
        }
        JsonCastRules.check(value.type(), target);
        // a char constant stays a cast, which comparisons see through (CharCast.withoutCastToVarchar)
        if (value instanceof Constant constant && !(value.type() instanceof io.quarry.type.CharType)) {
            Constant folded = foldCast(constant, target);
            if (folded != null) {
                return folded;
            }
        }
        return new Call(tryCast ? "try_cast" : "cast", List.of(value), target);
    }

    private Expression arithmetic(String name, Expression left, Expression right, Type result) {
        Expression a = result instanceof DecimalType ? asDecimal(left) : coerce(left, result);
        Expression b = result instanceof DecimalType ? asDecimal(right) : coerce(right, result);
        Constant folded = foldArithmetic(name, a, b, result);
        return folded != null ? folded : new Call(name, List.of(a, b), result);
    }

    /**
     * Exact addition, subtraction and multiplication of two constants (Q6's {@code 0.06 - 0.01}). Anything
     * that could fail or round (overflow, division) is left to the executor, which raises Trino's errors.
     */
    private static Constant foldArithmetic(String name, Expression left, Expression right, Type result) {
        if (!(left instanceof Constant a) || !(right instanceof Constant b) || a.value() == null || b.value() == null) {
            return null;
        }
        try {
            if (result instanceof DecimalType decimal && a.value() instanceof BigDecimal x && b.value() instanceof BigDecimal y) {
                BigDecimal value = switch (name) {
                    case "add" -> x.add(y);
                    case "subtract" -> x.subtract(y);
                    case "multiply" -> x.multiply(y);
                    default -> null;
                };
                if (value == null) {
                    return null;
                }
                value = value.setScale(decimal.scale(), RoundingMode.UNNECESSARY);
                return value.precision() - value.scale() <= decimal.precision() - decimal.scale() ? new Constant(value, result) : null;
            }
            if (integerRank(result) > 0 && a.value() instanceof Long x && b.value() instanceof Long y) {
                Long value = switch (name) {
                    case "add" -> Math.addExact(x, y);
                    case "subtract" -> Math.subtractExact(x, y);
                    case "multiply" -> Math.multiplyExact(x, y);
                    default -> null;
                };
                return value != null && fits(value, result) ? new Constant(value, result) : null;
            }
        } catch (ArithmeticException e) {
            return null; // overflow or inexact: the executor reports it
        }
        return null;
    }

    /** The least value of an integer type; null for other types. */
    private static Long minimumOf(Type type) {
        if (type instanceof io.quarry.type.TinyintType) {
            return (long) Byte.MIN_VALUE;
        }
        if (type instanceof io.quarry.type.SmallintType) {
            return (long) Short.MIN_VALUE;
        }
        if (type instanceof io.quarry.type.IntegerType) {
            return (long) Integer.MIN_VALUE;
        }
        return type instanceof io.quarry.type.BigintType ? Long.MIN_VALUE : null;
    }

    private static Expression negate(Expression value, Type result) {
        if (value instanceof Constant constant && constant.value() != null) {
            // the least value of an integer type has no negation: the call fails as Trino's does
            boolean overflows = constant.value() instanceof Long l && Long.valueOf(l).equals(minimumOf(constant.type()));
            Object negated = overflows ? null
                    : constant.value() instanceof Long l ? (Object) (-l)
                    : constant.value() instanceof Double d ? (Object) (-d)
                    : constant.value() instanceof BigDecimal b ? b.negate()
                    : null;
            if (negated != null && constant.type().equals(result)) {
                return new Constant(negated, result);
            }
        }
        return new Call("negate", List.of(value), result);
    }

    private Expression comparison(String name, List<RexNode> operands) {
        Expression[] unified = unify(
                CharCast.withoutCastToVarchar(translate(operands.get(0))),
                CharCast.withoutCastToVarchar(translate(operands.get(1))),
                name);
        return new Call(name, List.of(unified[0], unified[1]), Types.BOOLEAN);
    }

    /** An OR of equalities between one expression and constants is an IN list. */
    private Expression or(RexCall call) {
        List<RexNode> operands = call.getOperands();
        RexNode subject = null;
        boolean inList = operands.size() > 1;
        for (RexNode operand : operands) {
            if (!(operand instanceof RexCall equal) || equal.getKind() != SqlKind.EQUALS
                    || !(equal.getOperands().get(1) instanceof RexLiteral)
                    || equal.getOperands().get(0) instanceof RexLiteral
                    || (subject != null && !subject.equals(equal.getOperands().get(0)))) {
                inList = false;
                break;
            }
            subject = equal.getOperands().get(0);
        }
        if (!inList) {
            return new SpecialForm(Form.OR, translateAll(operands), Types.BOOLEAN);
        }
        // as in a comparison, a char the IN list's varchar type was forced on compares as char
        Expression value = CharCast.withoutCastToVarchar(translate(subject));
        List<Expression> items = new ArrayList<>();
        Type common = value.type();
        for (RexNode operand : operands) {
            Expression item = CharCast.withoutCastToVarchar(translate(((RexCall) operand).getOperands().get(1)));
            items.add(item);
            common = commonType(common, item.type(), "IN");
        }
        List<Expression> arguments = new ArrayList<>();
        arguments.add(coerceForComparison(value, common));
        for (Expression item : items) {
            arguments.add(coerceForComparison(item, common));
        }
        return new SpecialForm(Form.IN, arguments, Types.BOOLEAN);
    }

    private Expression caseForm(RexCall call) {
        List<RexNode> operands = call.getOperands();
        List<Expression> arguments = translateAll(operands);
        Type derived = resultType(call);
        List<Expression> results = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            if (!(i % 2 == 0 && i < operands.size() - 1)) {
                Expression value = CharCast.withoutCastsToVarchar(List.of(arguments.get(i)), derived).get(0);
                arguments.set(i, value);
                results.add(value);
            }
        }
        Type type = CharCast.withChars(derived, CharCast.valueTypes(results));
        for (int i = 0; i < operands.size(); i++) {
            boolean isCondition = i % 2 == 0 && i < operands.size() - 1;
            if (!isCondition) {
                arguments.set(i, coerce(arguments.get(i), type));
            }
        }
        if (operands.size() % 2 == 0) {
            arguments.add(Constant.nullOf(type));
        }
        return new SpecialForm(Form.CASE, arguments, type);
    }

    private Expression coerceAll(Form form, RexCall call) {
        Type derived = resultType(call);
        List<Expression> arguments = new ArrayList<>(CharCast.withoutCastsToVarchar(translateAll(call.getOperands()), derived));
        Type type = CharCast.withChars(derived, CharCast.valueTypes(arguments));
        arguments.replaceAll(argument -> coerce(argument, type));
        return new SpecialForm(form, arguments, type);
    }

    private Expression variadic(String name, RexCall call) {
        Type derived = resultType(call);
        List<Expression> arguments = new ArrayList<>(CharCast.withoutCastsToVarchar(translateAll(call.getOperands()), derived));
        Type type = CharCast.withChars(derived, CharCast.valueTypes(arguments));
        if (!type.isOrderable()) {
            // Trino's greatest and least take only orderable values
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", arguments.stream().map(argument -> argument.type().displayName().replace(", ", ",")).toList())
                    + ") for function " + name + ". Expected: " + name + "(E) E:orderable");
        }
        arguments.replaceAll(argument -> coerce(argument, type));
        return new Call(name, arguments, type);
    }

    private Expression extract(RexCall call) {
        TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
        Expression date = translate(call.getOperands().get(1));
        String function = switch (unit) {
            case YEAR -> "year";
            case MONTH -> "month";
            case DAY -> "day";
            default -> throw new QuarryException(
                    ErrorCode.NOT_SUPPORTED, "EXTRACT(" + unit + ") is not supported yet");
        };
        return new Call(function, List.of(date), Types.BIGINT);
    }

    private Expression trim(RexCall call) {
        SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0)).getValueAs(SqlTrimFunction.Flag.class);
        Expression characters = translate(call.getOperands().get(1));
        Expression value = translate(call.getOperands().get(2));
        String name = switch (flag) {
            case BOTH -> "trim";
            case LEADING -> "ltrim";
            case TRAILING -> "rtrim";
        };
        boolean blanks = characters instanceof Constant constant && " ".equals(constant.value());
        List<Expression> arguments = blanks ? List.of(value) : List.of(value, characters);
        return new Call(name, arguments, resultType(call));
    }

    private List<Expression> translateAll(List<RexNode> operands) {
        List<Expression> result = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            result.add(translate(operand));
        }
        return result;
    }

    // ---- date ± interval, folded at plan time ----

    private static boolean isDateArithmetic(RexCall call) {
        for (RexNode operand : call.getOperands()) {
            if (isInterval(operand)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterval(RexNode node) {
        SqlTypeFamily family = node.getType().getSqlTypeName().getFamily();
        return family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }

    private Expression foldDateArithmetic(RexCall call) {
        SqlKind kind = call.getKind();
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        boolean subtract = kind == SqlKind.MINUS || kind == SqlKind.CHECKED_MINUS;
        if (call.getType().getSqlTypeName() != SqlTypeName.DATE
                || (kind != SqlKind.PLUS && kind != SqlKind.CHECKED_PLUS && !subtract)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                    "Interval arithmetic of type " + TypeMapping.displayName(call.getType()) + " is not supported yet");
        }
        RexNode dateNode = isInterval(left) ? right : left;
        RexNode intervalNode = isInterval(left) ? left : right;
        Expression date = translate(dateNode);
        BigDecimal interval = intervalValue(intervalNode);
        if (!(date instanceof Constant constant) || interval == null) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                    "Date arithmetic with intervals is only supported on constants yet");
        }
        if (constant.value() == null) {
            return Constant.nullOf(Types.DATE);
        }
        long amount = subtract ? interval.negate().longValueExact() : interval.longValueExact();
        LocalDate day = LocalDate.ofEpochDay((Long) constant.value());
        LocalDate result;
        if (intervalNode.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            result = day.plusMonths(amount);
        } else {
            if (amount % MILLIS_PER_DAY != 0) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Adding a time of day to a date is not supported yet");
            }
            result = day.plusDays(amount / MILLIS_PER_DAY);
        }
        long days = result.toEpochDay();
        if (days != (int) days) {
            // Trino keeps a date's days in an int, and fails writing one beyond it
            throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR,
                    "Value " + days + (days > 0 ? " exceeds MAX_INT" : " is less than MIN_INT") + " for type date");
        }
        return new Constant(days, Types.DATE);
    }

    /** The value of a constant interval (months or milliseconds), or null if it is not constant. */
    private static BigDecimal intervalValue(RexNode node) {
        if (node instanceof RexLiteral literal) {
            return literal.getValueAs(BigDecimal.class);
        }
        if (node instanceof RexCall call) {
            if (call.getKind() == SqlKind.MINUS_PREFIX || call.getKind() == SqlKind.CHECKED_MINUS_PREFIX) {
                BigDecimal value = intervalValue(call.getOperands().get(0));
                return value == null ? null : value.negate();
            }
            if ((call.getKind() == SqlKind.TIMES || call.getKind() == SqlKind.CHECKED_TIMES)) {
                RexNode a = call.getOperands().get(0);
                RexNode b = call.getOperands().get(1);
                RexNode interval = isInterval(a) ? a : b;
                RexNode factor = isInterval(a) ? b : a;
                BigDecimal value = intervalValue(interval);
                if (value != null && factor instanceof RexLiteral literal && !literal.isNull()) {
                    return value.multiply(literal.getValueAs(BigDecimal.class));
                }
            }
            if (call.getKind() == SqlKind.CAST && isInterval(call.getOperands().get(0))) {
                return intervalValue(call.getOperands().get(0));
            }
        }
        return null;
    }

    // ---- types and casts ----

    private static Type resultType(RexCall call) {
        return TypeMapping.toQuarry(call.getType());
    }

    /** Trino's floor, ceil and round of decimal(p,s) are decimal(p - s + min(s, 1), 0). */
    /** Of a decimal(p,s) as translated (its type may be Trino's where Calcite's differs), decimal(p - s + min(s, 1), 0). */
    private static Type roundedType(RexCall call, Expression argument) {
        if (argument.type() instanceof io.quarry.type.DecimalType decimal) {
            int precision = decimal.precision();
            int scale = decimal.scale();
            return Types.decimal(Math.max(1, precision - scale + Math.min(scale, 1)), 0);
        }
        return resultType(call);
    }

    private static Expression not(Expression value) {
        return new SpecialForm(Form.NOT, List.of(value), Types.BOOLEAN);
    }

    private static Expression coalesce(Expression value, boolean otherwise) {
        return new SpecialForm(Form.COALESCE, List.of(value, new Constant(otherwise, Types.BOOLEAN)), Types.BOOLEAN);
    }

    /** Integer operands of decimal arithmetic become decimal(n,0), as in Trino. */
    private static Expression asDecimal(Expression value) {
        Type type = value.type();
        if (type instanceof DecimalType) {
            return value;
        }
        if (type instanceof UnknownType) {
            return Constant.nullOf(Types.decimal(1, 0));
        }
        int digits = integerDigits(type);
        if (digits < 0) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot use " + type.displayName() + " in decimal arithmetic");
        }
        return coerce(value, Types.decimal(digits, 0));
    }

    private static int integerDigits(Type type) {
        if (type instanceof TinyintType) {
            return 3;
        }
        if (type instanceof SmallintType) {
            return 5;
        }
        if (type instanceof IntegerType) {
            return 10;
        }
        if (type instanceof BigintType) {
            return 19;
        }
        return -1;
    }

    private static int integerRank(Type type) {
        if (type instanceof TinyintType) {
            return 1;
        }
        if (type instanceof SmallintType) {
            return 2;
        }
        if (type instanceof IntegerType) {
            return 3;
        }
        if (type instanceof BigintType) {
            return 4;
        }
        return 0;
    }

    /** The type both operands of a comparison become; decimals keep their own precision and scale. */
    static Type commonType(Type left, Type right, String operator) {
        if (left.equals(right) || right instanceof UnknownType) {
            return left;
        }
        if (left instanceof UnknownType) {
            return right;
        }
        Type text = CharCast.comparisonType(left, right);
        if (text != null) {
            return text;
        }
        if (left instanceof io.quarry.type.RowType a && right instanceof io.quarry.type.RowType b
                && a.fields().size() == b.fields().size() && (CharCast.containsChar(a) || CharCast.containsChar(b))) {
            // rows of chars compare field by field, each char with a string as chars
            List<io.quarry.type.RowType.Field> fields = new ArrayList<>();
            for (int i = 0; i < a.fields().size(); i++) {
                fields.add(new io.quarry.type.RowType.Field(a.fields().get(i).name(),
                        commonType(a.fieldTypes().get(i), b.fieldTypes().get(i), operator)));
            }
            return new io.quarry.type.RowType(fields);
        }
        if (left.isNumeric() && right.isNumeric()) {
            if (left instanceof DoubleType || right instanceof DoubleType) {
                return Types.DOUBLE;
            }
            if (left instanceof RealType || right instanceof RealType) {
                return Types.REAL;
            }
            if (left instanceof DecimalType || right instanceof DecimalType) {
                return left instanceof DecimalType ? left : right;
            }
            return integerRank(left) >= integerRank(right) ? left : right;
        }
        if (left instanceof VarcharType a && right instanceof VarcharType b) {
            return a.length() >= b.length() ? a : b;
        }
        if (left.storage() == right.storage() && left.rawType().equals(right.rawType())) {
            return left;
        }
        if (left instanceof io.quarry.type.TimeWithTimeZoneType && right instanceof io.quarry.type.TimeType
                || left instanceof io.quarry.type.TimeType && right instanceof io.quarry.type.TimeWithTimeZoneType
                || left instanceof io.quarry.type.TimeWithTimeZoneType && right instanceof io.quarry.type.TimeWithTimeZoneType) {
            // a time is compared as a time at the session's offset; times with time zone of one and two longs as the wider
            int precision = Math.max(left.arguments().get(0).intValue(), right.arguments().get(0).intValue());
            return io.quarry.type.TemporalTypes.timeWithTimeZone(precision);
        }
        if (left instanceof io.quarry.type.TimestampType && right instanceof io.quarry.type.TimestampWithTimeZoneType
                || left instanceof io.quarry.type.TimestampWithTimeZoneType && right instanceof io.quarry.type.TimestampType) {
            // a timestamp is compared as the instant it names in the session's zone
            int precision = Math.max(left.arguments().get(0).intValue(), right.arguments().get(0).intValue());
            return new io.quarry.type.TimestampWithTimeZoneType(precision);
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                "Cannot apply operator: " + left.displayName() + " " + operator + " " + right.displayName());
    }

    private static Expression[] unify(Expression left, Expression right, String operator) {
        Type common = commonType(left.type(), right.type(), operator);
        return new Expression[] {coerceForComparison(left, common), coerceForComparison(right, common)};
    }

    /** Like {@link #coerce} but leaves decimals and strings as they are: only integers turn into decimals. */
    private static Expression coerceForComparison(Expression value, Type common) {
        if (common instanceof DecimalType && value.type() instanceof DecimalType) {
            return value;
        }
        if (common instanceof DecimalType) {
            return asDecimal(value);
        }
        return coerce(value, common);
    }

    /** {@code value} as type {@code target}: unchanged, a retyped constant, or a cast. */
    static Expression coerce(Expression value, Type target) {
        if (value.type().equals(target)) {
            return value;
        }
        if (value instanceof Constant constant) {
            Constant folded = foldCast(constant, target);
            if (folded != null) {
                return folded;
            }
        }
        if (value.type() instanceof VarcharType && target instanceof VarcharType) {
            // the same values whatever the declared length: no cast needed to compare or combine them
            return value;
        }
        if (target instanceof io.quarry.type.TimeWithTimeZoneType && !(value.type() instanceof io.quarry.type.TimeWithTimeZoneType)
                && !(value.type() instanceof UnknownType)) {
            // a time or timestamp takes the session's offset
            return new Call("cast", List.of(value, new Constant(SessionFunctions.zone().getId(), Types.VARCHAR)), target);
        }
        return new Call("cast", List.of(value), target);
    }

    /** A constant cast when the result is exact and cannot fail, else null (the executor casts). */
    private static Constant foldCast(Constant constant, Type target) {
        Object value = constant.value();
        if (value == null) {
            return Constant.nullOf(target);
        }
        Type source = constant.type();
        if (value instanceof String text && target instanceof VarcharType varchar
                && (varchar.isUnbounded() || text.codePointCount(0, text.length()) <= varchar.length())) {
            return new Constant(text, target);
        }
        if (value instanceof Long number && integerRank(source) > 0) {
            if (integerRank(target) > 0 && fits(number, target)) {
                return new Constant(number, target);
            }
            if (target instanceof DoubleType) {
                return new Constant(number.doubleValue(), target);
            }
            if (target instanceof DecimalType decimal
                    && BigDecimal.valueOf(number).precision() <= decimal.precision() - decimal.scale()) {
                return new Constant(BigDecimal.valueOf(number).setScale(decimal.scale(), RoundingMode.UNNECESSARY), target);
            }
        }
        if (value instanceof BigDecimal decimalValue) {
            if (target instanceof DoubleType) {
                // as the executor converts: a short decimal divides in double
                return new Constant(source instanceof DecimalType decimal && decimal.isShort()
                        ? decimal.toDouble(decimalValue.setScale(decimal.scale(), RoundingMode.HALF_UP).unscaledValue().longValue())
                        : decimalValue.doubleValue(), target);
            }
            if (target instanceof DecimalType decimal && decimal.scale() >= decimalValue.scale()
                    && decimalValue.precision() - decimalValue.scale() <= decimal.precision() - decimal.scale()) {
                return new Constant(decimalValue.setScale(decimal.scale(), RoundingMode.UNNECESSARY), target);
            }
        }
        if (value instanceof Double number && target instanceof DoubleType) {
            return new Constant(number, target);
        }
        return null;
    }

    private static boolean fits(long value, Type type) {
        if (type instanceof TinyintType) {
            return value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
        }
        if (type instanceof SmallintType) {
            return value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
        }
        if (type instanceof IntegerType) {
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        }
        return true;
    }

    private static String arithmeticName(SqlKind kind) {
        return switch (kind) {
            case PLUS, CHECKED_PLUS -> "add";
            case MINUS, CHECKED_MINUS -> "subtract";
            case TIMES, CHECKED_TIMES -> "multiply";
            case DIVIDE, CHECKED_DIVIDE -> "divide";
            case MOD -> "modulus";
            default -> throw new IllegalArgumentException("not arithmetic: " + kind);
        };
    }
}
