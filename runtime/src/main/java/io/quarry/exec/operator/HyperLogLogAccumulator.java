package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.HyperLogLogSketch;
import io.quarry.exec.function.Murmur3;
import io.quarry.type.DecimalType;
import io.quarry.type.Type;

/**
 * {@code approx_set(x)} and {@code merge(hll)}: a {@link HyperLogLogSketch} per group, carried between steps and
 * returned in its serialised form (NULL for a group without values). approx_set hashes as Trino does: integers
 * as bigint and the other numbers as double, by the MurmurHash3 of their 8 bytes (a double's bits), strings by
 * that of their UTF-8 bytes; its sketches have 4096 buckets.
 */
final class HyperLogLogAccumulator extends SketchAccumulator<HyperLogLogSketch> {
    private static final int BUCKETS = 4096;

    private final Type inputType;

    private HyperLogLogAccumulator(Type inputType, boolean mergesSketches) {
        super(mergesSketches);
        this.inputType = inputType;
    }

    static HyperLogLogAccumulator approxSet(Type inputType) {
        return new HyperLogLogAccumulator(inputType, false);
    }

    static HyperLogLogAccumulator merge(Type inputType) {
        return new HyperLogLogAccumulator(inputType, true);
    }

    @Override
    HyperLogLogSketch create() {
        return HyperLogLogSketch.create(BUCKETS);
    }

    @Override
    HyperLogLogSketch deserialize(byte[] data, int offset, int length) {
        return HyperLogLogSketch.deserialize(data, offset, length);
    }

    @Override
    long hash(Block block, int position) {
        if (block instanceof LongBlock longs && !(inputType instanceof DecimalType)) {
            return Murmur3.hash64(longs.getLong(position));
        }
        if (block instanceof DoubleBlock doubles) {
            return Murmur3.hash64(Double.doubleToLongBits(doubles.getDouble(position)));
        }
        if (block instanceof VariableWidthBlock strings) {
            return Murmur3.hash64(strings.rawData(), strings.offset(position), strings.length(position));
        }
        // decimals, which approx_set takes as double
        return Murmur3.hash64(Double.doubleToLongBits(ExtendedAccumulators.doubleValue(block, inputType, position)));
    }
}
