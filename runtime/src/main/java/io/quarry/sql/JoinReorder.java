package io.quarry.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Orders the inner joins of each {@link MultiJoin} by estimated cardinality: dynamic programming over the
 * connected subsets of the joined relations, each join's cost being the rows it probes, builds (weighted, since a
 * hash table costs more per row than a probe) and produces. Estimates come from the connectors' row counts and
 * distinct-value counts: an equi-join of {@code a = b} keeps {@code 1 / max(ndv(a), ndv(b))} of the cross product,
 * further keys between the same two relations count far less (they are usually correlated, as in a composite key). The smaller side of every join is its build side. MultiJoins holding outer joins are left
 * to Calcite's heuristic ordering.
 */
final class JoinReorder {
    /** Above this many relations, subsets are too many: joins are added greedily instead. */
    private static final int MAX_EXHAUSTIVE = 10;
    private static final double BUILD_WEIGHT = 2.0;

    private JoinReorder() {}

    static RelNode reorder(RelNode rel) {
        Cardinality estimates = new Cardinality(rel.getCluster().getMetadataQuery());
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof MultiJoin multiJoin && innerOnly(multiJoin)) {
                    return new JoinReorder.Search(multiJoin, estimates).plan();
                }
                return visited;
            }
        });
    }

    private static boolean innerOnly(MultiJoin multiJoin) {
        int inputs = multiJoin.getInputs().size();
        if (multiJoin.isFullOuterJoin() || inputs < 2 || inputs > Integer.SIZE - 2) {
            return false;
        }
        for (int i = 0; i < multiJoin.getInputs().size(); i++) {
            if (multiJoin.getJoinTypes().get(i) != JoinRelType.INNER || multiJoin.getOuterJoinConditions().get(i) != null) {
                return false;
            }
        }
        return true;
    }

    /** One conjunct of the join filter: the relations it references and the fraction of rows it keeps. */
    private record Conjunct(RexNode condition, int factors, double selectivity) {}

    /** The best plan found for a set of relations. */
    private record Best(double cost, int left, int right) {}

    private static final class Search {
        private final MultiJoin multiJoin;
        private final Cardinality estimates;
        private final RexBuilder rexBuilder;
        private final List<RelNode> inputs;
        private final int[] fieldStart;
        private final int[] fieldFactor;
        private final double[] rows;
        private final List<Conjunct> conjuncts = new ArrayList<>();
        private final Map<Integer, Double> cardinality = new HashMap<>();
        private final Map<Integer, Best> best = new HashMap<>();

        Search(MultiJoin multiJoin, Cardinality estimates) {
            this.multiJoin = multiJoin;
            this.estimates = estimates;
            this.rexBuilder = multiJoin.getCluster().getRexBuilder();
            this.inputs = GroupKeySemiJoins.apply(multiJoin, estimates);
            int n = inputs.size();
            this.fieldStart = new int[n + 1];
            for (int i = 0; i < n; i++) {
                fieldStart[i + 1] = fieldStart[i] + inputs.get(i).getRowType().getFieldCount();
            }
            this.fieldFactor = new int[fieldStart[n]];
            for (int i = 0; i < n; i++) {
                Arrays.fill(fieldFactor, fieldStart[i], fieldStart[i + 1], i);
            }
            this.rows = new double[n];
            for (int i = 0; i < n; i++) {
                rows[i] = Math.max(1, estimates.rows(inputs.get(i)));
            }
            classify();
        }

        private void classify() {
            Map<Integer, List<double[]>> equiByPair = new HashMap<>();
            List<RexNode> equiConditions = new ArrayList<>();
            List<Integer> equiPairs = new ArrayList<>();
            for (RexNode condition : RelOptUtil.conjunctions(multiJoin.getJoinFilter())) {
                int factors = factorsOf(condition);
                int[] keys = equiKeys(condition);
                if (keys != null && fieldFactor[keys[0]] != fieldFactor[keys[1]]) {
                    double distinct = Math.max(distinct(keys[0]), distinct(keys[1]));
                    equiByPair.computeIfAbsent(factors, k -> new ArrayList<>()).add(new double[] {1 / Math.max(1, distinct), equiConditions.size()});
                    equiConditions.add(condition);
                    equiPairs.add(factors);
                } else {
                    conjuncts.add(new Conjunct(condition, factors, Cardinality.selectivity(condition, this::distinct)));
                }
            }
            for (List<double[]> pair : equiByPair.values()) {
                pair.sort((a, b) -> Double.compare(a[0], b[0]));
                for (int i = 0; i < pair.size(); i++) {
                    double selectivity = Cardinality.keySelectivity(pair.get(i)[0], i);
                    int index = (int) pair.get(i)[1];
                    conjuncts.add(new Conjunct(equiConditions.get(index), equiPairs.get(index), selectivity));
                }
            }
        }

        private int factorsOf(RexNode condition) {
            int factors = 0;
            for (int field : RelOptUtil.InputFinder.bits(condition)) {
                factors |= 1 << fieldFactor[field];
            }
            return factors;
        }

        /** The two fields of {@code a = b} or {@code a IS NOT DISTINCT FROM b} (casts allowed around either), or null. */
        private static int[] equiKeys(RexNode condition) {
            if (condition.getKind() != SqlKind.EQUALS && condition.getKind() != SqlKind.IS_NOT_DISTINCT_FROM) {
                return null;
            }
            List<RexNode> operands = ((RexCall) condition).getOperands();
            RexNode left = RexUtil.removeCast(operands.get(0));
            RexNode right = RexUtil.removeCast(operands.get(1));
            if (left instanceof RexInputRef a && right instanceof RexInputRef b) {
                return new int[] {a.getIndex(), b.getIndex()};
            }
            return null;
        }

        private double distinct(int field) {
            int factor = fieldFactor[field];
            return estimates.distinct(inputs.get(factor), field - fieldStart[factor]);
        }

        private double cardinality(int set) {
            return cardinality.computeIfAbsent(set, s -> {
                double result = 1;
                for (int i = 0; i < rows.length; i++) {
                    if ((s & (1 << i)) != 0) {
                        result *= rows[i];
                    }
                }
                for (Conjunct conjunct : conjuncts) {
                    if ((conjunct.factors() & ~s) == 0 && Integer.bitCount(conjunct.factors()) > 1) {
                        result *= conjunct.selectivity();
                    }
                }
                return Math.max(1, result);
            });
        }

        private boolean connected(int left, int right) {
            for (Conjunct conjunct : conjuncts) {
                int factors = conjunct.factors();
                if ((factors & left) != 0 && (factors & right) != 0 && (factors & ~(left | right)) == 0) {
                    return true;
                }
            }
            return false;
        }

        RelNode plan() {
            int n = inputs.size();
            int all = (1 << n) - 1;
            for (int i = 0; i < n; i++) {
                best.put(1 << i, new Best(0, -1, -1));
            }
            if (n <= MAX_EXHAUSTIVE) {
                exhaustive(all, false);
                if (!best.containsKey(all)) {
                    exhaustive(all, true);
                }
            } else {
                greedy(all);
            }
            return build(all);
        }

        /** Every subset in increasing size; with {@code crossProducts}, also splits no condition connects. */
        private void exhaustive(int all, boolean crossProducts) {
            for (int set = 1; set <= all; set++) {
                if (Integer.bitCount(set) < 2 || (!crossProducts && best.containsKey(set))) {
                    continue;
                }
                Best found = crossProducts ? best.get(set) : null;
                // each unordered split once: the part holding the lowest relation is the "left" candidate
                int lowest = Integer.lowestOneBit(set);
                for (int left = (set - 1) & set; left > 0; left = (left - 1) & set) {
                    if ((left & lowest) == 0) {
                        continue;
                    }
                    int right = set & ~left;
                    Best leftBest = best.get(left);
                    Best rightBest = best.get(right);
                    if (leftBest == null || rightBest == null || (!crossProducts && !connected(left, right))) {
                        continue;
                    }
                    Best candidate = join(left, right, leftBest, rightBest, set);
                    if (found == null || candidate.cost() < found.cost()) {
                        found = candidate;
                    }
                }
                if (found != null) {
                    best.put(set, found);
                }
            }
        }

        /** Starts from the largest relation and adds the relation whose join is cheapest, connected ones first. */
        private void greedy(int all) {
            int n = inputs.size();
            int current = 0;
            for (int i = 0; i < n; i++) {
                if (current == 0 || rows[i] > rows[Integer.numberOfTrailingZeros(current)]) {
                    current = 1 << i;
                }
            }
            while (current != all) {
                Best chosen = null;
                int chosenSet = 0;
                for (boolean crossProducts : new boolean[] {false, true}) {
                    for (int i = 0; i < n; i++) {
                        int next = 1 << i;
                        if ((current & next) != 0 || (!crossProducts && !connected(current, next))) {
                            continue;
                        }
                        Best candidate = join(current, next, best.get(current), best.get(next), current | next);
                        if (chosen == null || candidate.cost() < chosen.cost()) {
                            chosen = candidate;
                            chosenSet = current | next;
                        }
                    }
                    if (chosen != null) {
                        break;
                    }
                }
                best.put(chosenSet, chosen);
                current = chosenSet;
            }
        }

        /** The join of two parts: the larger one probes, the smaller one is built into a hash table. */
        private Best join(int a, int b, Best aBest, Best bBest, int set) {
            double aRows = cardinality(a);
            double bRows = cardinality(b);
            int probe = aRows >= bRows ? a : b;
            int build = probe == a ? b : a;
            double cost = aBest.cost() + bBest.cost() + cardinality(probe) + BUILD_WEIGHT * cardinality(build) + cardinality(set);
            return new Best(cost, probe, build);
        }

        /** Builds the chosen tree, restores the MultiJoin's field order, then applies its post-join filter. */
        private RelNode build(int all) {
            List<Integer> order = new ArrayList<>();
            RelNode tree = build(all, order);
            int[] position = positions(order);
            List<RexNode> projections = new ArrayList<>();
            for (int field = 0; field < fieldFactor.length; field++) {
                projections.add(rexBuilder.makeInputRef(tree, position[field]));
            }
            RelNode result = LogicalProject.create(tree, List.of(), projections, multiJoin.getRowType().getFieldNames(), Set.of());
            RexNode postFilter = multiJoin.getPostJoinFilter();
            if (postFilter != null) {
                result = LogicalFilter.create(result, postFilter);
            }
            return result;
        }

        private RelNode build(int set, List<Integer> order) {
            Best plan = best.get(set);
            if (plan.left() < 0) {
                int factor = Integer.numberOfTrailingZeros(set);
                order.add(factor);
                return withLocalConditions(factor);
            }
            // each side lays out its own relations from field 0; the join puts the right side's after the left's
            List<Integer> leftOrder = new ArrayList<>();
            List<Integer> rightOrder = new ArrayList<>();
            RelNode left = build(plan.left(), leftOrder);
            RelNode right = build(plan.right(), rightOrder);
            order.addAll(leftOrder);
            order.addAll(rightOrder);
            int[] position = positions(order);
            List<RexNode> conditions = new ArrayList<>();
            for (Conjunct conjunct : conjuncts) {
                int factors = conjunct.factors();
                boolean inside = (factors & ~set) == 0 && Integer.bitCount(factors) > 1;
                if (inside && (factors & ~plan.left()) != 0 && (factors & ~plan.right()) != 0) {
                    conditions.add(remap(conjunct.condition(), position));
                }
            }
            return LogicalJoin.create(left, right, List.of(), RexUtil.composeConjunction(rexBuilder, conditions), Set.of(), JoinRelType.INNER);
        }

        /** A relation with the conditions that concern it alone (or no relation at all). */
        private RelNode withLocalConditions(int factor) {
            List<RexNode> local = new ArrayList<>();
            int[] position = new int[fieldFactor.length];
            for (int field = fieldStart[factor]; field < fieldStart[factor + 1]; field++) {
                position[field] = field - fieldStart[factor];
            }
            for (Conjunct conjunct : conjuncts) {
                int factors = conjunct.factors();
                boolean own = factors == 1 << factor || (factors == 0 && factor == 0);
                if (own) {
                    local.add(remap(conjunct.condition(), position));
                }
            }
            RelNode input = inputs.get(factor);
            return local.isEmpty() ? input : LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, local));
        }

        /** Where each MultiJoin field lands when the relations are laid out in {@code order}. */
        private int[] positions(List<Integer> order) {
            int[] position = new int[fieldFactor.length];
            int next = 0;
            for (int factor : order) {
                for (int field = fieldStart[factor]; field < fieldStart[factor + 1]; field++) {
                    position[field] = next++;
                }
            }
            return position;
        }

        private RexNode remap(RexNode condition, int[] position) {
            return condition.accept(new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return new RexInputRef(position[ref.getIndex()], ref.getType());
                }
            });
        }
    }
}
