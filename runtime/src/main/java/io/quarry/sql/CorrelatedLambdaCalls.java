package io.quarry.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Moves a call with a lambda that captures the outer row of a correlation ({@code UNNEST(transform(ARRAY[1, 2],
 * v -> v * n.k))}) to the outer side as a whole, before Calcite's decorrelator runs. That decorrelator moves the
 * parts of the right side that read only the outer row to the left, and does not know lambda parameters: it would
 * move {@code v * $cor.k} out of its lambda. A call that reads no column of the right side and is moved whole
 * leaves only a plain field of the outer row behind.
 */
final class CorrelatedLambdaCalls {
    private CorrelatedLambdaCalls() {}

    static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof LogicalCorrelate correlate ? extract(correlate) : visited;
            }
        });
    }

    private static RelNode extract(LogicalCorrelate correlate) {
        CorrelationId id = correlate.getCorrelationId();
        Map<RexNode, Integer> moved = new LinkedHashMap<>();
        collect(correlate.getRight(), id, moved);
        if (moved.isEmpty()) {
            return correlate;
        }
        RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
        RelNode left = correlate.getLeft();
        int width = left.getRowType().getFieldCount();
        List<RexNode> projections = new ArrayList<>(rexBuilder.identityProjects(left.getRowType()));
        List<String> names = new ArrayList<>(left.getRowType().getFieldNames());
        for (Map.Entry<RexNode, Integer> entry : moved.entrySet()) {
            entry.setValue(projections.size());
            projections.add(overLeft(entry.getKey(), id, rexBuilder));
            names.add("$lambda" + names.size());
        }
        RelNode newLeft = LogicalProject.create(left, List.of(), projections, names, Set.of());
        RexNode outer = rexBuilder.makeCorrel(newLeft.getRowType(), id);
        RelNode newRight = correlate.getRight().accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited.accept(new RexShuttle() {
                    @Override
                    public RexNode visitCall(RexCall call) {
                        Integer field = moved.get(call);
                        return field != null ? rexBuilder.makeFieldAccess(outer, field) : super.visitCall(call);
                    }
                });
            }
        });
        ImmutableBitSet required = correlate.getRequiredColumns().union(ImmutableBitSet.range(width, projections.size()));
        RelNode newCorrelate =
                LogicalCorrelate.create(newLeft, newRight, List.of(), id, required, correlate.getJoinType());
        // drop the moved calls again, so the correlation keeps its row type
        List<RexNode> kept = new ArrayList<>();
        for (int i = 0; i < newCorrelate.getRowType().getFieldCount(); i++) {
            if (i < width || i >= projections.size()) {
                kept.add(rexBuilder.makeInputRef(newCorrelate, i));
            }
        }
        return LogicalProject.create(newCorrelate, List.of(), kept, correlate.getRowType().getFieldNames(), Set.of());
    }

    /** The calls with lambdas in the right side's projections and filters that read only the outer row. */
    private static void collect(RelNode right, CorrelationId id, Map<RexNode, Integer> moved) {
        right.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                if (other instanceof Project || other instanceof Filter) {
                    other.accept(new RexShuttle() {
                        @Override
                        public RexNode visitCall(RexCall call) {
                            if (movable(call, id)) {
                                moved.putIfAbsent(call, -1);
                                return call;
                            }
                            return super.visitCall(call);
                        }

                        @Override
                        public RexNode visitLambda(RexLambda lambda) {
                            return lambda; // a call inside a lambda may read its parameters
                        }
                    });
                }
                return super.visit(other);
            }
        });
    }

    /** A call with a lambda that reads the correlation and neither a column of its own input nor a parameter. */
    private static boolean movable(RexCall call, CorrelationId id) {
        if (call.getOperands().stream().noneMatch(operand -> operand instanceof RexLambda)) {
            return false;
        }
        boolean[] correlated = {false};
        boolean[] local = {false};
        call.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef inputRef) {
                local[0] = true;
                return inputRef;
            }

            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                if (variable.id.equals(id)) {
                    correlated[0] = true;
                } else {
                    local[0] = true;
                }
                return variable;
            }
        });
        return correlated[0] && !local[0];
    }

    /** The call over the outer row: each field of the correlation becomes a column reference. */
    private static RexNode overLeft(RexNode call, CorrelationId id, RexBuilder rexBuilder) {
        return call.accept(new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable variable && variable.id.equals(id)) {
                    return rexBuilder.makeInputRef(access.getType(), access.getField().getIndex());
                }
                return super.visitFieldAccess(access);
            }
        });
    }
}
