package io.quarry.sql;

import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlAvgAggFunction;
import org.apache.calcite.sql.fun.SqlSumAggFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * sum and avg as Trino has them: over numbers as Calcite's, and also over both interval types (whose result is
 * the interval type; see {@link QuarryTypeSystem}), which Calcite's operand check refuses.
 */
final class IntervalAggregates {
    static final SqlSumAggFunction SUM = new SqlSumAggFunction(null) {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            return isInterval(binding) || super.checkOperandTypes(binding, throwOnFailure);
        }
    };

    static final SqlAvgAggFunction AVG = new SqlAvgAggFunction(SqlKind.AVG) {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            return isInterval(binding) || super.checkOperandTypes(binding, throwOnFailure);
        }
    };

    private IntervalAggregates() {}

    private static boolean isInterval(SqlCallBinding binding) {
        if (binding.getOperandCount() != 1) {
            return false;
        }
        SqlTypeFamily family = binding.getOperandType(0).getSqlTypeName().getFamily();
        return family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }
}
