package io.quarry.sql;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * {@code (a, b) IN (SELECT c, d …)} (and {@code = ANY}) as Trino answers it where the answer is a value: one row
 * compared with rows, NULL fields matching NULL fields, never unknown ({@code (NULL, 1) IN (SELECT NULL, 1)} is
 * TRUE, {@code (1, 2) IN (SELECT NULL, 2)} FALSE). Calcite compares field by field, with SQL's unknowns; as a
 * comparison of {@code ROW(a, b)} with {@code ROW(c, d)} the join compares the rows as Trino does. A filter
 * keeping the rows where such an IN holds stays field by field: there Trino joins on the fields, and a NULL
 * field matches nothing.
 */
final class RowInSubQueries {
    private RowInSubQueries() {}

    static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof LogicalProject project) {
                    RowsShuttle rows = new RowsShuttle(project.getCluster().getRexBuilder());
                    List<RexNode> projects = rows.apply(project.getProjects());
                    return rows.changed
                        ? project.copy(project.getTraitSet(), project.getInput(), projects, project.getRowType())
                        : project;
                }
                if (visited instanceof LogicalFilter filter) {
                    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
                    RowsShuttle rows = new RowsShuttle(rexBuilder);
                    List<RexNode> conjuncts = new ArrayList<>();
                    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
                        conjuncts.add(isRowSubQuery(conjunct) ? conjunct : conjunct.accept(rows));
                    }
                    return rows.changed
                        ? filter.copy(filter.getTraitSet(), filter.getInput(), RexUtil.composeConjunction(rexBuilder, conjuncts))
                        : filter;
                }
                return visited;
            }
        });
    }

    private static boolean isRowSubQuery(RexNode node) {
        return node instanceof RexSubQuery subQuery && subQuery.getOperands().size() > 1
            && (subQuery.getKind() == SqlKind.IN
                || subQuery.getKind() == SqlKind.SOME && subQuery.getOperator() instanceof SqlQuantifyOperator quantify
                    && quantify.comparisonKind == SqlKind.EQUALS);
    }

    private static final class RowsShuttle extends RexShuttle {
        private final RexBuilder rexBuilder;
        boolean changed;

        RowsShuttle(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            if (!isRowSubQuery(subQuery)) {
                return super.visitSubQuery(subQuery);
            }
            changed = true;
            RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(subQuery.rel.getCluster(), null);
            builder.push(subQuery.rel);
            RexNode row = rexBuilder.makeCall(SqlStdOperatorTable.ROW, subQuery.getOperands());
            RexSubQuery rowsIn;
            if (subQuery.getOperands().stream().allMatch(RexUtil::isConstant)) {
                // no join key to compare on: the join would compare the rows in its filter, with SQL's unknowns
                RelNode matches = builder.filter(rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_DISTINCT_FROM,
                    row, rexBuilder.makeCall(SqlStdOperatorTable.ROW, builder.fields()))).build();
                rowsIn = RexSubQuery.exists(matches);
            } else {
                RelNode rows = builder.project(rexBuilder.makeCall(SqlStdOperatorTable.ROW, builder.fields())).build();
                rowsIn = subQuery.getKind() == SqlKind.IN
                    ? RexSubQuery.in(rows, ImmutableList.of(row))
                    : RexSubQuery.some(rows, ImmutableList.of(row), (SqlQuantifyOperator) subQuery.getOperator());
            }
            // a row is never NULL, so the comparison is typed NOT NULL: the consumers keep the type they read
            return rowsIn.getType().equals(subQuery.getType()) ? rowsIn : rexBuilder.makeAbstractCast(subQuery.getType(), rowsIn, false);
        }
    }
}
