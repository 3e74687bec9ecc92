package io.quarry.block;

import java.util.Arrays;

/** A block of {@code boolean} values. */
public final class BooleanBlock implements Block {
    private final int positionCount;
    private final boolean[] nulls;
    private final boolean[] values;

    /** Takes ownership of the arrays; {@code nulls} may be null when no value is null. */
    public BooleanBlock(int positionCount, boolean[] nulls, boolean[] values) {
        if (values.length < positionCount) {
            throw new IllegalArgumentException("values shorter than the position count");
        }
        Nulls.checkLength(nulls, positionCount);
        this.positionCount = positionCount;
        this.nulls = nulls;
        this.values = values;
    }

    public boolean getBoolean(int position) {
        return values[position];
    }

    /** The backing array, for tight loops; do not modify it. */
    public boolean[] rawValues() {
        return values;
    }

    /** The null mask, or null when no value is null; do not modify it. */
    public boolean[] rawNulls() {
        return nulls;
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
        return 32L + (long) values.length * 1 + Nulls.size(nulls);
    }

    @Override
    public BooleanBlock copyPositions(int[] positions, int count) {
        boolean[] result = new boolean[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new BooleanBlock(count, Nulls.copyPositions(nulls, positions, count), result);
    }

    @Override
    public BooleanBlock region(int offset, int length) {
        return new BooleanBlock(length, Nulls.region(nulls, offset, length), Arrays.copyOfRange(values, offset, offset + length));
    }
}
