package io.quarry.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Result types of the statistical aggregates that Trino declares over both real and double: an argument that
 * is not double coerces to real first (integers and decimals included), so the result is real unless an argument
 * is double. geometric_mean also has a bigint signature, which integers prefer (a double result).
 */
final class RealOrDoubleAggregates {
    private RealOrDoubleAggregates() {}

    /** corr, covar_samp, covar_pop, regr_slope, regr_intercept: real unless either argument is double. */
    static RelDataType pairType(SqlOperatorBinding binding) {
        boolean anyDouble = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            anyDouble |= isDouble(binding.getOperandType(i));
        }
        return nullable(binding.getTypeFactory(), anyDouble ? SqlTypeName.DOUBLE : SqlTypeName.REAL);
    }

    /** geometric_mean: real over real and decimals, double over integers and doubles. */
    static RelDataType geometricMeanType(SqlOperatorBinding binding) {
        SqlTypeName name = binding.getOperandType(0).getSqlTypeName();
        boolean real = name == SqlTypeName.REAL || name == SqlTypeName.DECIMAL;
        return nullable(binding.getTypeFactory(), real ? SqlTypeName.REAL : SqlTypeName.DOUBLE);
    }

    private static boolean isDouble(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DOUBLE || type.getSqlTypeName() == SqlTypeName.FLOAT;
    }

    private static RelDataType nullable(RelDataTypeFactory factory, SqlTypeName name) {
        return factory.createTypeWithNullability(factory.createSqlType(name), true);
    }
}
