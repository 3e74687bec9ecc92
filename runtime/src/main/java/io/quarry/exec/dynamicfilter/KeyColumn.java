package io.quarry.exec.dynamicfilter;

import io.quarry.block.Block;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.operator.Hashing;

/**
 * The filter keys of a flat block's values, as primitive longs: a range key, whose order is the order of the values
 * (or coarser), and a set key, equal for values the join finds equal. Long values are both keys; a double's keys are
 * its bits turned into a long of the same order (-0.0 as 0.0, every NaN alike and above infinity, as the join
 * compares them); a string's range key is its first eight bytes read as an unsigned big-endian number (equal
 * prefixes, so never out of order) and its set key a 64-bit hash of all its bytes (a collision only keeps a row).
 * {@code nulls} is null when no position is NULL.
 */
record KeyColumn(long[] rangeKeys, long[] setKeys, boolean[] nulls) {
    /** The keys of every position of {@code block}, or null when the block does not have the layout of {@code keyType}. */
    static KeyColumn of(Block block, DynamicFilterSummary.KeyType keyType) {
        return switch (keyType) {
            case LONG -> block instanceof LongBlock longs
                    ? new KeyColumn(longs.rawValues(), longs.rawValues(), longs.mayHaveNull() ? longs.rawNulls() : null)
                    : null;
            case DOUBLE -> block instanceof DoubleBlock doubles ? doubles(doubles) : null;
            case VARIABLE_WIDTH -> block instanceof VariableWidthBlock strings ? strings(strings) : null;
        };
    }

    private static KeyColumn doubles(DoubleBlock block) {
        double[] values = block.rawValues();
        int count = block.positionCount();
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = doubleKey(values[i]);
        }
        return new KeyColumn(keys, keys, block.mayHaveNull() ? block.rawNulls() : null);
    }

    private static KeyColumn strings(VariableWidthBlock block) {
        byte[] data = block.rawData();
        int[] offsets = block.rawOffsets();
        int count = block.positionCount();
        long[] prefixes = new long[count];
        long[] hashes = new long[count];
        boolean[] nulls = block.mayHaveNull() ? new boolean[count] : null;
        for (int i = 0; i < count; i++) {
            prefixes[i] = prefixKey(data, offsets[i], offsets[i + 1]);
            hashes[i] = Hashing.hashBytes(data, offsets[i], offsets[i + 1]);
            if (nulls != null) {
                nulls[i] = block.isNull(i);
            }
        }
        return new KeyColumn(prefixes, hashes, nulls);
    }

    boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    /** A long whose signed order is the order of the doubles, NaN above everything. */
    static long doubleKey(double value) {
        long bits = Hashing.doubleBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The double of {@link #doubleKey}. */
    static double doubleOfKey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * The first eight bytes (zero-padded) as an unsigned big-endian number, shifted into the signed order: a string
     * that sorts before another (bytewise, unsigned) never gets a greater key.
     */
    static long prefixKey(byte[] data, int start, int end) {
        long key = 0;
        for (int i = 0; i < 8; i++) {
            int at = start + i;
            key = (key << 8) | (at < end ? data[at] & 0xFFL : 0);
        }
        return key ^ Long.MIN_VALUE;
    }
}
