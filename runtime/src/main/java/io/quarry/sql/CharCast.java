package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The user's {@code CAST(x AS char(n))}. Calcite types string literals as char too and casts them to char itself,
 * so once converted a user's char cast of a literal looks like Calcite's own; {@link #rewrite} therefore turns the
 * user's casts into calls of {@link #OPERATOR} before validation, which become casts to Quarry's char(n). As in
 * Trino, only strings (and NULL) cast to char: anything else is TYPE_MISMATCH.
 */
final class CharCast {
    static final String NAME = "$char_cast";

    /** Trino's longest char. */
    private static final int CHAR_MAX_LENGTH = 65_536;

    static final SqlFunction OPERATOR = new SqlFunction(
            NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION, CharCast::returnType, null,
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER), SqlFunctionCategory.SYSTEM);

    static final String TRY_NAME = "$char_try_cast";

    /** TRY_CAST to char(n). */
    static final SqlFunction TRY_OPERATOR = new SqlFunction(
            TRY_NAME.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION, CharCast::returnType, null,
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER), SqlFunctionCategory.SYSTEM);

    private CharCast() {}

    /**
     * A CAST to char(n) becomes a call of {@link #OPERATOR} with n as its second argument, a TRY_CAST one of
     * {@link #TRY_OPERATOR}.
     */
    static void rewrite(SqlNode node) {
        if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.SAFE_CAST)
                && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec().getTypeName().isSimple()
                && spec.getTypeNameSpec().getTypeName().getSimple().equalsIgnoreCase("char")) {
            int length = spec.getTypeNameSpec() instanceof org.apache.calcite.sql.SqlBasicTypeNameSpec basic
                    ? Math.max(1, basic.getPrecision())
                    : 1;
            boolean tryCast = call.getKind() == SqlKind.SAFE_CAST || call.getOperator().getName().equalsIgnoreCase("try_cast");
            call.setOperator(tryCast ? TRY_OPERATOR : OPERATOR);
            call.setOperand(1, SqlLiteral.createExactNumeric(String.valueOf(length), spec.getParserPosition()));
        }
    }

    private static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType source = binding.getOperandType(0);
        int length = binding.getOperandLiteralValue(1, BigDecimal.class).intValueExact();
        SqlTypeName name = source.getSqlTypeName();
        if (name != SqlTypeName.CHAR && name != SqlTypeName.VARCHAR && name != SqlTypeName.NULL) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                    "Cannot cast " + TypeMapping.displayName(source) + " to char(" + length + ")");
        }
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.CHAR, length), source.isNullable());
    }

    /** The cast to char(n) of the translated value. */
    static Expression translate(Expression value, int length) {
        return translate(value, length, false);
    }

    /** The cast (or TRY_CAST) to char(n) of the translated value. */
    static Expression translate(Expression value, int length, boolean tryCast) {
        CharType target = new CharType(length);
        return value.type().equals(target) ? value : new Call(tryCast ? "try_cast" : "cast", java.util.List.of(value), target);
    }

    /**
     * Whether field {@code field} of {@code input} is a char(n) value (a cast to char, a char literal) that Calcite cast
     * to varchar to give a union of texts one type.
     */
    static boolean isCharAsVarchar(org.apache.calcite.rel.RelNode input, int field) {
        if (!(input instanceof org.apache.calcite.rel.core.Project project)) {
            return false;
        }
        org.apache.calcite.rex.RexNode value = project.getProjects().get(field);
        if (value.getKind() == SqlKind.CAST && value instanceof org.apache.calcite.rex.RexCall cast) {
            value = cast.getOperands().get(0);
        }
        if (!(value instanceof org.apache.calcite.rex.RexCall call)) {
            return false;
        }
        String name = call.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
        return name.equals(NAME) || name.equals(TRY_NAME) || name.equals(TypedLiteral.Kind.CHAR.functionName());
    }

    /** Trino's translate takes varchar only: of a char(n) there is no such function. */
    static void checkTranslate(java.util.List<Expression> arguments) {
        if (!arguments.isEmpty() && arguments.get(0).type() instanceof CharType) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + arguments.stream().map(argument -> argument.type().displayName()).collect(java.util.stream.Collectors.joining(", "))
                    + ") for function translate");
        }
    }

    /**
     * A char value that Calcite cast to varchar to compare it with another string (Calcite compares strings as
     * varchar, which would pad the char): the char value itself, which then compares as char; anything else as is.
     */
    static Expression withoutCastToVarchar(Expression value) {
        if (value instanceof Call call && call.function().equals("cast") && call.type() instanceof VarcharType
                && call.arguments().size() == 1 && call.arguments().get(0).type() instanceof CharType) {
            return call.arguments().get(0);
        }
        return value;
    }

    /**
     * The type a char and a string compare as, or null when neither is a char: Trino compares them as char, of the
     * greater length (an unbounded varchar as the longest char), so trailing blanks do not count.
     */
    static Type comparisonType(Type left, Type right) {
        if (!(left instanceof CharType) && !(right instanceof CharType)) {
            return null;
        }
        int leftLength = textLength(left);
        int rightLength = textLength(right);
        return leftLength < 0 || rightLength < 0 ? null : new CharType(Math.max(leftLength, rightLength));
    }

    /** The type of {@code a || b} with a char(n) among them: char of both lengths; null otherwise. */
    static Type concatenationType(java.util.List<Expression> arguments) {
        if (arguments.size() != 2 || arguments.stream().noneMatch(argument -> argument.type() instanceof CharType)) {
            return null;
        }
        int length = 0;
        for (Expression argument : arguments) {
            Type type = argument.type();
            if (type instanceof CharType fixed) {
                length += fixed.length();
            } else if (type instanceof VarcharType varchar && !varchar.isUnbounded()) {
                length += varchar.length();
            } else {
                return null;
            }
        }
        return new CharType(length);
    }

    private static int textLength(Type type) {
        if (type instanceof CharType fixed) {
            return fixed.length();
        }
        if (type instanceof VarcharType varchar) {
            return varchar.isUnbounded() ? CHAR_MAX_LENGTH : varchar.length();
        }
        return type instanceof UnknownType ? 1 : -1;
    }
}
