package io.quarry.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlFloorFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * floor, ceil and ceiling with Trino's result type over decimal(p,s), decimal(p - s + min(s, 1), 0) (Calcite keeps
 * decimal(p,0)); other types as Calcite has them. The parser builds Calcite's own operators, which
 * {@link #rewrite} replaces.
 */
final class DecimalRounding {
    static final SqlFloorFunction FLOOR = new TrinoFloorOrCeil(SqlKind.FLOOR);
    static final SqlFloorFunction CEIL = new TrinoFloorOrCeil(SqlKind.CEIL);

    private DecimalRounding() {}

    /** Puts Trino's floor or ceil in place of Calcite's in a call of one argument. */
    static void rewrite(SqlNode node) {
        if (node instanceof SqlBasicCall call && call.operandCount() == 1) {
            if (call.getOperator() == SqlStdOperatorTable.FLOOR) {
                call.setOperator(FLOOR);
            } else if (call.getOperator() == SqlStdOperatorTable.CEIL) {
                call.setOperator(CEIL);
            }
        }
    }

    private static final class TrinoFloorOrCeil extends SqlFloorFunction {
        TrinoFloorOrCeil(SqlKind kind) {
            super(kind);
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            RelDataType argument = binding.getOperandType(0);
            if (binding.getOperandCount() != 1 || argument.getSqlTypeName() != SqlTypeName.DECIMAL) {
                return super.inferReturnType(binding);
            }
            RelDataTypeFactory factory = binding.getTypeFactory();
            int precision = argument.getPrecision();
            int scale = argument.getScale();
            RelDataType type = factory.createSqlType(SqlTypeName.DECIMAL, Math.max(1, precision - scale + Math.min(scale, 1)), 0);
            return factory.createTypeWithNullability(type, argument.isNullable());
        }
    }
}
