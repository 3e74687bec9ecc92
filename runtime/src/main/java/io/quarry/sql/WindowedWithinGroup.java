package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * An aggregate with WITHIN GROUP used as a window function ({@code listagg(x, ',') WITHIN GROUP (ORDER BY x) OVER
 * (PARTITION BY k)}), which Trino accepts: Calcite cannot order the values of a window aggregate, so it is refused
 * as not supported yet, naming the function, instead of Calcite's "OVER must be applied to aggregate function". So is
 * an aggregate with an ORDER BY of its own ({@code array_agg(x ORDER BY x) OVER (…)}), which Calcite fails to convert.
 */
final class WindowedWithinGroup {
    private WindowedWithinGroup() {}

    /** Throws NOT_SUPPORTED at the first windowed WITHIN GROUP aggregate of a parsed statement. */
    static void check(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                check(item);
            }
        } else if (node instanceof SqlCall call) {
            if (call.getKind() == SqlKind.OVER && call.operand(0) instanceof SqlCall aggregate
                    && aggregate.getKind() == SqlKind.WITHIN_GROUP) {
                String name = aggregate.operand(0) instanceof SqlCall function
                        ? function.getOperator().getName().toLowerCase(Locale.ROOT)
                        : "aggregate";
                throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                        name + " with WITHIN GROUP as a window function (OVER) is not supported yet");
            }
            if (call.getKind() == SqlKind.OVER && call.operand(0) instanceof SqlCall aggregate
                    && aggregate.getOperandList().stream().anyMatch(operand -> operand instanceof SqlNodeList)) {
                // array_agg(x ORDER BY y) OVER (…): the ORDER BY is an operand of the aggregate
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, aggregate.getOperator().getName().toLowerCase(Locale.ROOT)
                        + " with ORDER BY as a window function (OVER) is not supported yet");
            }
            for (SqlNode operand : call.getOperandList()) {
                check(operand);
            }
        }
    }
}
