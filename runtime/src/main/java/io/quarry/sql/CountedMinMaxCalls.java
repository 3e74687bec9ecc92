package io.quarry.sql;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Trino's {@code max(x, n)} and {@code min(x, n)}: the n largest (smallest) values, best first. Calcite's MIN and MAX
 * take one argument and are known to its rules by their kind, so a call with two becomes, before validation, the
 * aggregate {@code max_n} ({@code min_n}) instead of a second overload of the standard one.
 */
final class CountedMinMaxCalls {
    /** Hidden names (a user cannot write them unquoted) the operator table resolves for the validator. */
    static final SqlAggFunction MAX_N = aggregate("$MAX_N");
    static final SqlAggFunction MIN_N = aggregate("$MIN_N");

    private CountedMinMaxCalls() {}

    /** Points every two-argument call of min or max in a parsed statement at max_n or min_n, in place. */
    static void rewrite(SqlNode node) {
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlBasicCall basic && call.operandCount() == 2
                        && call.getOperator() instanceof SqlUnresolvedFunction function) {
                    String name = function.getName().toLowerCase(Locale.ROOT);
                    if (name.equals("max")) {
                        basic.setOperator(MAX_N);
                    } else if (name.equals("min")) {
                        basic.setOperator(MIN_N);
                    }
                }
                return super.visit(call);
            }
        });
    }

    /** Quarry's name of the aggregate an operator is ({@code max_n}, {@code min_n}), or null when it is neither. */
    static String quarryName(org.apache.calcite.sql.SqlOperator operator) {
        return operator == MAX_N ? "max_n" : operator == MIN_N ? "min_n" : null;
    }

    private static SqlAggFunction aggregate(String name) {
        return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            return factory.createTypeWithNullability(factory.createArrayType(binding.getOperandType(0), -1), true);
        }, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER));
    }
}
