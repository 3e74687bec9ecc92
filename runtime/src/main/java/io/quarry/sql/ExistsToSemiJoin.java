package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns {@code [NOT] EXISTS (SELECT … FROM r WHERE p)} conjuncts of a WHERE clause, where only {@code p}
 * refers to the outer row, into a SEMI (ANTI) join of the outer rows with {@code r} on {@code p}. Calcite's
 * general decorrelation gets the same answer, but with the outer query repeated inside the sub-query
 * (TPC-H Q21 then scans lineitem six times instead of three).
 */
final class ExistsToSemiJoin {
    private ExistsToSemiJoin() {}

    static RelNode rewrite(RelNode rel) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode rewritten = rewrite(input);
            changed |= rewritten != input;
            inputs.add(rewritten);
        }
        RelNode current = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
        if (current instanceof LogicalFilter filter) {
            return rewriteFilter(filter);
        }
        return current;
    }

    private static RelNode rewriteFilter(LogicalFilter filter) {
        Set<CorrelationId> variables = filter.getVariablesSet();
        if (variables.size() != 1) {
            return filter;
        }
        CorrelationId correlation = variables.iterator().next();
        RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
        RelNode input = filter.getInput();
        List<RexNode> remaining = new ArrayList<>();
        List<RelNode> semiJoinInputs = new ArrayList<>();
        List<RexNode> semiJoinConditions = new ArrayList<>();
        List<Boolean> negations = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            boolean negated = conjunct.getKind() == SqlKind.NOT;
            RexNode operand = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
            RelNode inner = operand instanceof RexSubQuery subQuery && subQuery.getKind() == SqlKind.EXISTS
                    ? uncorrelatedInput(subQuery)
                    : null;
            RexNode condition = inner == null
                    ? null
                    : joinCondition((org.apache.calcite.rel.core.Filter) innerFilter(((RexSubQuery) operand).rel), input.getRowType(),
                            correlation, rexBuilder);
            if (condition == null) {
                remaining.add(conjunct);
            } else {
                semiJoinInputs.add(inner);
                semiJoinConditions.add(condition);
                negations.add(negated);
            }
        }
        if (semiJoinInputs.isEmpty()) {
            return filter;
        }
        // the other conditions first (they hold the join conditions of the outer query), then the semi joins
        RelNode result = input;
        if (!remaining.isEmpty()) {
            RexNode condition = RexUtil.composeConjunction(rexBuilder, remaining);
            // a copy keeps the correlation for the sub-queries that remain
            result = RexUtil.SubQueryFinder.find(remaining) != null
                    ? filter.copy(filter.getTraitSet(), input, condition)
                    : LogicalFilter.create(input, condition);
        }
        for (int i = 0; i < semiJoinInputs.size(); i++) {
            result = LogicalJoin.create(result, semiJoinInputs.get(i), List.of(), semiJoinConditions.get(i), Set.of(),
                    negations.get(i) ? JoinRelType.ANTI : JoinRelType.SEMI);
        }
        return result;
    }

    /** The body of an EXISTS sub-query below its projections when it is a filter. */
    private static RelNode innerFilter(RelNode rel) {
        RelNode body = rel;
        while (body instanceof Project project) {
            body = project.getInput();
        }
        return body;
    }

    /** The input of the sub-query's filter when nothing but the filter refers to the outer row, else null. */
    private static RelNode uncorrelatedInput(RexSubQuery subQuery) {
        if (!(innerFilter(subQuery.rel) instanceof org.apache.calcite.rel.core.Filter inner)) {
            return null;
        }
        RelNode innerInput = inner.getInput();
        if (!RelOptUtil.getVariablesUsed(innerInput).isEmpty() || RexUtil.SubQueryFinder.find(inner.getCondition()) != null) {
            return null;
        }
        return innerInput;
    }

    /** The filter's condition over (outer row ++ sub-query row), or null when it refers to other correlations. */
    private static RexNode joinCondition(
            org.apache.calcite.rel.core.Filter inner, RelDataType outerType, CorrelationId correlation, RexBuilder rexBuilder) {
        int outerFields = outerType.getFieldCount();
        boolean[] valid = {true};
        RexNode condition = inner.getCondition().accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(ref.getIndex() + outerFields, ref.getType());
            }

            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable variable) {
                    int index = access.getField().getIndex();
                    if (!variable.id.equals(correlation) || index >= outerFields) {
                        valid[0] = false;
                        return access;
                    }
                    return rexBuilder.makeInputRef(outerType.getFieldList().get(index).getType(), index);
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                valid[0] = false;
                return variable;
            }
        });
        return valid[0] ? condition : null;
    }
}
