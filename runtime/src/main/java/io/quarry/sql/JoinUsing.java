package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites {@code a JOIN b USING (c)} between two named relations into {@code ON a.c = b.c}, with the
 * select's unqualified references to {@code c} made the value of the side whose value the USING column has
 * (left for inner and left joins, right for right joins), as {@link Rewrite} says. Calcite's validator otherwise
 * treats the column in GROUP BY and in the select list as different expressions. Full joins and
 * {@code SELECT *} are left as they are.
 */
final class JoinUsing {
    private JoinUsing() {}

    static void rewrite(SqlNode node) {
        if (node instanceof SqlOrderBy orderBy) {
            if (orderBy.query instanceof SqlSelect select) {
                Rewrite rewrite = rewriteSelect(select);
                if (rewrite != null && orderBy.orderList != null) {
                    SqlNodeList order = orderBy.orderList;
                    for (int i = 0; i < order.size(); i++) {
                        order.set(i, order.get(i).accept(rewrite));
                    }
                }
            } else {
                rewrite(orderBy.query);
            }
            return;
        }
        if (node instanceof SqlSelect select) {
            rewriteSelect(select);
        } else if (node instanceof SqlCall call && (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                || call.getKind() == SqlKind.EXCEPT || call.getKind() == SqlKind.WITH)) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    rewrite(operand);
                }
            }
        }
    }

    private static Rewrite rewriteSelect(SqlSelect select) {
        if (!(select.getFrom() instanceof SqlJoin join) || join.getConditionType() != JoinConditionType.USING
                || join.getCondition() == null || hasStar(select.getSelectList())) {
            return null;
        }
        String leftName = relationName(join.getLeft());
        String rightName = relationName(join.getRight());
        JoinType type = join.getJoinType();
        if (leftName == null || rightName == null || leftName.equals(rightName)
                || (type != JoinType.INNER && type != JoinType.LEFT && type != JoinType.RIGHT)) {
            return null;
        }
        SqlParserPos pos = join.getParserPosition();
        Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<SqlNode> equalities = new ArrayList<>();
        for (SqlNode column : (SqlNodeList) join.getCondition()) {
            String name = ((SqlIdentifier) column).getSimple();
            columns.add(name);
            equalities.add(SqlStdOperatorTable.EQUALS.createCall(pos,
                    new SqlIdentifier(List.of(leftName, name), pos), new SqlIdentifier(List.of(rightName, name), pos)));
        }
        if (qualifiesUsingColumn(select, columns, Set.of(leftName, rightName))) {
            // Calcite's USING scope refuses t.c, as Trino does (COLUMN_NOT_FOUND); ON would resolve it
            return null;
        }
        SqlNode condition = equalities.size() == 1
                ? equalities.get(0)
                : SqlStdOperatorTable.AND.createCall(pos, equalities);
        select.setFrom(new SqlJoin(pos, join.getLeft(), join.isNaturalNode(), join.getJoinTypeNode(), join.getRight(),
                JoinConditionType.ON.symbol(pos), condition));
        String valueSide = type == JoinType.RIGHT ? rightName : leftName;
        String otherSide = type == JoinType.RIGHT ? leftName : rightName;
        Rewrite rewrite = new Rewrite(columns, valueSide, otherSide);
        Rewrite filter = new Rewrite(columns, valueSide, null);
        SqlNodeList selectList = select.getSelectList();
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode item = selectList.get(i);
            if (item instanceof SqlIdentifier identifier && identifier.isSimple() && columns.contains(identifier.getSimple())) {
                // keep the column's name as the output name
                selectList.set(i, SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item.accept(rewrite),
                        new SqlIdentifier(identifier.getSimple(), item.getParserPosition())));
            } else {
                selectList.set(i, item.accept(rewrite));
            }
        }
        if (select.getWhere() != null) {
            select.setWhere(select.getWhere().accept(filter));
        }
        if (select.getGroup() != null) {
            select.setGroupBy((SqlNodeList) select.getGroup().accept(rewrite));
        }
        if (select.getHaving() != null) {
            select.setHaving(select.getHaving().accept(rewrite));
        }
        if (select.getOrderList() != null) {
            select.setOrderBy((SqlNodeList) select.getOrderList().accept(rewrite));
        }
        return rewrite;
    }

    private static boolean qualifiesUsingColumn(SqlSelect select, Set<String> columns, Set<String> relations) {
        boolean[] found = {false};
        SqlShuttle finder = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier identifier) {
                if (identifier.names.size() == 2 && relations.contains(identifier.names.get(0))
                        && columns.contains(identifier.names.get(1))) {
                    found[0] = true;
                }
                return identifier;
            }
        };
        for (SqlNode part : new SqlNode[] {select.getSelectList(), select.getWhere(), select.getGroup(), select.getHaving(), select.getOrderList()}) {
            if (part != null) {
                part.accept(finder);
            }
        }
        return found[0];
    }

    private static boolean hasStar(SqlNodeList selectList) {
        for (SqlNode item : selectList) {
            if (item instanceof SqlIdentifier identifier && identifier.isStar()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name a relation's columns are qualified with, or null for anything but a table or an aliased one (also
     * with column aliases: {@code (VALUES …) a(x, y)}).
     */
    private static String relationName(SqlNode node) {
        if (node instanceof SqlIdentifier identifier) {
            return identifier.names.get(identifier.names.size() - 1).toLowerCase(Locale.ROOT);
        }
        if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS && call.operandCount() >= 2
                && call.operand(1) instanceof SqlIdentifier alias) {
            return alias.getSimple();
        }
        return null;
    }

    /**
     * Qualifies the USING columns; does not enter nested queries, whose names are their own. With the other side,
     * a column is {@code COALESCE(value side, other side)}: the value of the side the USING column has (the other
     * is NULL or equal), of the two sides' common type, as Trino types the USING column. Without it (in WHERE,
     * where the type does not matter), the value side's column, which filters can push down.
     */
    private static final class Rewrite extends SqlShuttle {
        private final Set<String> columns;
        private final String valueSide;
        private final String otherSide;

        Rewrite(Set<String> columns, String valueSide, String otherSide) {
            this.columns = columns;
            this.valueSide = valueSide;
            this.otherSide = otherSide;
        }

        @Override
        public SqlNode visit(SqlIdentifier identifier) {
            if (identifier.isSimple() && columns.contains(identifier.getSimple())) {
                SqlParserPos pos = identifier.getParserPosition();
                SqlIdentifier value = new SqlIdentifier(List.of(valueSide, identifier.getSimple()), pos);
                return otherSide == null
                    ? value
                    : SqlStdOperatorTable.COALESCE.createCall(pos, value, new SqlIdentifier(List.of(otherSide, identifier.getSimple()), pos));
            }
            return identifier;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call instanceof SqlSelect || call instanceof SqlOrderBy) {
                return call;
            }
            return super.visit(call);
        }
    }
}
