package io.quarry.sql;

import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.Unnest;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * UNNEST in its three shapes after Calcite: a lone {@code Uncollect}, an inner join on TRUE of a relation with
 * an uncorrelated {@code Uncollect} ({@code CROSS JOIN UNNEST(ARRAY[…])}) and a {@code Correlate} whose right
 * side unnests columns of the left ({@code CROSS JOIN UNNEST(t.a)}). Each becomes a {@link Unnest} over a
 * projection that computes the arrays next to the replicated columns; no join is needed.
 */
final class UnnestTranslator {
    private final PlanTranslator plans;
    private final RexBuilder rexBuilder;

    UnnestTranslator(PlanTranslator plans, RexBuilder rexBuilder) {
        this.plans = plans;
        this.rexBuilder = rexBuilder;
    }

    /** The translation of {@code rel} if it is one of the shapes, else null. */
    PlanTranslator.Translated translate(RelNode rel) {
        if (rel instanceof Uncollect uncollect) {
            return unnest(null, uncollect, null);
        }
        if (rel instanceof LogicalJoin join && join.getJoinType() == JoinRelType.INNER && join.getCondition().isAlwaysTrue()
                && join.getRight() instanceof Uncollect uncollect && isOverOneRow(uncollect)) {
            return unnest(join.getLeft(), uncollect, null);
        }
        if (rel instanceof Correlate correlate
                && (correlate.getJoinType() == JoinRelType.INNER || correlate.getJoinType() == JoinRelType.LEFT)
                && correlate.getRight() instanceof Uncollect uncollect && isOverOneRow(uncollect)) {
            return unnest(correlate.getLeft(), uncollect, correlate);
        }
        return null;
    }

    /** An Uncollect of expressions over a one-row VALUES (what {@code UNNEST(expr, …)} converts to). */
    private static boolean isOverOneRow(Uncollect uncollect) {
        return uncollect.getInput() instanceof LogicalProject project
                && project.getInput() instanceof LogicalValues values && values.getTuples().size() == 1;
    }

    private PlanTranslator.Translated unnest(RelNode left, Uncollect uncollect, Correlate correlate) {
        RelNode arraysInput;
        List<RexNode> arrays;
        ImmutableBitSet arraysInputFields;
        if (uncollect.getInput() instanceof LogicalProject project) {
            arraysInput = project.getInput();
            arrays = project.getProjects();
            arraysInputFields = ImmutableBitSet.of();
        } else if (left == null && uncollect.getInput() instanceof LogicalValues values) {
            // arrays the optimizer folded into the VALUES (UNNEST(CAST(NULL AS array(integer))) has no rows)
            arraysInput = values;
            arrays = new ArrayList<>(rexBuilder.identityProjects(values.getRowType()));
            arraysInputFields = ImmutableBitSet.range(values.getRowType().getFieldCount());
        } else {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "UNNEST of a sub-query is not supported yet");
        }
        int leftWidth = left == null ? 0 : left.getRowType().getFieldCount();
        PlanTranslator.Translated input;
        int[] mapping;
        if (left == null) {
            input = plans.translate(arraysInput, arraysInputFields);
            mapping = input.mapping();
        } else {
            input = plans.translate(left, ImmutableBitSet.range(leftWidth));
            mapping = input.mapping();
        }
        List<Type> inputTypes = input.node().outputTypes();
        ExpressionTranslator expressions = new ExpressionTranslator(rexBuilder, inputTypes, mapping);
        List<Expression> projections = new ArrayList<>();
        List<Integer> replicate = new ArrayList<>();
        int[] outputMapping = new int[leftWidth + uncollect.getRowType().getFieldCount()];
        if (left != null) {
            for (int field = 0; field < leftWidth; field++) {
                int channel = mapping[field];
                replicate.add(projections.size());
                outputMapping[field] = projections.size();
                projections.add(new InputRef(channel, inputTypes.get(channel)));
            }
        }
        List<Integer> unnest = new ArrayList<>();
        for (RexNode array : arrays) {
            RexNode rewritten = correlate == null ? array : array.accept(new CorrelationToInput(correlate));
            unnest.add(projections.size());
            projections.add(expressions.translate(rewritten));
        }
        boolean outer = correlate != null && correlate.getJoinType() == JoinRelType.LEFT;
        Unnest node = new Unnest(new Project(input.node(), projections), replicate, unnest, uncollect.withOrdinality, outer);
        for (int field = 0; field < uncollect.getRowType().getFieldCount(); field++) {
            outputMapping[leftWidth + field] = replicate.size() + field;
        }
        if (node.outputTypes().size() != replicate.size() + uncollect.getRowType().getFieldCount()) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This form of UNNEST is not supported yet");
        }
        return new PlanTranslator.Translated(node, outputMapping);
    }

    /** {@code $cor0.field} (a column of the correlated left side) as a reference to that input field. */
    private final class CorrelationToInput extends RexShuttle {
        private final Correlate correlate;

        CorrelationToInput(Correlate correlate) {
            this.correlate = correlate;
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
            if (access.getReferenceExpr() instanceof RexCorrelVariable variable
                    && variable.id.equals(correlate.getCorrelationId())) {
                return rexBuilder.makeInputRef(access.getType(), access.getField().getIndex());
            }
            return super.visitFieldAccess(access);
        }
    }
}
