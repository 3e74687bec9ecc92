package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Sarg;

/**
 * Row and distinct-value estimates of relational expressions over the connectors' statistics (row counts and
 * distinct values per column), for join ordering and the choice of build sides. Calcite's own estimates guess a
 * fixed selectivity for every equality, which makes a join on a key look as large as one on a nation code.
 * Remembers the rows of each expression it was asked about: one instance per statement.
 */
final class Cardinality {
    /** The second key between two relations keeps its selectivity to this power, the third to its square, ... */
    private static final double CORRELATED_KEY_EXPONENT = 0.25;
    private static final double UNKNOWN_ROWS = 1e6;

    private final RelMetadataQuery metadata;
    private final Map<RelNode, Double> rows = new IdentityHashMap<>();

    Cardinality(RelMetadataQuery metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** The share of rows the {@code index}-th most selective key of a join keeps, given its own selectivity. */
    static double keySelectivity(double selectivity, int index) {
        return Math.pow(selectivity, Math.pow(CORRELATED_KEY_EXPONENT, index));
    }

    /** Rows of a relation. */
    double rows(RelNode rel) {
        Double known = rows.get(rel);
        if (known == null) {
            known = Math.max(1, compute(rel));
            rows.put(rel, known);
        }
        return known;
    }

    private double compute(RelNode rel) {
        if (rel instanceof Project project) {
            return rows(project.getInput());
        }
        if (rel instanceof Filter filter) {
            RelNode input = filter.getInput();
            return rows(input) * selectivity(filter.getCondition(), field -> distinct(input, field));
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        Double estimate = metadata.getRowCount(rel);
        return estimate == null || estimate.isNaN() ? UNKNOWN_ROWS : estimate;
    }

    private double join(Join join) {
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        double leftRows = rows(left);
        double rightRows = rows(right);
        JoinInfo info = join.analyzeCondition();
        List<Double> keys = new ArrayList<>();
        double leftDistinct = 1;
        double rightDistinct = 1;
        for (int i = 0; i < info.leftKeys.size(); i++) {
            double l = distinct(left, info.leftKeys.get(i));
            double r = distinct(right, info.rightKeys.get(i));
            keys.add(1 / Math.max(1, Math.max(l, r)));
            leftDistinct = Math.max(leftDistinct, l);
            rightDistinct = Math.max(rightDistinct, r);
        }
        keys.sort(Double::compare);
        double selectivity = 1;
        for (int i = 0; i < keys.size(); i++) {
            selectivity *= keySelectivity(keys.get(i), i);
        }
        int leftFields = left.getRowType().getFieldCount();
        for (RexNode condition : info.nonEquiConditions) {
            selectivity *= selectivity(condition, field -> field < leftFields
                    ? distinct(left, field)
                    : distinct(right, field - leftFields));
        }
        double inner = leftRows * rightRows * selectivity;
        // a semi join keeps the left rows whose key is among the right's values
        double matched = keys.isEmpty() ? 1 : Math.min(1, rightDistinct / leftDistinct);
        return switch (join.getJoinType()) {
            case INNER -> inner;
            case LEFT -> Math.max(leftRows, inner);
            case RIGHT -> Math.max(rightRows, inner);
            case FULL -> Math.max(leftRows + rightRows, inner);
            case SEMI -> leftRows * matched;
            case ANTI -> leftRows * Math.max(0.1, 1 - matched);
            default -> leftRows;
        };
    }

    private double aggregate(Aggregate aggregate) {
        if (aggregate.getGroupCount() == 0) {
            return 1;
        }
        RelNode input = aggregate.getInput();
        double inputRows = rows(input);
        double groups = 1;
        for (int key : aggregate.getGroupSet()) {
            groups *= distinct(input, key);
            if (groups >= inputRows) {
                break;
            }
        }
        return Math.min(inputRows, groups) * aggregate.getGroupSets().size();
    }

    /** Distinct values of one column of a relation, at most its rows. */
    double distinct(RelNode rel, int field) {
        double rows = rows(rel);
        return Math.min(rows, unbounded(rel, field, rows));
    }

    private double unbounded(RelNode rel, int field, double rows) {
        if (rel instanceof TableScan scan) {
            CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
            if (table != null) {
                OptionalDouble distinct = table.distinctValues(field);
                if (distinct.isPresent()) {
                    return distinct.getAsDouble();
                }
            }
            return rows;
        }
        if (rel instanceof Filter filter) {
            return distinct(filter.getInput(), field);
        }
        if (rel instanceof Project project) {
            RexNode expression = project.getProjects().get(field);
            return expression instanceof RexInputRef ref ? distinct(project.getInput(), ref.getIndex()) : rows;
        }
        if (rel instanceof Aggregate aggregate && field < aggregate.getGroupCount() && aggregate.getGroupSets().size() == 1) {
            return distinct(aggregate.getInput(), aggregate.getGroupSet().nth(field));
        }
        if (rel instanceof Join join) {
            int leftFields = join.getLeft().getRowType().getFieldCount();
            if (field < leftFields) {
                return distinct(join.getLeft(), field);
            }
            if (join.getJoinType().projectsRight()) {
                return distinct(join.getRight(), field - leftFields);
            }
        }
        return rows;
    }

    /**
     * The fraction of rows a condition keeps: {@code column = literal} and IN lists keep their distinct values'
     * share, AND multiplies, OR adds (as independent events), anything else is Calcite's guess.
     */
    static double selectivity(RexNode condition, IntToDoubleFunction distinct) {
        switch (condition.getKind()) {
            case AND: {
                double result = 1;
                for (RexNode operand : ((RexCall) condition).getOperands()) {
                    result *= selectivity(operand, distinct);
                }
                return result;
            }
            case OR: {
                double none = 1;
                for (RexNode operand : ((RexCall) condition).getOperands()) {
                    none *= 1 - selectivity(operand, distinct);
                }
                return 1 - none;
            }
            case NOT:
                return 1 - selectivity(((RexCall) condition).getOperands().get(0), distinct);
            case EQUALS: {
                List<RexNode> operands = ((RexCall) condition).getOperands();
                RexNode left = RexUtil.removeCast(operands.get(0));
                RexNode right = RexUtil.removeCast(operands.get(1));
                if (left instanceof RexInputRef ref && right instanceof RexLiteral) {
                    return 1 / Math.max(1, distinct.applyAsDouble(ref.getIndex()));
                }
                if (right instanceof RexInputRef ref && left instanceof RexLiteral) {
                    return 1 / Math.max(1, distinct.applyAsDouble(ref.getIndex()));
                }
                return RelMdUtil.guessSelectivity(condition);
            }
            case SEARCH: {
                RexCall search = (RexCall) condition;
                RexNode operand = RexUtil.removeCast(search.getOperands().get(0));
                if (operand instanceof RexInputRef ref && search.getOperands().get(1) instanceof RexLiteral literal) {
                    Sarg<?> sarg = literal.getValueAs(Sarg.class);
                    if (sarg != null && sarg.isPoints()) {
                        return Math.min(1, sarg.pointCount / Math.max(1, distinct.applyAsDouble(ref.getIndex())));
                    }
                }
                return RelMdUtil.guessSelectivity(condition);
            }
            default:
                return RelMdUtil.guessSelectivity(condition);
        }
    }
}
