package io.quarry.block;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A block of byte strings (varchar as UTF-8, char, varbinary): one byte array and
 * {@code positionCount + 1} offsets into it.
 */
public final class VariableWidthBlock implements Block {
    private final int positionCount;
    private final boolean[] nulls;
    private final int[] offsets;
    private final byte[] data;

    /** Takes ownership of the arrays; value {@code i} is {@code data[offsets[i] .. offsets[i + 1])}. */
    public VariableWidthBlock(int positionCount, boolean[] nulls, int[] offsets, byte[] data) {
        if (offsets.length < positionCount + 1) {
            throw new IllegalArgumentException("offsets shorter than the position count + 1");
        }
        Nulls.checkLength(nulls, positionCount);
        this.positionCount = positionCount;
        this.nulls = nulls;
        this.offsets = offsets;
        this.data = data;
    }

    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    public int offset(int position) {
        return offsets[position];
    }

    /** The backing bytes, for tight loops; do not modify them. */
    public byte[] rawData() {
        return data;
    }

    public int[] rawOffsets() {
        return offsets;
    }

    public byte[] getBytes(int position) {
        return Arrays.copyOfRange(data, offsets[position], offsets[position + 1]);
    }

    public String getString(int position) {
        return new String(data, offsets[position], length(position), StandardCharsets.UTF_8);
    }

    /** Whether the value at {@code position} equals {@code other[otherOffset .. otherOffset + otherLength)}. */
    public boolean equalsBytes(int position, byte[] other, int otherOffset, int otherLength) {
        int start = offsets[position];
        return Arrays.equals(data, start, offsets[position + 1], other, otherOffset, otherOffset + otherLength);
    }

    /** Unsigned lexicographic comparison of two values: the order of UTF-8 bytes is the order of code points. */
    public int compare(int position, VariableWidthBlock other, int otherPosition) {
        return Arrays.compareUnsigned(
                data, offsets[position], offsets[position + 1],
                other.data, other.offsets[otherPosition], other.offsets[otherPosition + 1]);
    }

    public int hash(int position) {
        int hash = 1;
        for (int i = offsets[position]; i < offsets[position + 1]; i++) {
            hash = 31 * hash + data[i];
        }
        return hash;
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
        return 48L + data.length + 4L * offsets.length + Nulls.size(nulls);
    }

    @Override
    public VariableWidthBlock copyPositions(int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += length(positions[i]);
        }
        byte[] newData = new byte[total];
        int[] newOffsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            int length = length(position);
            System.arraycopy(data, offsets[position], newData, at, length);
            at += length;
            newOffsets[i + 1] = at;
        }
        return new VariableWidthBlock(count, Nulls.copyPositions(nulls, positions, count), newOffsets, newData);
    }

    @Override
    public VariableWidthBlock region(int offset, int length) {
        int start = offsets[offset];
        int end = offsets[offset + length];
        int[] newOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            newOffsets[i] = offsets[offset + i] - start;
        }
        return new VariableWidthBlock(
                length, Nulls.region(nulls, offset, length), newOffsets, Arrays.copyOfRange(data, start, end));
    }
}
