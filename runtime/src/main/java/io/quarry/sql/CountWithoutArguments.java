package io.quarry.sql;

import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/** Trino's {@code count()}, which counts rows as {@code count(*)} does; Calcite's COUNT wants an argument. */
final class CountWithoutArguments {
    private CountWithoutArguments() {}

    /** Replaces every {@code count()} of a parsed statement with {@code count(*)}, in place. */
    static void rewrite(SqlNode node) {
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                List<SqlNode> operands = call.getOperandList();
                for (int i = 0; i < operands.size(); i++) {
                    if (isCountWithoutArguments(operands.get(i))) {
                        call.setOperand(i, countStar((SqlCall) operands.get(i)));
                    }
                }
                return super.visit(call);
            }

            @Override
            public Void visit(SqlNodeList list) {
                for (int i = 0; i < list.size(); i++) {
                    if (isCountWithoutArguments(list.get(i))) {
                        list.set(i, countStar((SqlCall) list.get(i)));
                    }
                }
                return super.visit(list);
            }
        });
    }

    private static boolean isCountWithoutArguments(SqlNode node) {
        return node instanceof SqlBasicCall call && call.operandCount() == 0
                && call.getOperator() instanceof SqlUnresolvedFunction function && function.getName().equalsIgnoreCase("count");
    }

    private static SqlCall countStar(SqlCall count) {
        return SqlStdOperatorTable.COUNT.createCall(count.getFunctionQuantifier(), count.getParserPosition(),
                SqlIdentifier.star(count.getParserPosition()));
    }
}
