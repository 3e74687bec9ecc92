package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.AggregateRemoveRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.TopDownGeneralDecorrelator;
import org.apache.calcite.tools.RelBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule phases that turn a converted statement into a plan Quarry can run: sub-queries to joins,
 * decorrelation, field trimming, filter and projection push-down, join ordering, clean-up. Each phase is
 * its own Hep planner: Calcite's cost-based Volcano planner is far too slow for interactive planning.
 */
final class Optimizer {
    private static final Logger LOG = LoggerFactory.getLogger(Optimizer.class);
    /** A semi join keeping at most this share of its rows is selective. */
    private static final double SELECTIVE_SEMI_JOIN = 0.75;
    private static final org.apache.calcite.tools.RelBuilderFactory NO_SIMPLIFICATION =
        RelBuilder.proto(org.apache.calcite.plan.Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false)));

    // HepProgram keeps matching state while it runs: built per statement, never shared
    private static HepProgram subQueries() {
        return program(HepMatchOrder.DEPTH_FIRST, List.of(
            CoreRules.FILTER_SUB_QUERY_TO_MARK_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_MARK_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE));
    }

    private static HepProgram pushDown() {
        return program(HepMatchOrder.DEPTH_FIRST, List.of(
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            CoreRules.JOIN_PUSH_EXPRESSIONS,
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_AGGREGATE_TRANSPOSE,
            CoreRules.FILTER_SET_OP_TRANSPOSE,
            CoreRules.FILTER_MERGE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.AGGREGATE_PROJECT_MERGE));
    }

    /**
     * The rules that ask for metadata (predicates pulled up from inputs, column uniqueness) run once the
     * push-down has settled: inside it, every change would make them recompute the metadata of whole sub-trees.
     */
    private static HepProgram reductions() {
        return program(HepMatchOrder.BOTTOM_UP, List.of(
            CoreRules.FILTER_REDUCE_EXPRESSIONS,
            new AggregateRemoveOverNoJoin(),
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE));
    }

    /**
     * An IN/EXISTS semi join that drops a good share of the rows goes below the inner joins to the relation it
     * filters, before the joins are ordered. One that keeps most rows stays where it is: below, it would meet
     * the relation before the other joins have made it small (TPC-H Q21).
     */
    private static RelNode selectiveSemiJoinsDown(RelNode rel, Context context, RexExecutor executor) {
        Cardinality cardinality = new Cardinality(rel.getCluster().getMetadataQuery());
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                if (other instanceof Join join && join.getJoinType() == JoinRelType.SEMI
                    && cardinality.rows(join) <= SELECTIVE_SEMI_JOIN * cardinality.rows(join.getLeft())) {
                    return run(semiJoinsDown(), other, context, executor);
                }
                return super.visit(other);
            }
        });
    }

    private static HepProgram semiJoinsDown() {
        return new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.TOP_DOWN)
            .addRuleCollection(List.of(CoreRules.SEMI_JOIN_PROJECT_TRANSPOSE, CoreRules.SEMI_JOIN_JOIN_TRANSPOSE))
            .build();
    }

    private static HepProgram toMultiJoins() {
        return new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
            .addRuleCollection(List.of(CoreRules.PROJECT_MULTI_JOIN_MERGE, CoreRules.FILTER_MULTI_JOIN_MERGE))
            .build();
    }

    /** Calcite's heuristic ordering, for the MultiJoins with outer joins that {@link JoinReorder} leaves. */
    private static HepProgram heuristicJoinOrder() {
        return new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
            .build();
    }

    private static HepProgram cleanUp() {
        return program(HepMatchOrder.DEPTH_FIRST, List.of(
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            // a key under a cast (an integer column against a bigint one) is computed below the join
            CoreRules.JOIN_PUSH_EXPRESSIONS,
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.PROJECT_JOIN_REMOVE));
    }

    /**
     * Calcite's removal of an aggregate over already distinct rows, only where that is cheap to know: over no
     * join. Over joins, column uniqueness infers predicates across every join below, the most expensive metadata
     * Calcite has, for an aggregate that TPC-H-like queries never make redundant.
     */
    private static final class AggregateRemoveOverNoJoin extends AggregateRemoveRule {
        AggregateRemoveOverNoJoin() {
            super(AggregateRemoveRule.Config.DEFAULT);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            if (!contains(call.rel(0).getInput(0), Join.class)) {
                super.onMatch(call);
            }
        }
    }

    private Optimizer() {}

    static RelNode optimize(RelNode rel, SqlValidator validator, RelBuilder relBuilder, Context context, RexExecutor executor) {
        RelNode current = run(subQueries(), ExistsToSemiJoin.rewrite(RowInSubQueries.rewrite(LambdaSubQueries.hoist(ApproxLiteralValues.normalize(rel)))), context, executor);
        current = requireUsedColumns(decorrelate(CorrelatedLambdaCalls.rewrite(ZeroOnEmptyAggregates.rewrite(oneRowLateralsAsLeft(current))), relBuilder));
        current = CorrelatedUnnestAggregates.rewrite(current);
        current = new RelFieldTrimmer(validator, NO_SIMPLIFICATION.create(current.getCluster(), null)).trim(current);
        current = pullCommonFactors(current);
        current = run(pushDown(), current, context, executor);
        current = simplifyProjections(run(reductions(), current, context, executor), executor);
        if (containsJoin(current)) {
            current = selectiveSemiJoinsDown(markFiltersToSemiJoins(current), context, executor);
            current = run(toMultiJoins(), current, context, executor);
            current = JoinReorder.reorder(current);
            current = run(heuristicJoinOrder(), current, context, executor);
            current = run(cleanUp(), current, context, executor);
        }
        return current;
    }

    /**
     * Rewrites {@code (a AND b) OR (a AND c)} in filters to {@code a AND (b OR c)}, so that a join key repeated in
     * every branch of an OR (TPC-H Q19) becomes a conjunct the join rules can use as an equi key.
     */
    private static RelNode pullCommonFactors(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Filter filter) {
                    RexNode factored = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
                    if (!factored.equals(filter.getCondition())) {
                        return filter.copy(filter.getTraitSet(), filter.getInput(), factored);
                    }
                }
                return visited;
            }
        });
    }

    /**
     * Simplifies the expressions of every projection. Calcite's PROJECT_REDUCE_EXPRESSIONS does this too, but it
     * also asks for the predicates pulled up from the projection's input on every match, which a Hep planner
     * recomputes over the whole sub-tree after each change: a quarter of the planning time of TPC-H Q2, for
     * constants that the executor folds anyway.
     */
    private static RelNode simplifyProjections(RelNode rel, RexExecutor executor) {
        RexSimplify simplify = new RexSimplify(rel.getCluster().getRexBuilder(), RelOptPredicateList.EMPTY, executor);
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Project project) {
                    List<RexNode> simplified = new ArrayList<>(project.getProjects().size());
                    boolean changed = false;
                    for (RexNode expression : project.getProjects()) {
                        RexNode result = simplify.simplifyPreservingType(
                                simplifyLambdaBodies(expression, simplify, project.getCluster().getRexBuilder()));
                        if (widensChar(expression, result)) {
                            // a CASE or COALESCE of chars folded to one of them cast to Calcite's varchar type:
                            // kept, so that Quarry gives it Trino's char type (CharCast.withChars)
                            result = expression;
                        }
                        changed |= result != expression;
                        simplified.add(result);
                    }
                    if (changed) {
                        return project.copy(project.getTraitSet(), project.getInput(), simplified, project.getRowType());
                    }
                }
                return visited;
            }
        });
    }

    /**
     * The expression with the bodies of its lambdas simplified as expressions are: Trino folds {@code x / 0 > 0 OR true}
     * in a lambda as it does outside one. Only bodies without lambdas of their own: a nested lambda's parameters are
     * numbered as its enclosing lambda's, which Calcite would take for the same values.
     */
    private static RexNode simplifyLambdaBodies(RexNode expression, RexSimplify simplify, RexBuilder rexBuilder) {
        return expression.accept(new org.apache.calcite.rex.RexShuttle() {
            @Override
            public RexNode visitLambda(org.apache.calcite.rex.RexLambda lambda) {
                RexNode body = lambda.getExpression();
                boolean[] nested = {false};
                body.accept(new org.apache.calcite.rex.RexShuttle() {
                    @Override
                    public RexNode visitLambda(org.apache.calcite.rex.RexLambda inner) {
                        nested[0] = true;
                        return inner;
                    }
                });
                if (nested[0]) {
                    return lambda;
                }
                RexNode simplified = simplify.simplifyPreservingType(body);
                return simplified == body || widensChar(body, simplified)
                        ? lambda : rexBuilder.makeLambdaCall(simplified, lambda.getParameters());
            }
        });
    }

    private static boolean widensChar(RexNode original, RexNode simplified) {
        if (original == simplified || original.getKind() == SqlKind.CAST) {
            return false;
        }
        if (simplified.getKind() == SqlKind.CAST && simplified.getType().getSqlTypeName() == SqlTypeName.VARCHAR
                && ((RexCall) simplified).getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.CHAR) {
            return true;
        }
        // a CASE or COALESCE of a char value and a varchar (also inside a call) folded to the varchar or a literal:
        // the char type would be lost
        return containsCharCase(original);
    }

    private static boolean containsCharCase(RexNode expression) {
        if (!(expression instanceof RexCall call)) {
            return false;
        }
        if ((call.getKind() == SqlKind.CASE || call.getKind() == SqlKind.COALESCE)
                && call.getOperands().stream().anyMatch(Optimizer::isCharValue)) {
            return true;
        }
        return call.getOperands().stream().anyMatch(Optimizer::containsCharCase);
    }

    /** Whether a value, under Calcite's casts, is a char that is not a string literal (Calcite's char). */
    private static boolean isCharValue(RexNode value) {
        RexNode inner = value;
        while (inner.getKind() == SqlKind.CAST) {
            inner = ((RexCall) inner).getOperands().get(0);
        }
        return !(inner instanceof org.apache.calcite.rex.RexLiteral) && containsChar(inner.getType());
    }

    /** Whether a type is CHAR or has CHAR inside (arrays, maps, rows). */
    private static boolean containsChar(org.apache.calcite.rel.type.RelDataType type) {
        if (type.getSqlTypeName() == SqlTypeName.CHAR) {
            return true;
        }
        if (type.isStruct()) {
            return type.getFieldList().stream().anyMatch(field -> containsChar(field.getType()));
        }
        if (type.getComponentType() != null) {
            return containsChar(type.getComponentType());
        }
        return type.getKeyType() != null && (containsChar(type.getKeyType()) || containsChar(type.getValueType()));
    }

    /**
     * A filter keeping the rows whose IN/EXISTS mark is TRUE is a semi join: {@code Filter($mark AND p)} over a
     * LEFT_MARK join becomes {@code Filter(p)} over a projection of the SEMI join with the mark as constant TRUE
     * (the only value that passed), so that the semi join can move below inner joins.
     */
    private static RelNode markFiltersToSemiJoins(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof Filter filter
                    && filter.getInput() instanceof Join join
                    && join.getJoinType() == JoinRelType.LEFT_MARK) {
                    return semiJoin(filter, join);
                }
                return visited;
            }
        });
    }

    private static RelNode semiJoin(Filter filter, Join join) {
        int mark = join.getRowType().getFieldCount() - 1;
        List<RexNode> rest = new ArrayList<>();
        boolean marked = false;
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            if (conjunct instanceof RexInputRef ref && ref.getIndex() == mark) {
                marked = true;
            } else {
                rest.add(conjunct);
            }
        }
        if (!marked || rest.stream().anyMatch(conjunct -> RelOptUtil.InputFinder.bits(conjunct).get(mark))) {
            return filter;
        }
        RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
        RelNode semi = LogicalJoin.create(join.getLeft(), join.getRight(), List.of(),
            join.getCondition(), Set.of(), JoinRelType.SEMI);
        List<RexNode> projections = new ArrayList<>();
        for (int field = 0; field < mark; field++) {
            projections.add(rexBuilder.makeInputRef(semi, field));
        }
        projections.add(rexBuilder.makeLiteral(true, join.getRowType().getFieldList().get(mark).getType(), false));
        RelNode result = LogicalProject.create(semi, List.of(), projections,
            join.getRowType().getFieldNames(), Set.of());
        return rest.isEmpty()
            ? result
            : LogicalFilter.create(result, RexUtil.composeConjunction(rexBuilder, rest));
    }

    private static RelNode decorrelate(RelNode rel, RelBuilder relBuilder) {
        if (!contains(rel, Correlate.class)) {
            return rel;
        }
        RelNode result;
        try {
            // experimental in Calcite 1.42: fall back to the classic decorrelator when it leaves a correlation
            result = TopDownGeneralDecorrelator.decorrelateQuery(rel, relBuilder);
        } catch (RuntimeException e) {
            LOG.debug("top-down decorrelation failed, falling back", e);
            result = rel;
        }
        if (contains(result, Correlate.class)) {
            result = RelDecorrelator.decorrelateQuery(rel, relBuilder);
        }
        return result;
    }

    /**
     * Makes LEFT an inner correlation whose right side has a row for every outer row ({@code LATERAL (SELECT
     * max(x) FROM t WHERE t.k = o.k)}, a global aggregate): the same rows, but Calcite's decorrelator joins the
     * aggregate grouped by the outer values back as the correlation's type says, and an inner join loses the
     * outer rows that the aggregate saw no input for (unless a count made it add them).
     */
    private static RelNode oneRowLateralsAsLeft(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof LogicalCorrelate correlate && correlate.getJoinType() == JoinRelType.INNER) {
                    Double minRows = correlate.getCluster().getMetadataQuery().getMinRowCount(correlate.getRight());
                    if (minRows != null && minRows >= 1) {
                        RelNode left = correlate.copy(correlate.getTraitSet(), correlate.getLeft(), correlate.getRight(),
                            correlate.getCorrelationId(), correlate.getRequiredColumns(), JoinRelType.LEFT);
                        // the right side's columns turn nullable: cast back to the types the consumers read
                        return RelOptUtil.createCastRel(left, correlate.getRowType(), false);
                    }
                }
                return visited;
            }
        });
    }

    /**
     * Adds to each remaining correlation the outer columns its right side reads. Calcite's decorrelator, moving
     * computed outer values to the left ({@code UNNEST(ARRAY[n], arr)}), lists only the moved ones, and the field
     * trimmer then drops a column read as it is ({@code arr}).
     */
    private static RelNode requireUsedColumns(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof LogicalCorrelate correlate) {
                    ImmutableBitSet used = RelOptUtil.correlationColumns(correlate.getCorrelationId(), correlate.getRight());
                    if (!correlate.getRequiredColumns().contains(used)) {
                        return correlate.copy(correlate.getTraitSet(), correlate.getLeft(), correlate.getRight(),
                            correlate.getCorrelationId(), correlate.getRequiredColumns().union(used), correlate.getJoinType());
                    }
                }
                return visited;
            }
        });
    }

    private static boolean containsJoin(RelNode rel) {
        return contains(rel, Join.class);
    }

    private static boolean contains(RelNode rel, Class<? extends RelNode> kind) {
        if (rel instanceof HepRelVertex vertex) {
            return contains(vertex.getCurrentRel(), kind);
        }
        if (kind.isInstance(rel)) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (contains(input, kind)) {
                return true;
            }
        }
        return false;
    }

    private static RelNode run(HepProgram program, RelNode rel, Context context, RexExecutor executor) {
        HepPlanner planner = new HepPlanner(program, context);
        planner.setExecutor(executor);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static HepProgram program(HepMatchOrder order, List<RelOptRule> rules) {
        return new HepProgramBuilder().addMatchOrder(order)
            .addRuleCollection(rules.stream().map(Optimizer::withoutSimplifying).toList())
            .build();
    }

    /**
     * The rule building its relations without simplifying their expressions: a CASE or COALESCE of a char and a
     * varchar folded to one value cast to Calcite's varchar type would lose Trino's char type. The projections are
     * simplified afterwards, keeping it ({@link #simplifyProjections}); filters by FILTER_REDUCE_EXPRESSIONS.
     */
    private static RelOptRule withoutSimplifying(RelOptRule rule) {
        // the reduction of filters builds its filter by simplifying (a cast for nullability alone is invalid there)
        if (rule instanceof org.apache.calcite.plan.RelRule<?> relRule && !(rule instanceof AggregateRemoveOverNoJoin)
                && !(rule instanceof org.apache.calcite.rel.rules.ReduceExpressionsRule<?>)) {
            return relRule.config.withRelBuilderFactory(NO_SIMPLIFICATION).toRule();
        }
        return rule;
    }

    static String explain(RelNode rel) {
        return RelOptUtil.toString(rel);
    }
}
