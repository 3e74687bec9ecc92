package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlJsonArrayFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code json_object} and {@code json_array} (SQL/JSON constructors): Calcite parses them, with {@code NULL ON NULL}
 * / {@code ABSENT ON NULL} and {@code FORMAT JSON}; these operators give Trino's result type (varchar) and the
 * translation tells the kernel how each value is written: numbers and booleans as JSON's, strings and date-time
 * values (and uuids, IP addresses, …: their casts to varchar) as strings, JSON text (FORMAT JSON, or another
 * constructor's or json_query's result) as it is.
 */
final class JsonConstructorSql {
    static final List<SqlOperator> OPERATORS = List.of(
            new SqlJsonObjectFunction() {
                @Override
                public RelDataType inferReturnType(SqlOperatorBinding binding) {
                    return varchar(binding);
                }

                @Override
                public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding binding, boolean throwOnFailure) {
                    return true; // a key of a nullable column is fine (a null key fails per row); the translation checks types
                }
            },
            new SqlJsonArrayFunction() {
                @Override
                public RelDataType inferReturnType(SqlOperatorBinding binding) {
                    return varchar(binding);
                }
            },
            SqlStdOperatorTable.JSON_VALUE_EXPRESSION);

    private static final Set<String> NAMES = Set.of("json_object", "json_array");

    private JsonConstructorSql() {}

    private static RelDataType varchar(SqlOperatorBinding binding) {
        return binding.getTypeFactory().createTypeWithNullability(
                binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), false);
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Expression translate(String name, List<RexNode> operands, Function<RexNode, Expression> translator) {
        SqlJsonConstructorNullClause nulls = ((RexLiteral) operands.get(0)).getValueAs(SqlJsonConstructorNullClause.class);
        boolean object = name.equals("json_object");
        List<Expression> arguments = new ArrayList<>();
        StringBuilder kinds = new StringBuilder();
        for (int i = 1; i < operands.size(); i++) {
            if (object && i % 2 == 1) {
                Expression key = translator.apply(operands.get(i));
                if (!(key.type() instanceof VarcharType || key.type() instanceof CharType)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "Invalid type of JSON object key: " + key.type().displayName());
                }
                arguments.add(key);
                continue;
            }
            RexNode operand = operands.get(i);
            if (operand instanceof RexLiteral literal && literal.isNull()) {
                // Calcite types a bare NULL here as ANY
                arguments.add(new Constant(null, Types.UNKNOWN));
                kinds.append('U');
                continue;
            }
            if (operand instanceof RexCall call && call.getOperator() == JsonConstructorClauses.OPERATOR) {
                // a constructor with a RETURNING clause still gives JSON (of its text, however it is returned)
                arguments.add(translator.apply(call.getOperands().get(0)));
                kinds.append('J');
                continue;
            }
            if (operand instanceof RexCall call && call.getKind() == SqlKind.JSON_VALUE_EXPRESSION) {
                arguments.add(ExpressionTranslator.coerce(JsonFormatInputs.asText(translator.apply(call.getOperands().get(0))), Types.VARCHAR));
                kinds.append('J');
                continue;
            }
            Expression value = translator.apply(operand);
            char kind = kind(name, value);
            arguments.add(kind == 'S' && !(value.type() instanceof VarcharType)
                    ? ExpressionTranslator.coerce(value, Types.VARCHAR)
                    : value);
            kinds.append(kind);
        }
        String shape = (nulls == SqlJsonConstructorNullClause.ABSENT_ON_NULL ? "ABSENT" : "NULL") + ":" + kinds;
        arguments.add(0, new Constant(shape, Types.VARCHAR));
        return new Call(name, arguments, Types.VARCHAR);
    }

    private static char kind(String name, Expression value) {
        if (value instanceof Call call && (NAMES.contains(call.function()) || call.function().equals("json_query"))) {
            // another constructor's or json_query's result is JSON text: FORMAT JSON is implicit
            return 'J';
        }
        Type type = value.type();
        if (type instanceof UnknownType) {
            return 'U';
        }
        if (type instanceof BooleanType) {
            return 'B';
        }
        if (type instanceof io.quarry.type.TinyintType || type instanceof io.quarry.type.SmallintType
                || type instanceof io.quarry.type.IntegerType || type instanceof io.quarry.type.BigintType
                || type instanceof io.quarry.type.RealType || type instanceof io.quarry.type.DoubleType
                || type instanceof io.quarry.type.DecimalType) {
            return 'N';
        }
        if (type instanceof VarcharType || type instanceof CharType || type instanceof io.quarry.type.DateType
                || io.quarry.type.TemporalTypes.isTemporal(type)) {
            return 'S';
        }
        if (type instanceof io.quarry.type.UuidType || type instanceof io.quarry.type.IpAddressType
                || type instanceof io.quarry.type.JsonType) {
            // other values are written as their casts to varchar (a JSON value only when it is a scalar)
            return 'S';
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Unsupported type of value passed to "
                + name.toUpperCase(Locale.ROOT) + " function: " + type.displayName());
    }
}
