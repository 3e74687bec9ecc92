package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;

/**
 * An aggregate that runs in a single step, all its rows in one place: it has no intermediate state to send between
 * nodes, and the planner never splits it into partial and final steps.
 */
interface SingleStepAccumulator extends Accumulator {
    /** The aggregate's name, for the error should a plan ask for its intermediate state. */
    String functionName();

    @Override
    default void addIntermediate(int[] groupIds, Block[] states, int count) {
        throw new IllegalStateException(functionName() + " runs in a single step");
    }

    @Override
    default void writeIntermediate(int group, BlockBuilder[] out) {
        writeFinal(group, out[0]);
    }
}
