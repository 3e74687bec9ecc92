package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * A scalar aggregate in a correlated sub-query whose calls give 0, not NULL, over no rows ({@code count_if},
 * {@code approx_distinct}): Calcite's decorrelators group the aggregate by the outer values and join it back, so
 * an outer row that the aggregate saw no input for gets NULL, and they make that a 0 for their own COUNT only.
 * Such an aggregate gets an extra {@code count(*)}, which the decorrelators do complete with 0, and each of these
 * calls is read as 0 where that count is 0.
 */
final class ZeroOnEmptyAggregates {
    private static final Set<String> ZERO_ON_EMPTY = Set.of("count_if", "approx_distinct");

    private ZeroOnEmptyAggregates() {}

    static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Correlate correlate) {
                    RelNode right = rewriteScalarAggregate(correlate.getRight());
                    if (right != correlate.getRight()) {
                        return correlate.copy(correlate.getTraitSet(), List.of(correlate.getLeft(), right));
                    }
                }
                return visited;
            }
        });
    }

    /** The scalar aggregate under the projections and filters at the top of a correlation's right side. */
    private static RelNode rewriteScalarAggregate(RelNode rel) {
        if (rel instanceof Project || rel instanceof Filter) {
            RelNode input = rewriteScalarAggregate(rel.getInput(0));
            return input == rel.getInput(0) ? rel : rel.copy(rel.getTraitSet(), List.of(input));
        }
        if (rel instanceof Aggregate aggregate && aggregate.getGroupSet().isEmpty() && aggregate.getGroupSets().size() == 1
                && aggregate.getAggCallList().stream().anyMatch(ZeroOnEmptyAggregates::zeroOnEmpty)) {
            return withZeros(aggregate);
        }
        return rel;
    }

    private static boolean zeroOnEmpty(AggregateCall call) {
        return ZERO_ON_EMPTY.contains(call.getAggregation().getName().toLowerCase(Locale.ROOT));
    }

    private static RelNode withZeros(Aggregate aggregate) {
        List<AggregateCall> calls = new ArrayList<>(aggregate.getAggCallList());
        calls.add(AggregateCall.create(SqlStdOperatorTable.COUNT, false, false, false, List.of(), List.of(), -1, null,
            RelCollations.EMPTY, aggregate.getGroupCount(), aggregate.getInput(), null, "$rows"));
        Aggregate counted = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
            aggregate.getGroupSets(), calls);
        RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
        RexNode rows = rexBuilder.makeInputRef(counted, calls.size() - 1);
        RexNode noRows = rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, rows, rexBuilder.makeZeroLiteral(rows.getType()));
        List<RexNode> projections = new ArrayList<>();
        for (int field = 0; field < aggregate.getAggCallList().size(); field++) {
            RexNode value = rexBuilder.makeInputRef(counted, field);
            projections.add(zeroOnEmpty(aggregate.getAggCallList().get(field))
                ? rexBuilder.makeCall(SqlStdOperatorTable.CASE, noRows, rexBuilder.makeZeroLiteral(value.getType()), value)
                : value);
        }
        return LogicalProject.create(counted, List.of(), projections, aggregate.getRowType().getFieldNames(), Set.of());
    }
}
