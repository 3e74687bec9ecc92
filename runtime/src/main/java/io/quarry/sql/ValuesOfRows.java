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
 * same width, each becomes the row of its fields ({@code ROW(c[1], c[2])}). A column of date and timestamp literals
 * gets its dates cast to timestamps.
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
                castDatesBesideTimestamps(call);
            }
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    rewrite(operand, text);
                }
            }
        }
    }

    /**
     * A column of DATE and TIMESTAMP literals is a timestamp, as in Trino. Calcite would build its rows with the
     * dates' values under the timestamp type; a date cast to {@code timestamp(0)} is converted as a timestamp.
     */
    private static void castDatesBesideTimestamps(SqlCall values) {
        // a row is a ROW call of its columns, or (one column) the value itself
        boolean rowCalls = values.getOperandList().stream().allMatch(row -> row instanceof SqlCall call && call.getKind() == SqlKind.ROW);
        int width = rowCalls && values.operandCount() > 0 ? ((SqlCall) values.operand(0)).operandCount() : 1;
        for (int column = 0; column < width; column++) {
            List<SqlCall> holders = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int r = 0; r < values.operandCount(); r++) {
                SqlCall holder = rowCalls ? values.operand(r) : values;
                int position = rowCalls ? column : r;
                if (position < holder.operandCount()) {
                    holders.add(holder);
                    positions.add(position);
                }
            }
            boolean timestamps = false;
            for (int i = 0; i < holders.size(); i++) {
                timestamps |= isLiteral(holders.get(i).operand(positions.get(i)), "TIMESTAMP");
            }
            for (int i = 0; timestamps && i < holders.size(); i++) {
                SqlNode date = holders.get(i).operand(positions.get(i));
                if (isLiteral(date, "DATE")) {
                    SqlParserPos pos = date.getParserPosition();
                    SqlDataTypeSpec timestamp = new SqlDataTypeSpec(
                            new org.apache.calcite.sql.SqlBasicTypeNameSpec(org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP, 0, pos), pos);
                    holders.get(i).setOperand(positions.get(i), SqlStdOperatorTable.CAST.createCall(pos, date, timestamp));
                }
            }
        }
    }

    /** Whether the node is a typed literal of that type ({@code DATE '…'}), before or after the validator reads it. */
    private static boolean isLiteral(SqlNode node, String type) {
        if (node instanceof org.apache.calcite.sql.SqlUnknownLiteral unknown) {
            return unknown.tag.equalsIgnoreCase(type);
        }
        return type.equals("DATE") ? node instanceof org.apache.calcite.sql.SqlDateLiteral
                : node instanceof org.apache.calcite.sql.SqlTimestampLiteral;
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
