package io.quarry.block;

import java.util.Arrays;

/** A block of {@code long} values (every integer type, date, short decimal). */
public final class LongBlock implements Block {
    private final int positionCount;
    private final boolean[] nulls;
    private final long[] values;

    /** Takes ownership of the arrays; {@code nulls} may be null when no value is null. */
    public LongBlock(int positionCount, boolean[] nulls, long[] values) {
        if (values.length < positionCount) {
            throw new IllegalArgumentException("values shorter than the position count");
        }
        Nulls.checkLength(nulls, positionCount);
        this.positionCount = positionCount;
        this.nulls = nulls;
        this.values = values;
    }

    public long getLong(int position) {
        return values[position];
    }

    /** The backing array, for tight loops; do not modify it. */
    public long[] rawValues() {
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
        return 32L + (long) values.length * 8 + Nulls.size(nulls);
    }

    @Override
    public LongBlock copyPositions(int[] positions, int count) {
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new LongBlock(count, Nulls.copyPositions(nulls, positions, count), result);
    }

    @Override
    public LongBlock region(int offset, int length) {
        return new LongBlock(length, Nulls.region(nulls, offset, length), Arrays.copyOfRange(values, offset, offset + length));
    }
}
