package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.DoubleBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.HyperLogLogSketch;
import io.quarry.exec.function.Murmur3Hash64;
import io.quarry.type.DecimalType;
import io.quarry.type.Type;
import java.util.Arrays;

/**
 * {@code approx_set(x)} and {@code merge(hll)}: a {@link HyperLogLogSketch} per group, carried between steps and
 * returned in its serialised form (NULL for a group without values). approx_set hashes as Trino does: integers
 * as bigint and the other numbers as double, by the MurmurHash3 of their 8 bytes (a double's bits), strings by
 * that of their UTF-8 bytes; its sketches have 4096 buckets.
 */
final class HyperLogLogAccumulator implements Accumulator {
    private static final int BUCKETS = 4096;

    private final Type inputType;
    private final boolean mergesSketches;
    private HyperLogLogSketch[] sketches = new HyperLogLogSketch[0];
    private long sketchBytes;

    private HyperLogLogAccumulator(Type inputType, boolean mergesSketches) {
        this.inputType = inputType;
        this.mergesSketches = mergesSketches;
    }

    static HyperLogLogAccumulator approxSet(Type inputType) {
        return new HyperLogLogAccumulator(inputType, false);
    }

    static HyperLogLogAccumulator merge(Type inputType) {
        return new HyperLogLogAccumulator(inputType, true);
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (sketches.length < groupCount) {
            sketches = Arrays.copyOf(sketches, Math.max(groupCount, sketches.length * 2));
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        if (mergesSketches) {
            addIntermediate(groupIds, arguments, count);
            return;
        }
        Block block = EncodedBlocks.flatten(arguments[0]);
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            HyperLogLogSketch sketch = sketches[groupIds[i]];
            if (sketch == null) {
                sketch = HyperLogLogSketch.create(BUCKETS);
                sketches[groupIds[i]] = sketch;
                sketchBytes += sketch.sizeInBytes();
            }
            long before = sketch.sizeInBytes();
            sketch.addHash(hash(block, i));
            sketchBytes += sketch.sizeInBytes() - before;
        }
    }

    private long hash(Block block, int position) {
        if (block instanceof LongBlock longs && !(inputType instanceof DecimalType)) {
            return Murmur3Hash64.hash(longs.getLong(position));
        }
        if (block instanceof DoubleBlock doubles) {
            return Murmur3Hash64.hash(Double.doubleToLongBits(doubles.getDouble(position)));
        }
        if (block instanceof VariableWidthBlock strings) {
            return Murmur3Hash64.hash(strings.rawData(), strings.offset(position), strings.length(position));
        }
        // decimals, which approx_set takes as double
        return Murmur3Hash64.hash(Double.doubleToLongBits(ExtendedAccumulators.doubleValue(block, inputType, position)));
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] states, int count) {
        VariableWidthBlock block = (VariableWidthBlock) EncodedBlocks.flatten(states[0]);
        byte[] data = block.rawData();
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            HyperLogLogSketch input = HyperLogLogSketch.deserialize(data, block.offset(i), block.length(i));
            HyperLogLogSketch sketch = sketches[groupIds[i]];
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
    public void writeIntermediate(int group, BlockBuilder[] out) {
        writeFinal(group, out[0]);
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        HyperLogLogSketch sketch = group < sketches.length ? sketches[group] : null;
        if (sketch == null) {
            out.appendNull();
        } else {
            out.appendBytes(sketch.serialize());
        }
    }

    @Override
    public long sizeInBytes() {
        return 8L * sketches.length + sketchBytes;
    }
}
