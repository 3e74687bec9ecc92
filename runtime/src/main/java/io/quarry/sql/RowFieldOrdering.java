package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * ORDER BY of a row field, {@code ORDER BY (r).y}: Calcite's expansion of an ORDER BY expression resolves every
 * identifier in it as a column, the field name {@code y} too, and fails. Here only the row expression of a field
 * access is expanded; the field name stays as it is, for the validator to resolve against the row's type.
 */
final class RowFieldOrdering {
    private RowFieldOrdering() {}

    /** Whether {@code expression} reads a field of a row somewhere. */
    static boolean hasFieldAccess(SqlNode expression) {
        if (expression instanceof SqlBasicCall call) {
            if (call.getKind() == SqlKind.DOT) {
                return true;
            }
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null && hasFieldAccess(operand)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code expression} with the parts around field names expanded by {@code expand}. */
    static SqlNode expand(SqlNode expression, UnaryOperator<SqlNode> expand) {
        if (!hasFieldAccess(expression)) {
            return expand.apply(expression);
        }
        SqlBasicCall call = (SqlBasicCall) expression;
        List<SqlNode> operands = new ArrayList<>(call.getOperandList());
        int last = call.getKind() == SqlKind.DOT ? 1 : operands.size();
        for (int i = 0; i < last; i++) {
            // a literal inside an expression is a value, not an ordinal of the select list
            if (operands.get(i) != null && !(operands.get(i) instanceof org.apache.calcite.sql.SqlLiteral)) {
                operands.set(i, expand(operands.get(i), expand));
            }
        }
        return new SqlBasicCall(call.getOperator(), operands, call.getParserPosition(), call.getFunctionQuantifier());
    }
}
