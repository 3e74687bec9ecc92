package io.quarry.sql;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Gives decimal literals Trino's types. Calcite counts a leading zero as a digit ({@code 0.1} is
 * decimal(2,1)); Trino does not ({@code 0.1} is decimal(1,1), {@code 0.06} decimal(2,2)), and that
 * changes the types of everything computed from them.
 */
final class DecimalLiterals {
    private DecimalLiterals() {}

    static void retype(SqlNode node) {
        retype(node, null);
    }

    /**
     * Also gives an integer written with a decimal point and no fraction ({@code 5.}) Trino's type decimal(1,0):
     * Calcite reads it as the integer 5; the statement's text tells them apart.
     */
    static void retype(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                SqlNode replacement = replacement(item, text);
                if (replacement != null) {
                    list.set(i, replacement);
                } else {
                    retype(item, text);
                }
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlNode replacement = replacement(operand, text);
                if (replacement != null) {
                    try {
                        call.setOperand(i, replacement);
                    } catch (UnsupportedOperationException | AssertionError e) {
                        // a node kind that cannot be changed in place keeps Calcite's literal type
                    }
                } else {
                    retype(operand, text);
                }
            }
        }
    }

    private static SqlNode replacement(SqlNode node, SqlText text) {
        if (node instanceof SqlNumericLiteral literal && !literal.isExact() && literal.signum() == 0
                && text != null && writtenNegative(literal, text)) {
            // -0e0 is negative zero in Trino; Calcite's literal, a BigDecimal, has no sign for zero
            SqlNumericLiteral zero = SqlLiteral.createApproxNumeric("0E0", literal.getParserPosition());
            return SqlStdOperatorTable.UNARY_MINUS.createCall(literal.getParserPosition(), zero);
        }
        SqlNode codePoints = CodePointLiterals.replacement(node);
        if (codePoints != null) {
            return codePoints;
        }
        if (text != null && node instanceof SqlNumericLiteral literal && literal.isExact() && literal.getScale() != null
                && literal.getScale() == 0 && !(literal instanceof PointIntegerLiteral) && writtenWithPoint(literal, text)) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            return new PointIntegerLiteral(value, Math.max(1, value.precision()), literal.getParserPosition());
        }
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

    private static boolean writtenWithPoint(SqlNumericLiteral literal, SqlText text) {
        SqlParserPos pos = literal.getParserPosition();
        if (pos == null || pos.getLineNum() < 1) {
            return false;
        }
        String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
        return written != null && written.strip().endsWith(".");
    }

    private static boolean writtenNegative(SqlNumericLiteral literal, SqlText text) {
        SqlParserPos pos = literal.getParserPosition();
        if (pos == null || pos.getLineNum() < 1) {
            return false;
        }
        String written = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
        return written != null && written.strip().startsWith("-");
    }

    /** An integer written with a decimal point ({@code 5.}): decimal(p,0) as in Trino, not integer. */
    private static final class PointIntegerLiteral extends SqlNumericLiteral {
        PointIntegerLiteral(BigDecimal value, int precision, SqlParserPos pos) {
            super(value, precision, 0, true, pos);
        }

        @Override
        public RelDataType createSqlType(RelDataTypeFactory typeFactory) {
            return typeFactory.createSqlType(SqlTypeName.DECIMAL, getPrec(), 0);
        }
    }

    /** An exact numeric literal with the precision Trino gives it. */
    private static final class TrinoDecimalLiteral extends SqlNumericLiteral {
        TrinoDecimalLiteral(BigDecimal value, int precision, int scale, SqlParserPos pos) {
            super(value, precision, scale, true, pos);
        }
    }
}
