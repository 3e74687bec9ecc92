package io.quarry.sql;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Gives decimal literals Trino's types. Calcite counts a leading zero as a digit ({@code 0.1} is
 * decimal(2,1)); Trino does not ({@code 0.1} is decimal(1,1), {@code 0.06} decimal(2,2)), and that
 * changes the types of everything computed from them.
 */
final class DecimalLiterals {
    private DecimalLiterals() {}

    static void retype(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                SqlNode replacement = replacement(item);
                if (replacement != null) {
                    list.set(i, replacement);
                } else {
                    retype(item);
                }
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlNode replacement = replacement(operand);
                if (replacement != null) {
                    try {
                        call.setOperand(i, replacement);
                    } catch (UnsupportedOperationException | AssertionError e) {
                        // a node kind that cannot be changed in place keeps Calcite's literal type
                    }
                } else {
                    retype(operand);
                }
            }
        }
    }

    private static SqlNode replacement(SqlNode node) {
        if (node instanceof SqlNumericLiteral literal && literal.isExact() && literal.getScale() != null
                && literal.getScale() > 0 && literal.getPrec() != null) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            int precision = Math.max(value.precision(), value.scale());
            if (precision != literal.getPrec()) {
                return new TrinoDecimalLiteral(value, precision, literal.getScale(), literal.getParserPosition());
            }
        }
        return null;
    }

    /** An exact numeric literal with the precision Trino gives it. */
    private static final class TrinoDecimalLiteral extends SqlNumericLiteral {
        TrinoDecimalLiteral(BigDecimal value, int precision, int scale, SqlParserPos pos) {
            super(value, precision, scale, true, pos);
        }
    }
}
