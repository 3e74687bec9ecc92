package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Intervals of different units in one array or map constructor ({@code ARRAY[INTERVAL '1' DAY, INTERVAL '2' HOUR]}):
 * Calcite casts each element to the common type with a type specification it cannot derive a type from again
 * (an assertion fails). As Trino has a single day-to-second and a single year-to-month type, the interval elements
 * are cast to the whole range of their kind first, written as an interval qualifier, which Calcite reads back.
 */
final class IntervalElements {
    private IntervalElements() {}

    static void widen(SqlNode expression, Function<SqlNode, RelDataType> typeOf) {
        if (!(expression instanceof SqlBasicCall call)
                || (call.getKind() != SqlKind.ARRAY_VALUE_CONSTRUCTOR && call.getKind() != SqlKind.MAP_VALUE_CONSTRUCTOR)) {
            return;
        }
        // only constructors with an interval literal: the others' types are left to the validator's own order
        if (call.getOperandList().stream().noneMatch(operand -> operand instanceof SqlIntervalLiteral)) {
            return;
        }
        int step = call.getKind() == SqlKind.MAP_VALUE_CONSTRUCTOR ? 2 : 1;
        for (int first = 0; first < step; first++) {
            List<Integer> intervals = new ArrayList<>();
            List<RelDataType> types = new ArrayList<>();
            for (int i = first; i < call.operandCount(); i += step) {
                RelDataType type = typeOf.apply(call.operand(i));
                if (SqlTypeUtil.isInterval(type)) {
                    intervals.add(i);
                    types.add(type);
                }
            }
            if (intervals.size() < 2 || types.stream().map(RelDataType::getSqlTypeName).distinct().count() == 1) {
                continue;
            }
            for (int index = 0; index < intervals.size(); index++) {
                int operand = intervals.get(index);
                boolean dayTime = types.get(index).getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME;
                SqlIntervalQualifier whole = dayTime
                        ? new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, call.operand(operand).getParserPosition())
                        : new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, call.operand(operand).getParserPosition());
                call.setOperand(operand, SqlStdOperatorTable.CAST.createCall(
                        call.operand(operand).getParserPosition(), call.operand(operand), whole));
            }
        }
    }
}
