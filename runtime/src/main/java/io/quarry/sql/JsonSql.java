package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.DecimalType;
import io.quarry.type.JsonType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The {@code json} type in the SQL front end. Calcite has no json type, so json is Calcite's {@code VARIANT}
 * (which Quarry uses for nothing else): every cast to and from VARIANT validates, and the executor decides
 * which casts exist. {@code CAST(x AS JSON)} finds the type by name in the root schema; a literal {@code JSON '…'}
 * reaches Calcite as a call of {@code JSON('…')} ({@link SqlText}), which is json_parse (text that is no JSON an
 * invalid literal).
 */
final class JsonSql {
    private static final SqlReturnTypeInference JSON = binding -> nullable(binding.getTypeFactory(),
            calciteType(binding.getTypeFactory()));

    /** The json functions whose signatures the other tables do not have. */
    static final List<SqlOperator> OPERATORS = List.of(
            function("JSON", JSON, OperandTypes.family(SqlTypeFamily.CHARACTER)),
            function("JSON_PARSE", JSON, OperandTypes.family(SqlTypeFamily.CHARACTER)),
            function("JSON_FORMAT", binding -> nullable(binding.getTypeFactory(),
                    binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR)), OperandTypes.family(SqlTypeFamily.ANY)),
            function("JSON_EXTRACT", JSON, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER)),
            function("JSON_ARRAY_GET", JSON, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER)),
            function("JSON_ARRAY_CONTAINS", binding -> nullable(binding.getTypeFactory(),
                    binding.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN)),
                    OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY)));

    private JsonSql() {}

    static RelDataType calciteType(RelDataTypeFactory factory) {
        return factory.createSqlType(SqlTypeName.VARIANT);
    }

    /** Makes {@code json} and the sketch types' names ({@code HyperLogLog}, ...) type names that CAST finds. */
    static void registerType(SchemaPlus root) {
        root.add("json", JsonSql::calciteType);
        // the sketch types live here too, for the same reason
        for (String sketch : new String[] {"HyperLogLog", "P4HyperLogLog", "SetDigest"}) {
            root.add(sketch, factory -> factory.createTypeWithNullability(new SketchSqlType(sketch, false), false));
        }
    }

    /** Whether {@link #translate} handles calls of this (lower-case) name. */
    static boolean handles(String name) {
        return switch (name) {
            case "json", "json_parse", "json_format", "json_extract", "json_array_get", "json_array_contains" -> true;
            default -> false;
        };
    }

    /** The plan's call of a json function, with the argument casts of Trino's signatures. */
    static Expression translate(String name, List<Expression> arguments, Type type) {
        List<Expression> coerced = new ArrayList<>(arguments);
        switch (name) {
            case "json" -> {
                return new Call("$json_literal", coerced, Types.JSON); // json_parse, failing as an invalid literal
            }
            case "json_format" -> {
                if (!(coerced.get(0).type() instanceof JsonType)) {
                    throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                            + coerced.get(0).type().displayName() + ") for function json_format. Expected: json_format(json)");
                }
            }
            case "json_array_get" -> coerced.set(1, ExpressionTranslator.coerce(coerced.get(1), Types.BIGINT));
            case "json_array_contains" -> {
                Type valueType = coerced.get(1).type();
                if (isInteger(valueType)) {
                    coerced.set(1, ExpressionTranslator.coerce(coerced.get(1), Types.BIGINT));
                } else if (valueType instanceof RealType || valueType instanceof DecimalType) {
                    coerced.set(1, ExpressionTranslator.coerce(coerced.get(1), Types.DOUBLE));
                }
            }
            default -> {
                // arguments as they are
            }
        }
        return new Call(name, coerced, type);
    }

    private static boolean isInteger(Type type) {
        return type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType
                || type instanceof TinyintType;
    }

    private static SqlFunction function(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    private static RelDataType nullable(RelDataTypeFactory factory, RelDataType type) {
        return factory.createTypeWithNullability(type, true);
    }
}
