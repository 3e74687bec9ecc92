package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.RowBlock;
import io.quarry.block.VariableWidthBlock;

/**
 * Stable hashes of values: the same on every node and JVM (no identity hashes), nulls hash to a constant.
 * Used by the group-by hash table and, with a different final mix, by hash partitioning.
 */
public final class Hashing {
    private static final long NULL_HASH = 0x2545F4914F6CDD1DL;

    private Hashing() {}

    public static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long combine(long previous, long value) {
        return previous * 31 + value;
    }

    /** Folds the hash of each value of the block's first {@code count} positions into {@code hashes}. */
    public static void hashColumn(Block block, long[] hashes, int count) {
        if (block instanceof LongBlock longs) {
            long[] values = longs.rawValues();
            for (int i = 0; i < count; i++) {
                hashes[i] = combine(hashes[i], longs.isNull(i) ? NULL_HASH : mix(values[i]));
            }
        } else if (block instanceof DoubleBlock doubles) {
            double[] values = doubles.rawValues();
            for (int i = 0; i < count; i++) {
                hashes[i] = combine(hashes[i], doubles.isNull(i) ? NULL_HASH : mix(doubleBits(values[i])));
            }
        } else if (block instanceof BooleanBlock booleans) {
            boolean[] values = booleans.rawValues();
            for (int i = 0; i < count; i++) {
                hashes[i] = combine(hashes[i], booleans.isNull(i) ? NULL_HASH : values[i] ? 1231 : 1237);
            }
        } else if (block instanceof Int128Block int128) {
            for (int i = 0; i < count; i++) {
                hashes[i] = combine(hashes[i], int128.isNull(i)
                        ? NULL_HASH
                        : mix(int128.getHigh(i) * 31 + mix(int128.getLow(i))));
            }
        } else if (block instanceof ArrayBlock || block instanceof RowBlock) {
            for (int i = 0; i < count; i++) {
                hashes[i] = combine(hashes[i], hashPosition(block, i));
            }
        } else {
            VariableWidthBlock strings = (VariableWidthBlock) block;
            byte[] data = strings.rawData();
            int[] offsets = strings.rawOffsets();
            for (int i = 0; i < count; i++) {
                hashes[i] = combine(hashes[i], strings.isNull(i) ? NULL_HASH : hashBytes(data, offsets[i], offsets[i + 1]));
            }
        }
    }

    /** The same value for equal doubles: -0.0 as 0.0, every NaN alike. */
    public static long doubleBits(double value) {
        return value == 0 ? 0 : Double.doubleToLongBits(value);
    }

    public static long hashBytes(byte[] data, int start, int end) {
        long h = 0x9E3779B97F4A7C15L ^ (end - start);
        int i = start;
        for (; i + 8 <= end; i += 8) {
            long word = (data[i] & 0xFFL) | (data[i + 1] & 0xFFL) << 8 | (data[i + 2] & 0xFFL) << 16
                    | (data[i + 3] & 0xFFL) << 24 | (data[i + 4] & 0xFFL) << 32 | (data[i + 5] & 0xFFL) << 40
                    | (data[i + 6] & 0xFFL) << 48 | (data[i + 7] & 0xFFL) << 56;
            h = (h ^ mix(word)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < end; i++) {
            h = (h ^ (data[i] & 0xFF)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** The hash of one value of any block but a map's: arrays and rows part by part (GROUP BY an array). */
    static long hashPosition(Block block, int position) {
        if (block.isNull(position)) {
            return NULL_HASH;
        }
        if (block instanceof LongBlock longs) {
            return mix(longs.getLong(position));
        }
        if (block instanceof DoubleBlock doubles) {
            return mix(doubleBits(doubles.getDouble(position)));
        }
        if (block instanceof BooleanBlock booleans) {
            return booleans.getBoolean(position) ? 1231 : 1237;
        }
        if (block instanceof Int128Block int128) {
            return mix(int128.getHigh(position) * 31 + mix(int128.getLow(position)));
        }
        if (block instanceof ArrayBlock arrays) {
            long hash = 17;
            for (int e = arrays.offset(position), end = e + arrays.length(position); e < end; e++) {
                hash = combine(hash, hashPosition(arrays.elements(), e));
            }
            return mix(hash);
        }
        if (block instanceof RowBlock rows) {
            long hash = 19;
            for (int field = 0; field < rows.fieldCount(); field++) {
                hash = combine(hash, hashPosition(rows.field(field), position));
            }
            return mix(hash);
        }
        VariableWidthBlock strings = (VariableWidthBlock) block;
        return hashBytes(strings.rawData(), strings.offset(position), strings.offset(position) + strings.length(position));
    }

    /** Hashes of the rows of the given key columns. */
    public static long[] hashRows(Block[] keys, int count) {
        long[] hashes = new long[count];
        for (Block key : keys) {
            hashColumn(key, hashes, count);
        }
        return hashes;
    }

    /** The partition of a row hash among {@code partitionCount} consumers. */
    public static int partition(long rowHash, int partitionCount) {
        return (int) Math.floorMod(mix(rowHash ^ 0x7A3B5C1D9E2F4A6BL), (long) partitionCount);
    }
}
