package io.quarry.sql;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A scalar aggregate over the UNNEST of columns of the outer row ({@code (SELECT max(x) FROM UNNEST(t.a) u(x))},
 * {@code LATERAL (SELECT count(*) FROM UNNEST(t.a))}), which Calcite's decorrelators leave as a {@code Correlate}.
 * It becomes a per-row computation: the outer rows are numbered, unnested with an outer UNNEST (so that an empty
 * or NULL array still gives one row, marked as not alive), the sub-query's filters turn into an "alive" flag that
 * every aggregate call filters on, and the aggregate is grouped by the row number. So every outer row gets
 * exactly one result: count 0 and NULL for the others over an empty array, as SQL asks of a scalar aggregate.
 */
final class CorrelatedUnnestAggregates {
    private CorrelatedUnnestAggregates() {}

    static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Correlate correlate) {
                    RelNode rewritten = rewriteCorrelate(correlate);
                    if (rewritten == null) {
                        rewritten = liftOverUnnest(correlate);
                    }
                    if (rewritten == null) {
                        rewritten = firstRowsOfUnnest(correlate);
                    }
                    return rewritten == null ? visited : rewritten;
                }
                return visited;
            }
        });
    }

    /** The sub-query's shape, top-down: projections over a global aggregate over filters/projections over UNNEST. */
    private record Shape(List<Project> above, Aggregate aggregate, List<RelNode> below, Uncollect uncollect) {}

    private static Shape shape(RelNode right) {
        List<Project> above = new ArrayList<>();
        RelNode current = right;
        while (current instanceof Project project) {
            above.add(project);
            current = project.getInput();
        }
        if (!(current instanceof Aggregate aggregate) || !aggregate.getGroupSet().isEmpty()
                || aggregate.getGroupType() != Aggregate.Group.SIMPLE
                || aggregate.getAggCallList().stream().anyMatch(call -> call.filterArg >= 0)) {
            return null;
        }
        List<RelNode> below = new ArrayList<>();
        current = aggregate.getInput();
        while (current instanceof Project || current instanceof Filter) {
            below.add(current);
            current = current.getInput(0);
        }
        if (!(current instanceof Uncollect uncollect) || !(uncollect.getInput() instanceof Project arrays)
                || !(arrays.getInput() instanceof Values values) || values.getTuples().size() != 1) {
            return null;
        }
        return new Shape(above, aggregate, below, uncollect);
    }

    /**
     * {@code CROSS JOIN UNNEST(t.a) u(x) WHERE x <> ''} when the filter (or a projection, as for the fields of an
     * array of rows) landed between the correlate and its UNNEST: the UNNEST is joined first and the filters and
     * projections move above it. Under a LEFT correlate only a reordering of columns moves: a filter or computed
     * column there would also see the NULL-padded rows.
     */
    private static RelNode liftOverUnnest(Correlate correlate) {
        List<RelNode> chain = new ArrayList<>();
        RelNode current = correlate.getRight();
        while (current instanceof Project || current instanceof Filter) {
            chain.add(current);
            current = current.getInput(0);
        }
        if (chain.isEmpty() || !(current instanceof Uncollect uncollect) || !(uncollect.getInput() instanceof Project arrays)
                || !(arrays.getInput() instanceof Values values) || values.getTuples().size() != 1) {
            return null;
        }
        if (correlate.getJoinType() == JoinRelType.LEFT) {
            for (RelNode step : chain) {
                if (!(step instanceof Project project) || !project.getProjects().stream().allMatch(e -> e instanceof RexInputRef)) {
                    return null;
                }
            }
        } else if (correlate.getJoinType() != JoinRelType.INNER) {
            return null;
        }
        RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
        int width = correlate.getLeft().getRowType().getFieldCount();
        RelNode result = correlate.copy(correlate.getTraitSet(), correlate.getLeft(), uncollect,
                correlate.getCorrelationId(), correlate.getRequiredColumns(), correlate.getJoinType());
        for (int index = chain.size() - 1; index >= 0; index--) {
            RelNode step = chain.get(index);
            Lift lift = new Lift(rexBuilder, correlate, result, width);
            if (step instanceof Filter filter) {
                result = org.apache.calcite.rel.logical.LogicalFilter.create(result, filter.getCondition().accept(lift));
            } else {
                List<RexNode> projections = new ArrayList<>();
                for (int field = 0; field < width; field++) {
                    projections.add(rexBuilder.makeInputRef(result, field));
                }
                for (RexNode expression : ((Project) step).getProjects()) {
                    projections.add(expression.accept(lift));
                }
                result = LogicalProject.create(result, List.of(), projections, (List<String>) null, java.util.Set.of());
            }
        }
        if (containsCorrelationAbove(result, correlate)) {
            return null;
        }
        return LogicalProject.create(result, List.of(), rexBuilder.identityProjects(result.getRowType()),
                correlate.getRowType().getFieldNames(), java.util.Set.of());
    }

    /**
     * {@code LATERAL (SELECT y FROM UNNEST(t.a) u(y) ORDER BY y LIMIT 2)}: a sort with a limit (and projections
     * over it) on a correlated UNNEST. The outer rows are numbered, the UNNEST is joined to them as a plain lateral
     * UNNEST, and each outer row keeps the rows that a ROW_NUMBER over its own rows, in the sort's order, puts
     * within the limit (the NULL-padded row of an empty array under a LEFT correlate is the first of its own).
     */
    private static RelNode firstRowsOfUnnest(Correlate correlate) {
        List<Project> above = new ArrayList<>();
        RelNode current = correlate.getRight();
        while (current instanceof Project project) {
            above.add(project);
            current = project.getInput();
        }
        // Trino refuses an offset and a filter there (NOT_SUPPORTED), as Quarry does when nothing rewrites it
        if (!(current instanceof Sort sort) || !(sort.fetch instanceof RexLiteral) || sort.offset != null
                || correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
            return null;
        }
        RelNode below = sort.getInput();
        while (below instanceof Project) {
            below = below.getInput(0);
        }
        if (!(below instanceof Uncollect)) {
            return null;
        }
        if (correlate.getJoinType() == JoinRelType.LEFT && !above.stream().allMatch(CorrelatedUnnestAggregates::reordersOnly)) {
            // a computed column would be computed on the NULL-padded row too
            return null;
        }
        RelOptCluster cluster = correlate.getCluster();
        RexBuilder rexBuilder = cluster.getRexBuilder();
        RelNode left = correlate.getLeft();
        int width = left.getRowType().getFieldCount();
        RelDataType bigint = cluster.getTypeFactory().createSqlType(SqlTypeName.BIGINT);

        // the outer rows, numbered after their columns, so that the correlation reads the same fields
        List<RexNode> numbered = new ArrayList<>(rexBuilder.identityProjects(left.getRowType()));
        numbered.add(rexBuilder.makeOver(bigint, SqlStdOperatorTable.ROW_NUMBER, List.of(), List.of(), ImmutableList.of(),
                RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW, true, true, false, false));
        List<String> numberedNames = new ArrayList<>(left.getRowType().getFieldNames());
        numberedNames.add("$row");
        RelNode rows = LogicalProject.create(left, List.of(), numbered, numberedNames, java.util.Set.of());
        Correlate unnested = correlate.copy(correlate.getTraitSet(), rows, sort.getInput(), correlate.getCorrelationId(),
                correlate.getRequiredColumns(), correlate.getJoinType());
        RelNode lifted = liftOverUnnest(unnested);
        if (lifted == null && correlate.getJoinType() == JoinRelType.LEFT) {
            lifted = liftOverOuterUnnest(unnested);
        }
        RelNode joined = lifted == null ? unnested : lifted;
        if (lifted == null && !(sort.getInput() instanceof Uncollect)) {
            return null;
        }

        // each outer row's place of the sub-query's rows, in the sort's order
        int start = width + 1;
        List<RexFieldCollation> order = new ArrayList<>();
        for (RelFieldCollation field : sort.getCollation().getFieldCollations()) {
            java.util.Set<SqlKind> flags = new java.util.HashSet<>();
            if (field.getDirection().isDescending()) {
                flags.add(SqlKind.DESCENDING);
            }
            flags.add(field.nullDirection == RelFieldCollation.NullDirection.FIRST ? SqlKind.NULLS_FIRST : SqlKind.NULLS_LAST);
            order.add(new RexFieldCollation(rexBuilder.makeInputRef(joined, start + field.getFieldIndex()), flags));
        }
        List<RexNode> ranked = new ArrayList<>(rexBuilder.identityProjects(joined.getRowType()));
        ranked.add(rexBuilder.makeOver(bigint, SqlStdOperatorTable.ROW_NUMBER, List.of(),
                List.of(rexBuilder.makeInputRef(joined, width)), ImmutableList.copyOf(order),
                RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW, true, true, false, false));
        RelNode rankedRows = LogicalProject.create(joined, List.of(), ranked, (List<String>) null, java.util.Set.of());
        RexNode rank = rexBuilder.makeInputRef(rankedRows, joined.getRowType().getFieldCount());
        current = org.apache.calcite.rel.logical.LogicalFilter.create(rankedRows,
                rexBuilder.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, rank, sort.fetch));

        // the outer columns and the sub-query's, without the row number and the rank
        List<RexNode> kept = new ArrayList<>();
        for (int field = 0; field < joined.getRowType().getFieldCount(); field++) {
            if (field != width) {
                kept.add(rexBuilder.makeInputRef(current, field));
            }
        }
        current = LogicalProject.create(current, List.of(), kept, (List<String>) null, java.util.Set.of());
        for (int index = above.size() - 1; index >= 0; index--) {
            Lift lift = new Lift(rexBuilder, correlate, current, width);
            List<RexNode> projections = new ArrayList<>();
            for (int field = 0; field < width; field++) {
                projections.add(rexBuilder.makeInputRef(current, field));
            }
            for (RexNode expression : above.get(index).getProjects()) {
                projections.add(expression.accept(lift));
            }
            current = LogicalProject.create(current, List.of(), projections, (List<String>) null, java.util.Set.of());
        }
        List<RexNode> result = new ArrayList<>();
        List<RelDataTypeField> fields = correlate.getRowType().getFieldList();
        for (int field = 0; field < fields.size(); field++) {
            RexNode expression = rexBuilder.makeInputRef(current, field);
            RelDataType type = fields.get(field).getType();
            if (containsCorrelation(expression, correlate.getCorrelationId())) {
                return null;
            }
            result.add(expression.getType().equals(type) ? expression : rexBuilder.makeAbstractCast(type, expression, false));
        }
        return LogicalProject.create(current, List.of(), result, correlate.getRowType().getFieldNames(), java.util.Set.of());
    }

    /**
     * {@code LEFT JOIN LATERAL (SELECT x * 2 AS y FROM UNNEST(t.a) u(x) …)}: projections between a LEFT correlate and
     * its UNNEST move above an outer UNNEST with ordinality, and each computed column is NULL on the NULL-padded row of
     * an empty array (no ordinality), as the sub-query gave no row to compute it on. Null when anything but projections
     * stands between them.
     */
    private static RelNode liftOverOuterUnnest(Correlate correlate) {
        List<Project> chain = new ArrayList<>();
        RelNode current = correlate.getRight();
        while (current instanceof Project project) {
            chain.add(project);
            current = project.getInput();
        }
        if (chain.isEmpty() || !(current instanceof Uncollect uncollect) || uncollect.withOrdinality
                || !(uncollect.getInput() instanceof Project arrays)
                || !(arrays.getInput() instanceof Values values) || values.getTuples().size() != 1) {
            return null;
        }
        RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
        int width = correlate.getLeft().getRowType().getFieldCount();
        RelNode numbered = Uncollect.create(uncollect.getTraitSet(), uncollect.getInput(), true, List.of());
        RelNode result = correlate.copy(correlate.getTraitSet(), correlate.getLeft(), numbered,
                correlate.getCorrelationId(), correlate.getRequiredColumns(), JoinRelType.LEFT);
        int ordinality = result.getRowType().getFieldCount() - 1;
        for (int index = chain.size() - 1; index >= 0; index--) {
            Lift lift = new Lift(rexBuilder, correlate, result, width);
            RexNode padded = rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, rexBuilder.makeInputRef(result, ordinality));
            List<RexNode> projections = new ArrayList<>();
            for (int field = 0; field < width; field++) {
                projections.add(rexBuilder.makeInputRef(result, field));
            }
            for (RexNode expression : chain.get(index).getProjects()) {
                RexNode lifted = expression.accept(lift);
                projections.add(expression instanceof RexInputRef ? lifted : rexBuilder.makeCall(SqlStdOperatorTable.CASE,
                        padded, rexBuilder.makeNullLiteral(lifted.getType()), lifted));
            }
            // the ordinality goes along, for the projections above
            projections.add(rexBuilder.makeInputRef(result, ordinality));
            result = LogicalProject.create(result, List.of(), projections, (List<String>) null, java.util.Set.of());
            ordinality = projections.size() - 1;
        }
        if (containsCorrelationAbove(result, correlate)) {
            return null;
        }
        List<RexNode> kept = rexBuilder.identityProjects(result.getRowType()).subList(0, ordinality);
        return LogicalProject.create(result, List.of(), kept, correlate.getRowType().getFieldNames(), java.util.Set.of());
    }

    private static boolean reordersOnly(Project project) {
        return project.getProjects().stream().allMatch(expression -> expression instanceof RexInputRef);
    }

    /** Whether a lifted filter or projection still reads the correlation (a nested sub-query, say). */
    private static boolean containsCorrelationAbove(RelNode lifted, Correlate correlate) {
        RelNode current = lifted;
        while (!(current instanceof Correlate)) {
            List<RexNode> expressions = current instanceof Filter filter ? List.of(filter.getCondition()) : ((Project) current).getProjects();
            for (RexNode expression : expressions) {
                if (containsCorrelation(expression, correlate.getCorrelationId())) {
                    return true;
                }
            }
            current = current.getInput(0);
        }
        return false;
    }

    private static RelNode rewriteCorrelate(Correlate correlate) {
        if (correlate.getJoinType() != JoinRelType.LEFT && correlate.getJoinType() != JoinRelType.INNER) {
            return null;
        }
        Shape shape = shape(correlate.getRight());
        if (shape == null) {
            return null;
        }
        RelOptCluster cluster = correlate.getCluster();
        RexBuilder rexBuilder = cluster.getRexBuilder();
        RelNode left = correlate.getLeft();
        int width = left.getRowType().getFieldCount();

        // the outer rows, numbered
        List<RexNode> numbered = new ArrayList<>();
        List<String> numberedNames = new ArrayList<>(left.getRowType().getFieldNames());
        for (int field = 0; field < width; field++) {
            numbered.add(rexBuilder.makeInputRef(left, field));
        }
        RelDataType bigint = cluster.getTypeFactory().createSqlType(SqlTypeName.BIGINT);
        numbered.add(rexBuilder.makeOver(bigint, SqlStdOperatorTable.ROW_NUMBER, List.of(), List.of(), ImmutableList.of(),
                RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW, true, true, false, false));
        numberedNames.add("$row");
        RelNode rows = LogicalProject.create(left, List.of(), numbered, numberedNames, java.util.Set.of());
        int rowNumber = width;

        // an outer UNNEST with ordinality of the same arrays, correlated to the numbered rows
        Uncollect uncollect = shape.uncollect();
        Project arrays = (Project) uncollect.getInput();
        CorrelationId unnestCorrelation = cluster.createCorrel();
        RexNode unnestVariable = rexBuilder.makeCorrel(rows.getRowType(), unnestCorrelation);
        List<RexNode> arrayExpressions = new ArrayList<>();
        for (RexNode array : arrays.getProjects()) {
            arrayExpressions.add(array.accept(new RexShuttle() {
                @Override
                public RexNode visitFieldAccess(RexFieldAccess access) {
                    if (isOuter(access, correlate)) {
                        return rexBuilder.makeFieldAccess(unnestVariable, access.getField().getIndex());
                    }
                    return super.visitFieldAccess(access);
                }
            }));
        }
        if (arrayExpressions.stream().anyMatch(expression -> containsCorrelation(expression, correlate.getCorrelationId()))) {
            return null;
        }
        RelNode newArrays = LogicalProject.create(arrays.getInput(), List.of(), arrayExpressions,
                arrays.getRowType().getFieldNames(), java.util.Set.of());
        Uncollect ordinalUnnest = Uncollect.create(uncollect.getTraitSet(), newArrays, true, List.of());
        ImmutableBitSet required = ImmutableBitSet.range(width);
        RelNode unnested = LogicalCorrelate.create(rows, ordinalUnnest, unnestCorrelation, required, JoinRelType.LEFT);
        int unnestedFields = uncollect.getRowType().getFieldCount();
        int ordinality = width + 1 + ordinalUnnest.getRowType().getFieldCount() - 1;

        // layout from here on: outer columns and row number, the alive flag, the sub-query's columns
        int alive = width + 1;
        int offset = width + 2;
        List<RexNode> start = prefix(rexBuilder, unnested, width);
        start.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_NULL, rexBuilder.makeInputRef(unnested, ordinality)));
        for (int field = 0; field < unnestedFields; field++) {
            start.add(rexBuilder.makeInputRef(unnested, width + 1 + field));
        }
        RelNode current = LogicalProject.create(unnested, List.of(), start, (List<String>) null, java.util.Set.of());

        for (int index = shape.below().size() - 1; index >= 0; index--) {
            RelNode step = shape.below().get(index);
            Lift lift = new Lift(rexBuilder, correlate, current, offset);
            List<RexNode> projections = prefix(rexBuilder, current, width);
            RexNode aliveRef = rexBuilder.makeInputRef(current, alive);
            if (step instanceof Filter filter) {
                RexNode condition = rexBuilder.makeCall(SqlStdOperatorTable.IS_TRUE, filter.getCondition().accept(lift));
                projections.add(rexBuilder.makeCall(SqlStdOperatorTable.AND, aliveRef, condition));
                for (int field = offset; field < current.getRowType().getFieldCount(); field++) {
                    projections.add(rexBuilder.makeInputRef(current, field));
                }
            } else {
                projections.add(aliveRef);
                for (RexNode expression : ((Project) step).getProjects()) {
                    RexNode lifted = expression.accept(lift);
                    // rows a filter dropped are not computed on: they could fail (a division by zero)
                    projections.add(lifted instanceof RexInputRef || lifted instanceof RexLiteral
                            ? lifted
                            : rexBuilder.makeCall(SqlStdOperatorTable.CASE, aliveRef, lifted,
                                    rexBuilder.makeNullLiteral(lifted.getType())));
                }
            }
            current = LogicalProject.create(current, List.of(), projections, (List<String>) null, java.util.Set.of());
        }

        // the aggregate, by row number, over the alive rows; the outer columns ride along
        List<AggregateCall> calls = new ArrayList<>();
        for (int field = 0; field < width; field++) {
            calls.add(AggregateCall.create(SqlStdOperatorTable.ANY_VALUE, false, false, false, List.of(),
                    List.of(field), -1, null, RelCollations.EMPTY, 1, current, null, "$outer" + field));
        }
        for (AggregateCall call : shape.aggregate().getAggCallList()) {
            List<Integer> arguments = call.getArgList().stream().map(argument -> argument + offset).toList();
            calls.add(AggregateCall.create(call.getAggregation(), call.isDistinct(), call.isApproximate(),
                    call.ignoreNulls(), call.rexList, arguments, alive, null,
                    RelCollations.shift(call.getCollation(), offset), 1, current, null, call.getName()));
        }
        RelNode aggregated = LogicalAggregate.create(current, List.of(), ImmutableBitSet.of(rowNumber), null, calls);
        List<RexNode> regrouped = new ArrayList<>();
        for (int field = 0; field < width; field++) {
            regrouped.add(rexBuilder.makeInputRef(aggregated, 1 + field));
        }
        regrouped.add(rexBuilder.makeInputRef(aggregated, 0));
        regrouped.add(rexBuilder.makeLiteral(true));
        for (int call = 0; call < shape.aggregate().getAggCallList().size(); call++) {
            regrouped.add(rexBuilder.makeInputRef(aggregated, 1 + width + call));
        }
        current = LogicalProject.create(aggregated, List.of(), regrouped, (List<String>) null, java.util.Set.of());

        for (int index = shape.above().size() - 1; index >= 0; index--) {
            Lift lift = new Lift(rexBuilder, correlate, current, offset);
            List<RexNode> projections = prefix(rexBuilder, current, width);
            projections.add(rexBuilder.makeInputRef(current, alive));
            for (RexNode expression : shape.above().get(index).getProjects()) {
                projections.add(expression.accept(lift));
            }
            current = LogicalProject.create(current, List.of(), projections, (List<String>) null, java.util.Set.of());
        }

        // the correlate's own row type: the outer columns, then the sub-query's
        List<RexNode> result = new ArrayList<>();
        List<RelDataTypeField> fields = correlate.getRowType().getFieldList();
        for (int field = 0; field < fields.size(); field++) {
            int source = field < width ? field : offset + field - width;
            RexNode expression = rexBuilder.makeInputRef(current, source);
            RelDataType type = fields.get(field).getType();
            result.add(expression.getType().equals(type) ? expression : rexBuilder.makeAbstractCast(type, expression, false));
        }
        return LogicalProject.create(current, List.of(), result, correlate.getRowType().getFieldNames(), java.util.Set.of());
    }

    private static List<RexNode> prefix(RexBuilder rexBuilder, RelNode input, int width) {
        List<RexNode> projections = new ArrayList<>();
        for (int field = 0; field <= width; field++) {
            projections.add(rexBuilder.makeInputRef(input, field));
        }
        return projections;
    }

    private static boolean isOuter(RexFieldAccess access, Correlate correlate) {
        return access.getReferenceExpr() instanceof RexCorrelVariable variable
                && variable.id.equals(correlate.getCorrelationId());
    }

    private static boolean containsCorrelation(RexNode expression, CorrelationId id) {
        boolean[] found = {false};
        expression.accept(new RexShuttle() {
            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                found[0] |= variable.id.equals(id);
                return variable;
            }
        });
        return found[0];
    }

    /** A sub-query expression moved onto the new layout: its columns shifted, outer references as columns. */
    private static final class Lift extends RexShuttle {
        private final RexBuilder rexBuilder;
        private final Correlate correlate;
        private final RelNode input;
        private final int offset;

        Lift(RexBuilder rexBuilder, Correlate correlate, RelNode input, int offset) {
            this.rexBuilder = rexBuilder;
            this.correlate = correlate;
            this.input = input;
            this.offset = offset;
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
            return rexBuilder.makeInputRef(input, ref.getIndex() + offset);
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
            if (isOuter(access, correlate)) {
                return rexBuilder.makeInputRef(input, access.getField().getIndex());
            }
            return super.visitFieldAccess(access);
        }
    }
}
