package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.Optionality;

/**
 * checksum, listagg (with its mandatory WITHIN GROUP), approx_most_frequent, numeric_histogram, and max_by/min_by
 * with or without a count, with Trino's result types. Their accumulators are {@code exec.operator.MoreAccumulators}.
 */
final class MoreAggregateFunctions {
    private MoreAggregateFunctions() {}

    /** The Quarry names of these aggregates (besides max_by/min_by, which the extended aggregates name). */
    static final Set<String> NAMES = Set.of("checksum", "listagg", "approx_most_frequent", "numeric_histogram", "max_n", "min_n");

    /** Name (upper case) to operator; replaces the two-argument max_by/min_by. */
    static final Map<String, SqlOperator> OPERATORS = operators();

    private static Map<String, SqlOperator> operators() {
        Map<String, SqlOperator> operators = new LinkedHashMap<>();
        operators.put("CHECKSUM", aggregate("CHECKSUM", ReturnTypes.VARBINARY_NULLABLE, OperandTypes.ANY));
        operators.put("LISTAGG", SqlBasicAggFunction.create("LISTAGG", SqlKind.OTHER_FUNCTION,
                        org.apache.calcite.sql.type.ReturnTypes.explicit(SqlTypeName.VARCHAR)
                                .andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
                        OperandTypes.family(SqlTypeFamily.CHARACTER)
                                .or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER))
                                .or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER,
                                        SqlTypeFamily.BOOLEAN, SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN)))
                .withGroupOrder(Optionality.MANDATORY));
        operators.put("APPROX_MOST_FREQUENT", aggregate("APPROX_MOST_FREQUENT", MoreAggregateFunctions::mostFrequentType,
                OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.ANY, SqlTypeFamily.INTEGER)));
        operators.put("NUMERIC_HISTOGRAM", aggregate("NUMERIC_HISTOGRAM", MoreAggregateFunctions::histogramType,
                OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.NUMERIC)
                        .or(OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC))));
        SqlOperandTypeChecker byKey = OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY)
                .or(OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ANY, SqlTypeFamily.INTEGER));
        operators.put("MAX_BY", aggregate("MAX_BY", MoreAggregateFunctions::byKeyType, byKey));
        operators.put("MIN_BY", aggregate("MIN_BY", MoreAggregateFunctions::byKeyType, byKey));
        return Map.copyOf(operators);
    }

    /** The Quarry name of a max_by/min_by call: {@code max_by_n}/{@code min_by_n} with a count. */
    static String byKeyName(String name, int argumentCount) {
        return argumentCount == 3 && (name.equals("max_by") || name.equals("min_by")) ? name + "_n" : name;
    }

    private static RelDataType byKeyType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = binding.getOperandType(0);
        if (binding.getOperandCount() == 3) {
            return factory.createTypeWithNullability(factory.createArrayType(value, -1), true);
        }
        return factory.createTypeWithNullability(value, true);
    }

    /** map(bigint, bigint) over integers, map(varchar, bigint) over text. */
    private static RelDataType mostFrequentType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = binding.getOperandType(1);
        SqlTypeName key = SqlTypeUtil.isCharacter(value) ? SqlTypeName.VARCHAR : SqlTypeName.BIGINT;
        if (!SqlTypeUtil.isCharacter(value) && !SqlTypeUtil.isExactNumeric(value) || SqlTypeUtil.isDecimal(value)) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND,
                    "Unexpected parameters for function approx_most_frequent: its values must be bigint or varchar, not " + value);
        }
        return factory.createTypeWithNullability(factory.createMapType(
                factory.createSqlType(key), factory.createSqlType(SqlTypeName.BIGINT)), true);
    }

    /** map(double, double) over doubles, map(real, real) over everything else (Trino coerces it to real). */
    private static RelDataType histogramType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        SqlTypeName name = binding.getOperandType(1).getSqlTypeName();
        SqlTypeName result = name == SqlTypeName.DOUBLE || name == SqlTypeName.FLOAT ? SqlTypeName.DOUBLE : SqlTypeName.REAL;
        return factory.createTypeWithNullability(
                factory.createMapType(factory.createSqlType(result), factory.createSqlType(result)), true);
    }

    private static SqlAggFunction aggregate(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, returnType, operands);
    }

    /** Return types not in Calcite's {@code ReturnTypes}. */
    private static final class ReturnTypes {
        static final SqlReturnTypeInference VARBINARY_NULLABLE = binding -> binding.getTypeFactory()
                .createTypeWithNullability(binding.getTypeFactory().createSqlType(SqlTypeName.VARBINARY), true);
    }
}
