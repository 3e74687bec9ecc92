package io.quarry.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Reads {@code r.x} as field {@code x} of column {@code r} when no relation in scope is named {@code r}, as Trino
 * does: Calcite takes the first part of a qualified name for a relation only. The reference becomes
 * {@code (r).x}, which Calcite resolves as a field access; a name that is a relation, or a part of a relation's
 * qualified name, is left alone.
 */
final class RowFieldReferences {
    private RowFieldReferences() {}

    static void rewrite(SqlNode query) {
        query.accept(new Scope(Set.of()));
    }

    /** Rewrites the references of one query level; nested queries get a scope of their own that sees this one. */
    private static final class Scope extends SqlShuttle {
        private final Set<String> relations;

        Scope(Set<String> relations) {
            this.relations = relations;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call.getKind() == SqlKind.EXPLICIT_TABLE) {
                // TABLE name: a relation's name, as in FROM
                return call;
            }
            if (call instanceof SqlSelect select) {
                Set<String> visible = new HashSet<>(relations);
                if (select.getFrom() != null) {
                    collectRelations(select.getFrom(), visible);
                    select.setFrom(select.getFrom().accept(new Scope(visible)));
                }
                Scope inner = new Scope(visible);
                select.setSelectList((SqlNodeList) select.getSelectList().accept(inner));
                select.setWhere(visit(select.getWhere(), inner));
                select.setGroupBy((SqlNodeList) visit(select.getGroup(), inner));
                select.setHaving(visit(select.getHaving(), inner));
                SqlNodeList windows = select.getWindowList();
                for (int i = 0; i < windows.size(); i++) {
                    windows.set(i, windows.get(i).accept(inner));
                }
                select.setOrderBy((SqlNodeList) visit(select.getOrderList(), inner));
                return select;
            }
            if (call instanceof SqlMatchRecognize match) {
                // qualified names inside are pattern variables' columns (A.price); only a subquery input is rewritten
                if (!(match.getTableRef() instanceof SqlIdentifier)) {
                    match.setOperand(0, match.getTableRef().accept(this));
                }
                return match;
            }
            if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select) {
                // the ORDER BY of a select sees the select's relations
                Set<String> visible = new HashSet<>(relations);
                if (select.getFrom() != null) {
                    collectRelations(select.getFrom(), visible);
                }
                orderBy.query.accept(this);
                Scope ordering = new Scope(visible);
                SqlNodeList order = orderBy.orderList;
                for (int i = 0; i < order.size(); i++) {
                    order.set(i, order.get(i).accept(ordering));
                }
                return orderBy;
            }
            return super.visit(call);
        }

        private static SqlNode visit(SqlNode node, Scope scope) {
            return node == null ? null : node.accept(scope);
        }

        @Override
        public SqlNode visit(SqlIdentifier identifier) {
            if (identifier.names.size() < 2 || identifier.isStar()
                    || relations.contains(identifier.names.get(0).toLowerCase(Locale.ROOT))) {
                return identifier;
            }
            SqlNode result = new SqlIdentifier(identifier.names.get(0), identifier.getComponentParserPosition(0));
            for (int i = 1; i < identifier.names.size(); i++) {
                result = new SqlBasicCall(SqlStdOperatorTable.DOT,
                        List.of(result, new SqlIdentifier(identifier.names.get(i), identifier.getComponentParserPosition(i))),
                        identifier.getParserPosition());
            }
            return result;
        }
    }

    /** The names a FROM clause makes visible: aliases, and every part of the tables' qualified names. */
    private static void collectRelations(SqlNode from, Set<String> names) {
        if (from instanceof SqlJoin join) {
            collectRelations(join.getLeft(), names);
            collectRelations(join.getRight(), names);
        } else if (from instanceof SqlIdentifier table) {
            table.names.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        } else if (from instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            SqlNode alias = call.operand(1);
            if (alias instanceof SqlIdentifier identifier) {
                names.add(identifier.getSimple().toLowerCase(Locale.ROOT));
            }
            collectRelations(call.operand(0), names);
        } else if (from instanceof SqlCall call && (call.getKind() == SqlKind.LATERAL || call.getKind() == SqlKind.TABLESAMPLE
                || call.getKind() == SqlKind.MATCH_RECOGNIZE)) {
            collectRelations(call.operand(0), names);
        }
    }
}
