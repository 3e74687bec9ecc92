package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.type.Type;

/**
 * {@code min(x)} / {@code max(x)} of arrays and rows: element by element (field by field), a shorter array before
 * its extensions; a NULL element reached on the way fails, as in Trino. The intermediate state is the value itself.
 */
final class StructuralMinMaxAccumulator implements Accumulator {
    private final boolean max;
    private final GroupValues values;

    StructuralMinMaxAccumulator(Type type, boolean max) {
        this.max = max;
        this.values = new GroupValues(type);
    }

    @Override
    public void ensureCapacity(int groupCount) {
        values.ensureCapacity(groupCount);
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block block = arguments[0];
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            int group = groupIds[i];
            if (values.isNull(group) || (max ? values.compare(block, i, group) > 0 : values.compare(block, i, group) < 0)) {
                values.set(group, block, i);
            }
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
        values.write(group, out);
    }

    @Override
    public long sizeInBytes() {
        return values.sizeInBytes();
    }
}
