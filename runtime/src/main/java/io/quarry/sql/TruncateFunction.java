package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.DecimalType;
import io.quarry.type.IntegerType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino's signatures of {@code truncate}: {@code truncate(decimal(p,s))} is decimal(max(1, p - s), 0),
 * {@code truncate(decimal(p,s), integer)} keeps decimal(p,s), {@code truncate(double)} and {@code truncate(real)}
 * keep their type. Integers are decimals of their digits (an integer is decimal(10,0)); there is no
 * {@code truncate(double, n)} and no bigint digit count.
 */
final class TruncateFunction {
    private static final String SIGNATURES =
        "truncate(decimal(p,s)), truncate(decimal(p,s), integer), truncate(double), truncate(real)";

    private TruncateFunction() {}

    /** The result type, or FUNCTION_NOT_FOUND for arguments Trino has no signature for. */
    static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = binding.getOperandType(0);
        SqlTypeName name = value.getSqlTypeName();
        if (name == SqlTypeName.ANY) {
            return value; // a lambda parameter not typed yet: typed again once it is
        }
        boolean withDigits = binding.getOperandCount() == 2;
        if (withDigits) {
            SqlTypeName digits = binding.getOperandType(1).getSqlTypeName();
            boolean integerDigits = digits == SqlTypeName.INTEGER || digits == SqlTypeName.SMALLINT
                || digits == SqlTypeName.TINYINT || digits == SqlTypeName.NULL;
            if (!integerDigits || name == SqlTypeName.DOUBLE || name == SqlTypeName.REAL || name == SqlTypeName.FLOAT) {
                throw unexpected(binding);
            }
        }
        RelDataType result;
        int integerDigits = integerDigits(name);
        if (integerDigits > 0) {
            result = factory.createSqlType(SqlTypeName.DECIMAL, integerDigits, 0);
        } else if (name == SqlTypeName.NULL) {
            result = factory.createSqlType(SqlTypeName.DECIMAL, 1, 0);
        } else if (name == SqlTypeName.DECIMAL && !withDigits) {
            result = factory.createSqlType(SqlTypeName.DECIMAL, Math.max(1, value.getPrecision() - value.getScale()), 0);
        } else if (name == SqlTypeName.DECIMAL || name == SqlTypeName.DOUBLE || name == SqlTypeName.REAL) {
            result = value;
        } else {
            throw unexpected(binding);
        }
        return factory.createTypeWithNullability(result, true);
    }

    /** The plan's call: integers become decimals of their digits first. */
    static Expression translate(List<RexNode> operands, Function<RexNode, Expression> translator, Type type) {
        Expression value = translator.apply(operands.get(0));
        Type valueType = value.type();
        if (valueType instanceof TinyintType || valueType instanceof SmallintType || valueType instanceof IntegerType
                || valueType instanceof BigintType || !(valueType instanceof DecimalType) && type instanceof DecimalType) {
            value = ExpressionTranslator.coerce(value, type);
        }
        if (operands.size() == 1) {
            return new Call("truncate", List.of(value), type);
        }
        Expression digits = ExpressionTranslator.coerce(translator.apply(operands.get(1)), Types.BIGINT);
        return new Call("truncate", List.of(value, digits), type);
    }

    private static int integerDigits(SqlTypeName name) {
        return switch (name) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> 0;
        };
    }

    private static QuarryException unexpected(SqlOperatorBinding binding) {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < binding.getOperandCount(); i++) {
            if (i > 0) {
                types.append(", ");
            }
            types.append(trinoName(binding.getOperandType(i)));
        }
        return new QuarryException(ErrorCode.FUNCTION_NOT_FOUND,
            "Unexpected parameters (" + types + ") for function truncate. Expected: " + SIGNATURES);
    }

    private static String trinoName(RelDataType type) {
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return "decimal(" + type.getPrecision() + "," + type.getScale() + ")";
        }
        if (type.getSqlTypeName() == SqlTypeName.NULL) {
            return "unknown";
        }
        return type.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
    }
}
