package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;

/**
 * The state of one aggregate function for every group, in arrays indexed by group id. Raw input comes in
 * SINGLE and PARTIAL; intermediate states (laid out as {@link io.quarry.plan.AggregateSignatures} says) in
 * FINAL. Not thread-safe.
 */
interface Accumulator {
    void ensureCapacity(int groupCount);

    /** Adds raw argument values (no arguments for count(*)) of {@code count} rows. */
    void addInput(int[] groupIds, Block[] arguments, int count);

    /** Merges intermediate states of {@code count} rows. */
    void addIntermediate(int[] groupIds, Block[] states, int count);

    /** Appends the intermediate state of a group, one value per intermediate channel. */
    void writeIntermediate(int group, BlockBuilder[] out);

    void writeFinal(int group, BlockBuilder out);

    long sizeInBytes();
}
