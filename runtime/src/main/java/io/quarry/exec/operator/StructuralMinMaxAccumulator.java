package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code min(x)} / {@code max(x)} of arrays and rows: element by element (field by field), a shorter array before
 * its extensions. The intermediate state is the value itself.
 */
final class StructuralMinMaxAccumulator implements Accumulator {
    private final Type type;
    private final boolean max;
    private final List<Object> values = new ArrayList<>();
    private long bytes;

    StructuralMinMaxAccumulator(Type type, boolean max) {
        this.type = type;
        this.max = max;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        while (values.size() < groupCount) {
            values.add(null);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block block = arguments[0];
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            Object value = Values.toObject(type, block, i);
            Object current = values.get(groupIds[i]);
            int order = current == null ? 0 : SortedValues.compareObjects(value, current);
            if (current == null || (max ? order > 0 : order < 0)) {
                values.set(groupIds[i], value);
                bytes += 64;
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
        out.appendObject(values.get(group));
    }

    @Override
    public long sizeInBytes() {
        return 8L * values.size() + bytes;
    }
}
