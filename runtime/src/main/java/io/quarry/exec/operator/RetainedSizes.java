package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;

/**
 * Cheap estimates of what values copied into an operator's or accumulator's own storage retain, for the
 * memory accounting. Growable storage holds up to twice what it uses; the estimates count what is used
 * plus half of it again, the average slack of doubling arrays.
 */
final class RetainedSizes {
    /** Bytes of a value whose storage is not known better: a reference and a small object. */
    static final int UNKNOWN_VALUE_BYTES = 16;

    private RetainedSizes() {}

    /** What the value at {@code position} takes once appended to a block builder: null flag and payload. */
    static long valueBytes(Block block, int position) {
        if (block instanceof LongBlock || block instanceof DoubleBlock) {
            return 9;
        }
        if (block instanceof BooleanBlock) {
            return 2;
        }
        if (block instanceof Int128Block) {
            return 17;
        }
        if (block instanceof VariableWidthBlock bytes) {
            // the bytes, an offset and a null flag
            return 5L + (bytes.isNull(position) ? 0 : bytes.length(position));
        }
        // arrays, maps and rows: the block's average per position (at least a small object's worth)
        int positions = block.positionCount();
        return Math.max(UNKNOWN_VALUE_BYTES, positions == 0 ? 0 : block.sizeInBytes() / positions);
    }

    /** What {@code usedBytes} of values in doubling storage retain on average. */
    static long withGrowthSlack(long usedBytes) {
        return usedBytes + usedBytes / 2;
    }
}
