package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.VarcharType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlItemOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * The color type and its functions in the SQL front end. Calcite has no such type: color is a {@link SketchSqlType}
 * named {@code color} (only comparable for equality, see {@link QuarryValidator}). {@code rgb}, {@code color},
 * {@code render} and {@code bar} check their arguments against Trino's signatures here, with Trino's message for a
 * call no signature takes, and are translated with the casts the chosen signature implies; the kernels are
 * {@code io.quarry.exec.function.ColorFunctions}.
 */
final class ColorSql {
    static final String NAME = "color";

    /** The characters render adds to a text: the colour's escape and the reset, at most. */
    private static final int RENDER_ESCAPES = 15;

    /** The parameter kinds of Trino's signatures, as it prints them. */
    private enum Parameter {
        BIGINT("bigint", Types.BIGINT),
        DOUBLE("double", Types.DOUBLE),
        VARCHAR("varchar(x)", Types.VARCHAR),
        BOOLEAN("boolean", Types.BOOLEAN),
        COLOR("color", Types.COLOR);

        private final String text;
        private final Type type;

        Parameter(String text, Type type) {
            this.text = text;
            this.type = type;
        }
    }

    /** Each function's signatures in Trino's order of its message. */
    private static final Map<String, List<List<Parameter>>> SIGNATURES = Map.of(
            "rgb", List.of(List.of(Parameter.BIGINT, Parameter.BIGINT, Parameter.BIGINT)),
            "color", List.of(
                    List.of(Parameter.DOUBLE, Parameter.COLOR, Parameter.COLOR),
                    List.of(Parameter.DOUBLE, Parameter.DOUBLE, Parameter.DOUBLE, Parameter.COLOR, Parameter.COLOR),
                    List.of(Parameter.VARCHAR)),
            "render", List.of(
                    List.of(Parameter.BIGINT, Parameter.COLOR),
                    List.of(Parameter.BOOLEAN),
                    List.of(Parameter.DOUBLE, Parameter.COLOR),
                    List.of(Parameter.VARCHAR, Parameter.COLOR)),
            "bar", List.of(
                    List.of(Parameter.DOUBLE, Parameter.BIGINT),
                    List.of(Parameter.DOUBLE, Parameter.BIGINT, Parameter.COLOR, Parameter.COLOR)));

    static final List<SqlOperator> OPERATORS = List.of(
            function("RGB"), function("COLOR"), function("RENDER"), function("BAR"));

    private ColorSql() {}

    /**
     * The subscript {@code x[k]}, whose map keys may be colors: Calcite's check asks the key type for its family, which
     * a named OTHER type has none of. A map keyed by colors takes a color (or NULL), an empty map of unknown keys any key;
     * everything else is Calcite's.
     */
    static final class Subscript extends SqlItemOperator {
        private Subscript(SqlItemOperator standard) {
            super(standard.getName(), standard.getOperandTypeChecker(), standard.offset, standard.safe);
        }

        /** Makes a subscript call this operator, as Calcite's with the same offset and safety. */
        static void rewrite(SqlNode node) {
            if (node instanceof SqlBasicCall call && call.getOperator() instanceof SqlItemOperator item
                    && !(item instanceof Subscript) && item.getName().equals("ITEM")) {
                call.setOperator(new Subscript(item));
            }
        }

        /** Validated as it is: Calcite's operator would look itself up by name, and find its own subscript again. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            RelDataType container = binding.getOperandType(0);
            if (container.getSqlTypeName() == SqlTypeName.MAP && container.getKeyType().getSqlTypeName() == SqlTypeName.NULL) {
                // MAP() has no keys to be of: it takes the sought key's type, and fails when run as any missing key
                return true;
            }
            if (container.getSqlTypeName() == SqlTypeName.MAP && isColor(container.getKeyType())) {
                RelDataType key = binding.getOperandType(1);
                if (isColor(key) || key.getSqlTypeName() == SqlTypeName.NULL) {
                    return true;
                }
                if (throwOnFailure) {
                    ErrorLocation location = binding.getValidator() instanceof QuarryValidator validator
                            ? validator.location(binding.getCall().getParserPosition())
                            : null;
                    throw Errors.error(ErrorCode.TYPE_MISMATCH, "Cannot use " + TypeMapping.displayName(key)
                            + " for subscript of " + TypeMapping.toQuarry(container).displayName(), location);
                }
                return false;
            }
            return super.checkOperandTypes(binding, throwOnFailure);
        }
    }

    private static SqlFunction function(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ColorSql::returnType, null, OperandTypes.VARIADIC,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    static RelDataType calciteType(RelDataTypeFactory factory) {
        return factory.createTypeWithNullability(new SketchSqlType(NAME, false), false);
    }

    /** Makes {@code color} a type name that CAST finds. */
    static void registerType(SchemaPlus root) {
        root.add(NAME, ColorSql::calciteType);
    }

    static boolean isColor(RelDataType type) {
        return type instanceof SketchSqlType sketch && sketch.name().equals(NAME);
    }

    /** Whether a comparison of the kind takes the types: colors compare for equality only, with colors or a NULL. */
    static boolean isComparison(SqlKind kind, RelDataType left, RelDataType right) {
        boolean equality = kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS || kind == SqlKind.IS_DISTINCT_FROM
                || kind == SqlKind.IS_NOT_DISTINCT_FROM;
        return equality && (isColor(left) || left.getSqlTypeName() == SqlTypeName.NULL)
                && (isColor(right) || right.getSqlTypeName() == SqlTypeName.NULL);
    }

    /** Whether a cast between the types exists as far as color goes: none leads to or from it, but NULL becomes one. */
    static boolean isCast(RelDataType source, RelDataType target) {
        if (!isColor(source) && !isColor(target)) {
            return true;
        }
        return isColor(target) && (isColor(source) || source.getSqlTypeName() == SqlTypeName.NULL);
    }

    /** Whether {@link #translate} handles calls of this (lower-case) name. */
    static boolean handles(String name) {
        return SIGNATURES.containsKey(name);
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        String name = binding.getOperator().getName().toLowerCase(Locale.ROOT);
        List<RelDataType> types = new ArrayList<>();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            types.add(binding.getOperandType(i));
        }
        ErrorLocation location = binding instanceof SqlCallBinding call && call.getValidator() instanceof QuarryValidator validator
                ? validator.location(call.getCall().getParserPosition())
                : null;
        List<Parameter> signature = signature(name, types, location);
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType result = switch (name) {
            case "rgb", "color" -> calciteType(factory);
            case "bar" -> factory.createSqlType(SqlTypeName.VARCHAR);
            default -> renderType(factory, signature, types.get(0), location);
        };
        return factory.createTypeWithNullability(result, true);
    }

    /** The signature that takes the arguments, or FUNCTION_NOT_FOUND as Trino words it. */
    private static List<Parameter> signature(String name, List<RelDataType> types, ErrorLocation location) {
        for (List<Parameter> signature : SIGNATURES.get(name)) {
            if (takes(signature, types)) {
                return signature;
            }
        }
        throw unexpected(name, types.stream().map(TypeMapping::displayName).toList(), location);
    }

    private static QuarryException unexpected(String name, List<String> argumentTypes, ErrorLocation location) {
        List<String> expected = SIGNATURES.get(name).stream()
                .map(signature -> name + "(" + String.join(", ", signature.stream().map(p -> p.text).toList()) + ")")
                .toList();
        return Errors.error(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + String.join(", ", argumentTypes)
                + ") for function " + name + ". Expected: " + String.join(", ", expected), location);
    }

    private static boolean takes(List<Parameter> signature, List<RelDataType> types) {
        if (signature.size() != types.size()) {
            return false;
        }
        for (int i = 0; i < types.size(); i++) {
            if (!takes(signature.get(i), types.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a parameter takes an argument of the type, with Trino's implicit coercions (a bare NULL fits any). */
    private static boolean takes(Parameter parameter, RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.NULL) {
            return true;
        }
        return switch (parameter) {
            case BIGINT -> SqlTypeName.INT_TYPES.contains(name);
            case DOUBLE -> SqlTypeFamily.NUMERIC.getTypeNames().contains(name) && !(type instanceof SketchSqlType);
            // a string literal is Calcite's CHAR; a char(n) the user cast to is refused when translated
            case VARCHAR -> name == SqlTypeName.VARCHAR || name == SqlTypeName.CHAR;
            case BOOLEAN -> name == SqlTypeName.BOOLEAN;
            case COLOR -> isColor(type);
        };
    }

    /** render's result: varchar(x + 15) of a text (15 characters of escapes), varchar(35) of a number, varchar(41) of a double. */
    private static RelDataType renderType(
            RelDataTypeFactory factory, List<Parameter> signature, RelDataType value, ErrorLocation location) {
        if (signature.size() == 1) {
            return factory.createSqlType(SqlTypeName.VARCHAR, 16);
        }
        if (value.getSqlTypeName() == SqlTypeName.NULL) {
            throw Errors.error(ErrorCode.AMBIGUOUS_FUNCTION_CALL, "Could not choose a best candidate operator. "
                    + "Explicit type casts must be added.\nCandidates are:\n\t * (varchar(0),color):varchar(15)\n"
                    + "\t * (bigint,color):varchar(35)\n\t * (double,color):varchar(41)\n", location);
        }
        return switch (signature.get(0)) {
            case BIGINT -> factory.createSqlType(SqlTypeName.VARCHAR, 35);
            case DOUBLE -> factory.createSqlType(SqlTypeName.VARCHAR, 41);
            default -> {
                long length = value.getPrecision() < 0 ? Integer.MAX_VALUE : (long) value.getPrecision() + RENDER_ESCAPES;
                yield length >= Integer.MAX_VALUE
                        ? factory.createSqlType(SqlTypeName.VARCHAR)
                        : factory.createSqlType(SqlTypeName.VARCHAR, (int) length);
            }
        };
    }

    /** The plan's call, each argument cast to its parameter's type (any varchar stays as it is). */
    static Expression translate(String name, List<RexNode> operands, Function<RexNode, Expression> translator, Type type) {
        List<Parameter> signature = signature(name, operands.stream().map(RexNode::getType).toList(), null);
        List<Expression> arguments = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            arguments.add(translator.apply(operand));
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (signature.get(i) == Parameter.VARCHAR && arguments.get(i).type() instanceof CharType) {
                // Trino does not take a char(n) for a varchar(x) parameter
                throw unexpected(name, arguments.stream().map(argument -> argument.type().displayName()).toList(), null);
            }
            if (!(signature.get(i) == Parameter.VARCHAR && arguments.get(i).type() instanceof VarcharType)) {
                arguments.set(i, ExpressionTranslator.coerce(arguments.get(i), signature.get(i).type));
            }
        }
        Type result = type;
        if (name.equals("render") && arguments.size() == 2 && arguments.get(0).type() instanceof VarcharType text) {
            // the text's type as Quarry holds it: Calcite gives some unbounded results (of ||) a length
            result = text.isUnbounded() || text.length() >= Integer.MAX_VALUE - RENDER_ESCAPES
                    ? Types.VARCHAR
                    : Types.varchar(text.length() + RENDER_ESCAPES);
        }
        return new Call(name, arguments, result);
    }
}
