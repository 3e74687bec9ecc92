package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Arrays;

/**
 * {@code single_value(x)}: the value of a scalar sub-query, which must produce at most one row per group
 * (NULL for none); a second row fails the query with {@code SUBQUERY_MULTIPLE_ROWS}, as in Trino. Keeps a
 * reference to the block holding each group's value (blocks are immutable).
 */
final class SingleValueAccumulator implements Accumulator {
    private Block[] blocks = new Block[0];
    private int[] positions = new int[0];

    @Override
    public void ensureCapacity(int groupCount) {
        if (groupCount > blocks.length) {
            int capacity = Math.max(groupCount, blocks.length * 2);
            blocks = Arrays.copyOf(blocks, capacity);
            positions = Arrays.copyOf(positions, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block values = arguments[0];
        for (int row = 0; row < count; row++) {
            int group = groupIds[row];
            if (blocks[group] != null) {
                throw new QuarryException(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "Scalar sub-query has returned multiple rows");
            }
            blocks[group] = values;
            positions[group] = row;
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] states, int count) {
        addInput(groupIds, states, count);
    }

    @Override
    public void writeIntermediate(int group, BlockBuilder[] out) {
        writeFinal(group, out[0]);
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        if (blocks[group] == null) {
            out.appendNull();
        } else {
            out.append(blocks[group], positions[group]);
        }
    }

    @Override
    public long sizeInBytes() {
        return 12L * blocks.length;
    }
}
