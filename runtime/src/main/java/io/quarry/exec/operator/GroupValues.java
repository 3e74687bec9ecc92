package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.Storage;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Type;
import java.util.Arrays;

/**
 * One value (or NULL) per group, of any storage, in primitive arrays: the state of max_by, min_by and
 * arbitrary. Not thread-safe.
 */
final class GroupValues {
    private final Type type;
    private final Storage storage;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private byte[][] bytes = new byte[0][];
    // arrays, maps and rows: a one-position copy per group (arbitrary of an array column)
    private Block[] structural = new Block[0];
    private boolean[] nulls = new boolean[0];
    private long bytesSize;

    GroupValues(Type type) {
        this.type = type;
        this.storage = type.storage();
    }

    void ensureCapacity(int groupCount) {
        if (nulls.length >= groupCount) {
            return;
        }
        int capacity = Math.max(groupCount, nulls.length * 2);
        int previous = nulls.length;
        nulls = Arrays.copyOf(nulls, capacity);
        Arrays.fill(nulls, previous, capacity, true);
        switch (storage) {
            case LONG, BOOLEAN -> longs = Arrays.copyOf(longs, capacity);
            case INT128 -> longs = Arrays.copyOf(longs, 2 * capacity);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
            case VARIABLE_WIDTH -> bytes = Arrays.copyOf(bytes, capacity);
            case ARRAY, MAP, ROW -> structural = Arrays.copyOf(structural, capacity);
        }
    }

    boolean isNull(int group) {
        return nulls[group];
    }

    /** Stores the value at {@code position} of {@code block} (NULL included) as the group's value. */
    void set(int group, Block block, int position) {
        if (block.isNull(position)) {
            nulls[group] = true;
            if (bytes.length > group && bytes[group] != null) {
                bytesSize -= bytes[group].length;
                bytes[group] = null;
            }
            if (structural.length > group && structural[group] != null) {
                bytesSize -= structural[group].sizeInBytes();
                structural[group] = null;
            }
            return;
        }
        nulls[group] = false;
        if (block instanceof LongBlock b) {
            longs[group] = b.getLong(position);
        } else if (block instanceof DoubleBlock b) {
            doubles[group] = b.getDouble(position);
        } else if (block instanceof BooleanBlock b) {
            longs[group] = b.getBoolean(position) ? 1 : 0;
        } else if (block instanceof Int128Block b) {
            longs[2 * group] = b.getHigh(position);
            longs[2 * group + 1] = b.getLow(position);
        } else if (!(block instanceof VariableWidthBlock)) {
            Block old = structural[group];
            structural[group] = block.copyPositions(new int[] {position}, 1);
            bytesSize += structural[group].sizeInBytes() - (old == null ? 0 : old.sizeInBytes());
        } else {
            VariableWidthBlock b = (VariableWidthBlock) block;
            byte[] old = bytes[group];
            bytes[group] = b.getBytes(position);
            bytesSize += bytes[group].length - (old == null ? 0 : old.length);
        }
    }

    /** Compares the non-null value at {@code position} with the group's non-null value. */
    int compare(Block block, int position, int group) {
        if (block instanceof LongBlock b) {
            return Long.compare(b.getLong(position), longs[group]);
        }
        if (block instanceof DoubleBlock b) {
            return Double.compare(b.getDouble(position) + 0.0, doubles[group] + 0.0);
        }
        if (block instanceof BooleanBlock b) {
            return Long.compare(b.getBoolean(position) ? 1 : 0, longs[group]);
        }
        if (block instanceof Int128Block b) {
            return TemporalTypes.compareTwoLongs(type, b.getHigh(position), b.getLow(position), longs[2 * group], longs[2 * group + 1]);
        }
        if (!(block instanceof VariableWidthBlock b)) {
            // arrays and rows: element by element, failing on a NULL element reached as Trino does
            return StructuralKeys.compare(type, block, position, structural[group], 0);
        }
        byte[] current = bytes[group];
        return Arrays.compareUnsigned(b.rawData(), b.offset(position), b.offset(position) + b.length(position), current, 0, current.length);
    }

    void write(int group, BlockBuilder out) {
        if (nulls[group]) {
            out.appendNull();
            return;
        }
        switch (storage) {
            case LONG -> out.appendLong(longs[group]);
            case BOOLEAN -> out.appendBoolean(longs[group] != 0);
            case INT128 -> out.appendInt128(longs[2 * group], longs[2 * group + 1]);
            case DOUBLE -> out.appendDouble(doubles[group]);
            case VARIABLE_WIDTH -> out.appendBytes(bytes[group]);
            case ARRAY, MAP, ROW -> out.append(structural[group], 0);
        }
    }

    long sizeInBytes() {
        return nulls.length + 8L * longs.length + 8L * doubles.length + 8L * bytes.length + 8L * structural.length + bytesSize;
    }
}
