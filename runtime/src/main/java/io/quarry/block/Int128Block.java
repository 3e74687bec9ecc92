package io.quarry.block;

import java.math.BigInteger;
import java.util.Arrays;

/** A block of 128-bit integers (the unscaled values of long decimals): two longs per position, high then low. */
public final class Int128Block implements Block {
    private final int positionCount;
    private final boolean[] nulls;
    private final long[] values;

    /** Takes ownership of the arrays; {@code values} holds {@code 2 * positionCount} longs. */
    public Int128Block(int positionCount, boolean[] nulls, long[] values) {
        if (values.length < 2 * positionCount) {
            throw new IllegalArgumentException("values shorter than twice the position count");
        }
        Nulls.checkLength(nulls, positionCount);
        this.positionCount = positionCount;
        this.nulls = nulls;
        this.values = values;
    }

    public long getHigh(int position) {
        return values[2 * position];
    }

    public long getLow(int position) {
        return values[2 * position + 1];
    }

    public BigInteger getBigInteger(int position) {
        return Int128.toBigInteger(getHigh(position), getLow(position));
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
        return 32L + 8L * values.length + Nulls.size(nulls);
    }

    @Override
    public Int128Block copyPositions(int[] positions, int count) {
        long[] result = new long[2 * count];
        for (int i = 0; i < count; i++) {
            result[2 * i] = values[2 * positions[i]];
            result[2 * i + 1] = values[2 * positions[i] + 1];
        }
        return new Int128Block(count, Nulls.copyPositions(nulls, positions, count), result);
    }

    @Override
    public Int128Block region(int offset, int length) {
        return new Int128Block(
                length, Nulls.region(nulls, offset, length), Arrays.copyOfRange(values, 2 * offset, 2 * (offset + length)));
    }
}
