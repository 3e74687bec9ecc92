package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

/**
 * Moves the ORDER BY of a {@code SELECT DISTINCT} with window functions in its select list to a query around
 * it: {@code SELECT DISTINCT rank() OVER (ORDER BY k) FROM t ORDER BY 1} becomes
 * {@code SELECT * FROM (SELECT DISTINCT rank() OVER (ORDER BY k) FROM t) ORDER BY 1}. Calcite otherwise checks
 * the columns inside the window (here {@code k}) against the distinct select list and rejects the query, where
 * Trino sorts the distinct rows. Order items that repeat a select item become its ordinal, so that they name
 * a column of the outer query.
 */
final class DistinctWindowOrder {
    private static final String ALIAS = "quarry_distinct";

    private DistinctWindowOrder() {}

    static SqlNode rewrite(SqlNode node) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select
                        && select.isDistinct() && hasWindow(select.getSelectList())) {
                    return wrap(orderBy, select);
                }
                if (visited instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlWith with
                        && with.body instanceof SqlSelect select && select.isDistinct() && hasWindow(select.getSelectList())) {
                    SqlOrderBy inner = new SqlOrderBy(orderBy.getParserPosition(), select, orderBy.orderList,
                            orderBy.offset, orderBy.fetch);
                    return new SqlWith(with.getParserPosition(), with.withList, wrap(inner, select));
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    private static SqlNode wrap(SqlOrderBy orderBy, SqlSelect select) {
        SqlParserPos pos = orderBy.getParserPosition();
        List<SqlNode> order = new ArrayList<>();
        for (SqlNode item : orderBy.orderList) {
            order.add(toOrdinal(item, select.getSelectList()));
        }
        SqlNode derived = SqlStdOperatorTable.AS.createCall(pos, select, new SqlIdentifier(ALIAS, pos));
        SqlSelect outer = new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)), derived,
                null, null, null, null, null, null, null, null, null);
        return new SqlOrderBy(pos, outer, new SqlNodeList(order, orderBy.orderList.getParserPosition()),
                orderBy.offset, orderBy.fetch);
    }

    /** The order item with its expression replaced by the 1-based position of the equal select item. */
    private static SqlNode toOrdinal(SqlNode item, SqlNodeList selectList) {
        if (item instanceof SqlBasicCall call && (call.getKind() == SqlKind.DESCENDING
                || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
            SqlNode operand = toOrdinal(call.operand(0), selectList);
            return call.getOperator().createCall(call.getParserPosition(), operand);
        }
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode selected = selectList.get(i);
            if (selected.getKind() == SqlKind.AS) {
                selected = ((SqlCall) selected).operand(0);
            }
            if (!(item instanceof SqlLiteral) && !(item instanceof SqlIdentifier) && selected.equalsDeep(item, Litmus.IGNORE)) {
                if (hasWindow(item)) {
                    // Trino's answer: window functions are evaluated before the distinct rows, not after
                    throw Errors.error(ErrorCode.EXPRESSION_NOT_IN_DISTINCT,
                            "For SELECT DISTINCT, ORDER BY expressions must appear in select list", new ErrorLocation(1, 1));
                }
                return SqlLiteral.createExactNumeric(Integer.toString(i + 1), item.getParserPosition());
            }
        }
        return item;
    }

    private static boolean hasWindow(SqlNode selectList) {
        boolean[] found = new boolean[1];
        selectList.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER) {
                    found[0] = true;
                    return null;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }
}
