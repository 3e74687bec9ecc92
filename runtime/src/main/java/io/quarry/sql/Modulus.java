package io.quarry.sql;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Trino's {@code mod(n, m)} and {@code n % m}: over any two numbers, of their common type. Calcite's MOD takes
 * exact numbers only, so implicit coercion turned {@code mod(5.5e0, 2e0)} into a decimal remainder.
 */
final class Modulus {
    static final SqlFunction MOD = new SqlFunction(
            "MOD", SqlKind.MOD, Modulus::returnType, null, OperandTypes.NUMERIC_NUMERIC, SqlFunctionCategory.NUMERIC);

    private Modulus() {}

    private static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        if (SqlTypeUtil.isDecimal(left) || SqlTypeUtil.isDecimal(right)) {
            if (SqlTypeUtil.isExactNumeric(left) && SqlTypeUtil.isExactNumeric(right)) {
                return ReturnTypes.NULLABLE_MOD.inferReturnType(binding);
            }
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType common = factory.leastRestrictive(List.of(left, right));
        if (common == null) {
            return null;
        }
        return factory.createTypeWithNullability(common, left.isNullable() || right.isNullable());
    }

    /** Points every {@code %} and MOD call of a parsed statement at {@link #MOD}. */
    static void rewrite(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                rewrite(item);
            }
        } else if (node instanceof SqlCall call) {
            if (call instanceof SqlBasicCall basic
                    && (call.getOperator() == SqlStdOperatorTable.PERCENT_REMAINDER || call.getOperator() == SqlStdOperatorTable.MOD)) {
                basic.setOperator(MOD);
            }
            for (SqlNode operand : call.getOperandList()) {
                rewrite(operand);
            }
        }
    }
}
