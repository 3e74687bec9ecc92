package io.quarry.exec;

import io.quarry.exec.operator.Operator;
import io.quarry.exec.operator.OperatorStats;
import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * While a fragment is planned into pipelines, knows which plan node is being planned, and tags each operator factory
 * added meanwhile with that node's id ({@link PlanNodeIds}) and its order of addition, so that the operators' figures
 * can be summed per plan node (EXPLAIN ANALYZE). Operators a node plans for itself (e.g. the local exchange before a
 * final aggregation) belong to that node. Used by one planner.
 */
final class OperatorPlacements {
    private final Map<PlanNode, Integer> ids;
    private int current = OperatorStats.UNPLACED;
    private int nextSequence;

    OperatorPlacements(PlanNode root) {
        this.ids = PlanNodeIds.assign(root);
    }

    /** Planning {@code node} starts; returns what {@link #exit} restores. */
    int enter(PlanNode node) {
        int outer = current;
        Integer id = ids.get(node);
        if (id != null) {
            current = id;
        }
        return outer;
    }

    void exit(int outer) {
        current = outer;
    }

    /** The task's output operator: part of the root when the root is the query's Output, of no node otherwise. */
    void enterTaskOutput(PlanNode root) {
        current = root instanceof Output ? 0 : OperatorStats.UNPLACED;
    }

    Factories newFactories() {
        return new Factories();
    }

    /** A pipeline's operator factories with the placement of each. */
    final class Factories extends ArrayList<Supplier<Operator>> {
        private static final long serialVersionUID = 1L;
        private final List<Integer> planNodeIds = new ArrayList<>();
        private final List<Integer> sequences = new ArrayList<>();

        @Override
        public boolean add(Supplier<Operator> factory) {
            planNodeIds.add(current);
            sequences.add(nextSequence++);
            return super.add(factory);
        }

        /** Creates the operator of factory {@code index}, placed. */
        Operator create(int index) {
            Operator operator = get(index).get();
            operator.stats().place(planNodeIds.get(index), sequences.get(index));
            return operator;
        }
    }
}
