package io.quarry.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * Sub-queries in lambda bodies ({@code transform(a, x -> x > 0 AND EXISTS (SELECT …))}, which Trino plans for EXISTS),
 * whose values cannot depend on the lambda's parameters (the validator resolves no parameter inside a query). Calcite
 * removes sub-queries only outside lambdas, so each becomes a column of a projection below the filter or projection
 * that holds it, which the lambda captures as it captures any column; the sub-query in that projection is then removed
 * as every other, correlated or not.
 */
final class LambdaSubQueries {
    private LambdaSubQueries() {}

    static RelNode hoist(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof LogicalProject project) {
                    return hoist(project);
                }
                if (visited instanceof LogicalFilter filter) {
                    return hoist(filter);
                }
                return visited;
            }
        });
    }

    private static RelNode hoist(LogicalProject project) {
        Map<RexSubQuery, Integer> subQueries = subQueriesInLambdas(project.getProjects());
        if (subQueries.isEmpty()) {
            return project;
        }
        RelNode below = below(project.getInput(), subQueries, project.getVariablesSet());
        RexBuilder rexBuilder = project.getCluster().getRexBuilder();
        List<RexNode> projects = project.getProjects().stream()
                .map(expression -> replaced(expression, subQueries, rexBuilder))
                .toList();
        return LogicalProject.create(below, project.getHints(), projects, project.getRowType(), Set.of());
    }

    private static RelNode hoist(LogicalFilter filter) {
        Map<RexSubQuery, Integer> subQueries = subQueriesInLambdas(List.of(filter.getCondition()));
        if (subQueries.isEmpty()) {
            return filter;
        }
        RelNode below = below(filter.getInput(), subQueries, filter.getVariablesSet());
        RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
        RelNode filtered = LogicalFilter.create(below, replaced(filter.getCondition(), subQueries, rexBuilder));
        // the sub-queries' columns dropped again: the filter keeps its row type
        List<RexNode> kept = new ArrayList<>();
        for (int i = 0; i < filter.getRowType().getFieldCount(); i++) {
            kept.add(rexBuilder.makeInputRef(filtered, i));
        }
        return LogicalProject.create(filtered, List.of(), kept, filter.getRowType(), Set.of());
    }

    /** The input with one more column for each sub-query, numbered after the input's own. */
    private static RelNode below(RelNode input, Map<RexSubQuery, Integer> subQueries, Set<CorrelationId> variables) {
        RexBuilder rexBuilder = input.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(input.getRowType()));
        List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
        for (Map.Entry<RexSubQuery, Integer> entry : subQueries.entrySet()) {
            entry.setValue(projects.size());
            projects.add(entry.getKey());
            names.add("$subquery" + names.size());
        }
        return LogicalProject.create(input, List.of(), projects, names, variables);
    }

    /** The sub-queries inside the lambdas of the expressions, each once (a sub-query's own lambdas are its own). */
    private static Map<RexSubQuery, Integer> subQueriesInLambdas(List<RexNode> expressions) {
        Map<RexSubQuery, Integer> found = new LinkedHashMap<>();
        RexShuttle inLambda = new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                found.putIfAbsent(subQuery, -1);
                return subQuery;
            }
        };
        RexShuttle outside = new RexShuttle() {
            @Override
            public RexNode visitLambda(RexLambda lambda) {
                lambda.getExpression().accept(inLambda);
                return lambda;
            }

            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                return subQuery;
            }
        };
        expressions.forEach(expression -> expression.accept(outside));
        return found;
    }

    /** The expression reading each sub-query of its lambdas from its column, with the lambdas' captures listed anew. */
    private static RexNode replaced(RexNode expression, Map<RexSubQuery, Integer> subQueries, RexBuilder rexBuilder) {
        RexNode replaced = expression.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                Integer column = subQueries.get(subQuery);
                return column == null ? subQuery : new RexInputRef(column, subQuery.getType());
            }
        });
        return LambdaClosures.listCaptures(replaced, rexBuilder);
    }
}
