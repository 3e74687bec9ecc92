package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.MergeableSketch;
import java.util.Arrays;

/**
 * One sketch per group: built from each value's hash, or (merging) from sketches in their serialised form, which
 * is also what travels between steps and what a group gives (NULL without values). Subclasses say how a sketch is
 * made, read and how a value is hashed.
 */
abstract class SketchAccumulator<S extends MergeableSketch<S>> implements Accumulator {
    private final boolean mergesSketches;
    private Object[] sketches = new Object[0];
    private long sketchBytes;

    SketchAccumulator(boolean mergesSketches) {
        this.mergesSketches = mergesSketches;
    }

    abstract S create();

    abstract S deserialize(byte[] data, int offset, int length);

    /** The hash of a (non-null) value of the input. */
    abstract long hash(Block block, int position);

    @Override
    public final void ensureCapacity(int groupCount) {
        if (sketches.length < groupCount) {
            sketches = Arrays.copyOf(sketches, Math.max(groupCount, sketches.length * 2));
        }
    }

    @Override
    public final void addInput(int[] groupIds, Block[] arguments, int count) {
        if (mergesSketches) {
            addIntermediate(groupIds, arguments, count);
            return;
        }
        Block block = EncodedBlocks.flatten(arguments[0]);
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            S sketch = sketch(groupIds[i]);
            if (sketch == null) {
                sketch = create();
                sketches[groupIds[i]] = sketch;
                sketchBytes += sketch.sizeInBytes();
            }
            long before = sketch.sizeInBytes();
            sketch.addHash(hash(block, i));
            sketchBytes += sketch.sizeInBytes() - before;
        }
    }

    @Override
    public final void addIntermediate(int[] groupIds, Block[] states, int count) {
        VariableWidthBlock block = (VariableWidthBlock) EncodedBlocks.flatten(states[0]);
        byte[] data = block.rawData();
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            S input = deserialize(data, block.offset(i), block.length(i));
            S sketch = sketch(groupIds[i]);
            if (sketch == null) {
                sketches[groupIds[i]] = input;
                sketchBytes += input.sizeInBytes();
            } else {
                long before = sketch.sizeInBytes();
                sketch.mergeWith(input);
                sketchBytes += sketch.sizeInBytes() - before;
            }
        }
    }

    @Override
    public final void writeIntermediate(int group, BlockBuilder[] out) {
        writeFinal(group, out[0]);
    }

    @Override
    public final void writeFinal(int group, BlockBuilder out) {
        S sketch = group < sketches.length ? sketch(group) : null;
        if (sketch == null) {
            out.appendNull();
        } else {
            out.appendBytes(sketch.serialize());
        }
    }

    @Override
    public final long sizeInBytes() {
        return 8L * sketches.length + sketchBytes;
    }

    @SuppressWarnings("unchecked")
    private S sketch(int group) {
        return (S) sketches[group];
    }
}
