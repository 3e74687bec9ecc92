package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code VALUES CAST(ROW(1, 2) AS ROW(x int, y int))}: Trino spreads a row-typed value of a VALUES row over the
 * row's columns, where Calcite makes it one row column. When every row of a VALUES is one cast to a row type of the
 * same width, each becomes the row of its fields ({@code ROW(c[1], c[2])}).
 */
final class ValuesOfRows {
    private ValuesOfRows() {}

    static void rewrite(SqlNode node, SqlText text) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                rewrite(item, text);
            }
        } else if (node instanceof SqlCall call) {
            if (call.getKind() == SqlKind.VALUES) {
                spread(call, text);
            }
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    rewrite(operand, text);
                }
            }
        }
    }

    private static void spread(SqlCall values, SqlText text) {
        int width = -1;
        for (SqlNode row : values.getOperandList()) {
            int fields = explicitRow(row, text) ? -1 : rowCastWidth(row);
            if (fields < 0 || (width >= 0 && fields != width)) {
                return;
            }
            width = fields;
        }
        for (int r = 0; r < values.operandCount(); r++) {
            SqlBasicCall rowCall = values.operand(r);
            SqlNode cast = rowCall.operand(0);
            List<SqlNode> fields = new ArrayList<>(width);
            for (int i = 1; i <= width; i++) {
                fields.add(SqlStdOperatorTable.ITEM.createCall(
                        cast.getParserPosition(), cast, SqlLiteral.createExactNumeric(Integer.toString(i), SqlParserPos.ZERO)));
            }
            values.setOperand(r, SqlStdOperatorTable.ROW.createCall(rowCall.getParserPosition(), fields));
        }
    }

    /** Whether a VALUES row is written {@code ROW(…)}: a row of one row-typed column then, as in Trino. */
    private static boolean explicitRow(SqlNode row, SqlText text) {
        SqlParserPos pos = row.getParserPosition();
        String start = text.snippet(pos.getLineNum(), pos.getColumnNum(), pos.getLineNum(), pos.getColumnNum() + 2);
        return start != null && start.equalsIgnoreCase("row");
    }

    /** The number of fields when a VALUES row is one cast to a row type, else -1. */
    private static int rowCastWidth(SqlNode row) {
        if (!(row instanceof SqlBasicCall call) || call.getKind() != SqlKind.ROW || call.operandCount() != 1) {
            return -1;
        }
        SqlNode value = call.operand(0);
        if (value == null || value.getKind() != SqlKind.CAST
                || !(((SqlCall) value).operand(1) instanceof SqlDataTypeSpec type)
                || !(type.getTypeNameSpec() instanceof SqlRowTypeNameSpec rowType)) {
            return -1;
        }
        return rowType.getFieldNames().size();
    }
}
