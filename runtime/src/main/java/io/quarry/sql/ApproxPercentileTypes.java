package io.quarry.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The signatures of {@code approx_percentile} as Trino has them: {@code (x, percentage)},
 * {@code (x, percentages)}, {@code (x, w, percentage)}, {@code (x, w, percentages)} and
 * {@code (x, w, percentage, accuracy)}, where x is a bigint, real or double (smaller integers widen to bigint,
 * decimals to real) and the result is x's type, or an array of it for an array of percentages.
 */
final class ApproxPercentileTypes {
    static final SqlOperandTypeChecker OPERANDS = OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC)
            .or(OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.ARRAY))
            .or(OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC))
            .or(OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.ARRAY))
            .or(OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC));

    static final SqlReturnTypeInference RETURN_TYPE = binding -> {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = factory.createSqlType(valueType(binding.getOperandType(0).getSqlTypeName()));
        RelDataType percentages = binding.getOperandType(binding.getOperandCount() - 1);
        RelDataType result = percentages.getSqlTypeName() == SqlTypeName.ARRAY
                ? factory.createArrayType(factory.createTypeWithNullability(value, true), -1)
                : value;
        return factory.createTypeWithNullability(result, true);
    };

    private ApproxPercentileTypes() {}

    private static SqlTypeName valueType(SqlTypeName name) {
        return switch (name) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> SqlTypeName.BIGINT;
            // a decimal goes to real, the nearer of the two types it coerces to
            case REAL, FLOAT, DECIMAL -> SqlTypeName.REAL;
            default -> SqlTypeName.DOUBLE;
        };
    }
}
