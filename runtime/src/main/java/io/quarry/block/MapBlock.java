package io.quarry.block;

import static java.util.Objects.requireNonNull;

/**
 * A block of maps: map {@code i} is the entries {@code [offsets[i], offsets[i + 1])} of a key block and a
 * value block of the same size. Keys are distinct within a map and never null; entries keep their order.
 */
public final class MapBlock implements Block {
    private final int positionCount;
    private final boolean[] nulls;
    private final int[] offsets;
    private final Block keys;
    private final Block values;

    /** Takes ownership of the arrays; {@code nulls} may be null when no map is null. */
    public MapBlock(int positionCount, boolean[] nulls, int[] offsets, Block keys, Block values) {
        requireNonNull(keys, "keys is null");
        requireNonNull(values, "values is null");
        if (offsets.length < positionCount + 1) {
            throw new IllegalArgumentException("offsets shorter than the position count + 1");
        }
        if (keys.positionCount() != values.positionCount()) {
            throw new IllegalArgumentException("key and value blocks differ in size");
        }
        if (offsets[positionCount] > keys.positionCount()) {
            throw new IllegalArgumentException("offsets reach past the entries");
        }
        Nulls.checkLength(nulls, positionCount);
        this.positionCount = positionCount;
        this.nulls = nulls;
        this.offsets = offsets;
        this.keys = keys;
        this.values = values;
    }

    public int offset(int position) {
        return offsets[position];
    }

    /** The number of entries of map {@code position}. */
    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    public Block keys() {
        return keys;
    }

    public Block values() {
        return values;
    }

    /** The offsets array; do not modify it. */
    public int[] rawOffsets() {
        return offsets;
    }

    @Override
    public int positionCount() {
        return positionCount;
    }

    @Override
    public boolean isNull(int position) {
        return nulls != null && nulls[position];
    }

    @Override
    public boolean mayHaveNull() {
        return nulls != null;
    }

    @Override
    public long sizeInBytes() {
        return 56L + 4L * offsets.length + Nulls.size(nulls) + keys.sizeInBytes() + values.sizeInBytes();
    }

    @Override
    public MapBlock copyPositions(int[] positions, int count) {
        int[] newOffsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            newOffsets[i + 1] = newOffsets[i] + length(positions[i]);
        }
        int[] entries = new int[newOffsets[count]];
        int at = 0;
        for (int i = 0; i < count; i++) {
            for (int e = offsets[positions[i]]; e < offsets[positions[i] + 1]; e++) {
                entries[at++] = e;
            }
        }
        return new MapBlock(count, Nulls.copyPositions(nulls, positions, count), newOffsets,
                keys.copyPositions(entries, at), values.copyPositions(entries, at));
    }

    @Override
    public MapBlock region(int offset, int length) {
        int start = offsets[offset];
        int[] newOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            newOffsets[i] = offsets[offset + i] - start;
        }
        return new MapBlock(length, Nulls.region(nulls, offset, length), newOffsets,
                keys.region(start, newOffsets[length]), values.region(start, newOffsets[length]));
    }
}
