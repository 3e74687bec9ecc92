package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.SpecialForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlJsonEmptyOrError;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlJsonExistsFunction;
import org.apache.calcite.sql.fun.SqlJsonQueryFunction;
import org.apache.calcite.sql.fun.SqlJsonValueFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL/JSON functions json_value, json_query and json_exists in their common forms: a json or string value and
 * a lax or strict path of keys and indexes, with their ON EMPTY and ON ERROR behaviours (NULL by default; ERROR;
 * DEFAULT value for json_value; EMPTY ARRAY and EMPTY OBJECT for json_query) and json_query's array wrapper. Calcite
 * parses their syntax; these operators give Trino's result types (varchar rather than Calcite's varchar(2000));
 * json_value's RETURNING type is {@link JsonValueReturning}.
 */
final class JsonPathSql {
    static final List<SqlOperator> OPERATORS = List.of(
            new SqlJsonValueFunction("JSON_VALUE") {
                @Override
                public RelDataType inferReturnType(SqlOperatorBinding binding) {
                    if (binding instanceof SqlCallBinding call && SqlJsonValueFunction.hasExplicitTypeSpec(call.operands())) {
                        return super.inferReturnType(binding); // RETURNING type
                    }
                    return varchar(binding);
                }
            },
            new SqlJsonQueryFunction() {
                @Override
                public RelDataType inferReturnType(SqlOperatorBinding binding) {
                    if (binding instanceof SqlCallBinding call && SqlJsonQueryFunction.hasExplicitTypeSpec(call.operands())) {
                        return super.inferReturnType(binding); // RETURNING type
                    }
                    return varchar(binding);
                }
            },
            new SqlJsonExistsFunction());

    private static final Set<String> NAMES = Set.of("json_value", "json_query", "json_exists");

    private JsonPathSql() {}

    private static RelDataType varchar(SqlOperatorBinding binding) {
        return binding.getTypeFactory().createTypeWithNullability(
                binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Expression translate(String name, List<RexNode> operands, Function<RexNode, Expression> translator, Type type) {
        Behaviours behaviours = Behaviours.read(operands, translator);
        RexNode inputOperand = operands.get(0);
        if (inputOperand instanceof org.apache.calcite.rex.RexCall format && format.getKind() == org.apache.calcite.sql.SqlKind.JSON_VALUE_EXPRESSION) {
            inputOperand = format.getOperands().get(0); // FORMAT JSON said: the value is read as JSON text all the same
        }
        Expression input = JsonFormatInputs.asText(translator.apply(inputOperand));
        if (!(input.type() instanceof VarcharType || input.type() instanceof io.quarry.type.UnknownType)) {
            // Trino reads only text (and varbinary, decoded above) here
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot read input of type " + input.type().displayName()
                    + " as JSON using formatting JSON");
        }
        JsonPassing.Path parts = JsonPassing.path(operands.get(1), translator);
        Expression path = translator.apply(parts.path());
        if (!(path instanceof Constant constant) || constant.value() == null) {
            // Trino's grammar takes a string literal only
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "The JSON path of " + name + " must be a string literal");
        }
        if (name.equals("json_query")) {
            if (!(type instanceof VarcharType || type instanceof CharType || type instanceof VarbinaryType)) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot output JSON value as " + type.displayName()
                        + " using formatting JSON");
            }
            boolean text = type instanceof VarcharType || type instanceof CharType;
            // json_query's wrapper: WITHOUT_ARRAY, WITH_CONDITIONAL_ARRAY or WITH_UNCONDITIONAL_ARRAY
            Expression query = new Call(name, withPassed(parts.passed(), input, path, new Constant(behaviours.wrapper, Types.VARCHAR),
                    new Constant(behaviours.onEmpty, Types.VARCHAR), new Constant(behaviours.onError, Types.VARCHAR)),
                    text ? Types.VARCHAR : type);
            // a bounded text type takes the JSON text cut to its length, as a cast does
            return type.equals(Types.VARCHAR) || !text ? query : new Call("cast", List.of(query), type);
        }
        if (name.equals("json_exists")) {
            return new Call(name, withPassed(parts.passed(), input, path, new Constant(behaviours.onError, Types.VARCHAR)),
                    Types.BOOLEAN);
        }
        return jsonValue(input, path, parts.passed(), behaviours, type);
    }

    /** A kernel's arguments: the call's own, then the PASSING clause's names and values. */
    static List<Expression> withPassed(List<Expression> passed, Expression... own) {
        List<Expression> arguments = new ArrayList<>(List.of(own));
        arguments.addAll(passed);
        return arguments;
    }

    /**
     * json_value: the kernel's text cast to the RETURNING type; a DEFAULT behaviour becomes a CASE over the
     * kernel's outcome (empty or error), and a RETURNING cast that fails is an error too.
     */
    private static Expression jsonValue(Expression input, Expression path, List<Expression> passed, Behaviours behaviours,
            Type type) {
        if (!isScalarResult(type)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Invalid return type of function JSON_VALUE: " + type.displayName());
        }
        String kernelEmpty = behaviours.onEmpty.equals("DEFAULT") ? "NULL" : behaviours.onEmpty;
        String kernelError = behaviours.onError.equals("DEFAULT") ? "NULL" : behaviours.onError;
        Expression text = new Call("json_value", withPassed(passed, input, path, new Constant(kernelEmpty, Types.VARCHAR),
                new Constant(kernelError, Types.VARCHAR), new Constant(itemText(type), Types.VARCHAR)), Types.VARCHAR);
        boolean unbounded = type instanceof io.quarry.type.VarcharType varchar && varchar.isUnbounded();
        Expression value = unbounded ? text : JsonValueReturning.cast(text, type, behaviours.onError.equals("ERROR"));
        if (!behaviours.onEmpty.equals("DEFAULT") && !behaviours.onError.equals("DEFAULT")) {
            return value;
        }
        Expression outcome = new Call("json_value", withPassed(passed, input, path, new Constant("OUTCOME", Types.VARCHAR),
                new Constant("NULL", Types.VARCHAR), new Constant("TEXT", Types.VARCHAR)), Types.VARCHAR);
        Expression onEmpty = behaviours.onEmpty.equals("DEFAULT")
                ? defaultValue(behaviours.emptyDefault, type, "EMPTY") : value;
        Expression onError = behaviours.onError.equals("DEFAULT")
                ? defaultValue(behaviours.errorDefault, type, "ERROR") : value;
        List<Expression> cases = new ArrayList<>(List.of(
                new Call("equal", List.of(outcome, new Constant("EMPTY", Types.VARCHAR)), Types.BOOLEAN), onEmpty,
                new Call("equal", List.of(outcome, new Constant("ERROR", Types.VARCHAR)), Types.BOOLEAN), onError));
        if (!unbounded && behaviours.onError.equals("DEFAULT")) {
            // the item's text that does not cast to the RETURNING type is an error as well
            cases.add(new SpecialForm(Form.AND, List.of(new SpecialForm(Form.IS_NOT_NULL, List.of(text), Types.BOOLEAN),
                    new SpecialForm(Form.IS_NULL, List.of(value), Types.BOOLEAN)), Types.BOOLEAN));
            cases.add(onError);
        }
        cases.add(value);
        return new SpecialForm(Form.CASE, cases, type);
    }

    /**
     * How json_value's kernel writes the item for the RETURNING type: NUMBER (a boolean as 1 or 0), BOOLEAN (a number
     * as true when it is not zero) or TEXT; Trino casts the item itself, not its text.
     */
    private static String itemText(Type type) {
        if (type instanceof io.quarry.type.BooleanType) {
            return "BOOLEAN";
        }
        return integerDigits(type) > 0 || type instanceof io.quarry.type.DecimalType || type instanceof io.quarry.type.RealType
                || type instanceof io.quarry.type.DoubleType ? "NUMBER" : "TEXT";
    }

    /** A DEFAULT value as the RETURNING type: Trino's TYPE_MISMATCH unless the value's type widens to it without loss. */
    private static Expression defaultValue(Expression value, Type type, String clause) {
        if (!widens(value.type(), type)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Function JSON_VALUE default ON " + clause
                    + " result must evaluate to a " + type.displayName() + " (actual: " + value.type().displayName() + ")");
        }
        return ExpressionTranslator.coerce(value, type);
    }

    /** Whether a value of type {@code from} becomes a {@code to} implicitly (a wider number, longer text). */
    private static boolean widens(Type from, Type to) {
        if (from.equals(to) || from instanceof io.quarry.type.UnknownType) {
            return true;
        }
        if (from instanceof VarcharType text && to instanceof VarcharType wider) {
            return wider.isUnbounded() || !text.isUnbounded() && text.length() <= wider.length();
        }
        if (from instanceof VarcharType text && to instanceof CharType padded) {
            return !text.isUnbounded() && text.length() <= padded.length();
        }
        if (from instanceof io.quarry.type.DateType) {
            return to instanceof io.quarry.type.TimestampType || to instanceof io.quarry.type.TimestampWithTimeZoneType;
        }
        int fromDigits = integerDigits(from);
        if (fromDigits > 0 || from instanceof io.quarry.type.DecimalType) {
            int fromScale = from instanceof io.quarry.type.DecimalType decimal ? decimal.scale() : 0;
            int fromWhole = from instanceof io.quarry.type.DecimalType decimal ? decimal.precision() - decimal.scale() : fromDigits;
            if (to instanceof io.quarry.type.DecimalType decimal) {
                return decimal.scale() >= fromScale && decimal.precision() - decimal.scale() >= fromWhole;
            }
            if (integerDigits(to) > 0) {
                return fromScale == 0 && fromDigits > 0 && integerDigits(to) >= fromDigits;
            }
            return to instanceof io.quarry.type.RealType || to instanceof io.quarry.type.DoubleType;
        }
        return from instanceof io.quarry.type.RealType && to instanceof io.quarry.type.DoubleType;
    }

    /** The decimal digits of an integer type; 0 for other types. */
    private static int integerDigits(Type type) {
        return type instanceof io.quarry.type.TinyintType ? 3 : type instanceof io.quarry.type.SmallintType ? 5
                : type instanceof io.quarry.type.IntegerType ? 10 : type instanceof io.quarry.type.BigintType ? 19 : 0;
    }

    /** Whether json_value may return the type: text, a number, a boolean or a date-time (Trino refuses the rest). */
    private static boolean isScalarResult(Type type) {
        return type instanceof VarcharType || type instanceof CharType || type instanceof io.quarry.type.BooleanType
                || type instanceof io.quarry.type.TinyintType || type instanceof io.quarry.type.SmallintType
                || type instanceof io.quarry.type.IntegerType || type instanceof io.quarry.type.BigintType
                || type instanceof io.quarry.type.DecimalType || type instanceof io.quarry.type.RealType
                || type instanceof io.quarry.type.DoubleType || type instanceof io.quarry.type.DateType
                || io.quarry.type.TemporalTypes.isTemporal(type) && !(type instanceof io.quarry.type.IntervalDayTimeType)
                        && !(type instanceof io.quarry.type.IntervalYearMonthType);
    }

    /** The ON EMPTY and ON ERROR behaviours (with their DEFAULT values) and json_query's wrapper of a call. */
    private static final class Behaviours {
        String wrapper = "WITHOUT_ARRAY";
        String onEmpty = "NULL";
        String onError = "NULL";
        Expression emptyDefault;
        Expression errorDefault;

        static Behaviours read(List<RexNode> operands, Function<RexNode, Expression> translator) {
            Behaviours behaviours = new Behaviours();
            String pending = null;
            Expression pendingDefault = null;
            int queryBehaviours = 0;
            for (RexNode operand : operands.subList(2, operands.size())) {
                Object value = operand instanceof RexLiteral literal ? literal.getValue() : null;
                if (value instanceof SqlJsonQueryWrapperBehavior wrap) {
                    behaviours.wrapper = wrap.name();
                } else if (value instanceof SqlJsonValueEmptyOrErrorBehavior behaviour) {
                    pending = behaviour.name();
                    pendingDefault = null;
                } else if (value instanceof SqlJsonEmptyOrError clause) {
                    if (pending != null) {
                        if (clause == SqlJsonEmptyOrError.EMPTY) {
                            behaviours.onEmpty = pending;
                            behaviours.emptyDefault = pendingDefault;
                        } else {
                            behaviours.onError = pending;
                            behaviours.errorDefault = pendingDefault;
                        }
                    }
                    pending = null;
                } else if (value instanceof SqlJsonExistsErrorBehavior behaviour) {
                    behaviours.onError = behaviour.name();
                } else if (value instanceof SqlJsonQueryEmptyOrErrorBehavior behaviour) {
                    // json_query's two behaviours come in order: ON EMPTY, then ON ERROR
                    if (queryBehaviours++ == 0) {
                        behaviours.onEmpty = behaviour.name();
                    } else {
                        behaviours.onError = behaviour.name();
                    }
                } else if ("DEFAULT".equals(pending) && pendingDefault == null) {
                    pendingDefault = translator.apply(operand);
                } else if (!JsonValueReturning.isTypeOperand(operand)) {
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED, "JSON function clause " + operand + " is not supported yet");
                }
            }
            return behaviours;
        }
    }
}
