package io.quarry.block;

import static java.util.Objects.requireNonNull;

/**
 * A block of arrays: array {@code i} is the elements {@code [offsets[i], offsets[i + 1])} of one element
 * block. A null array has an empty range.
 */
public final class ArrayBlock implements Block {
    private final int positionCount;
    private final boolean[] nulls;
    private final int[] offsets;
    private final Block elements;

    /** Takes ownership of the arrays; {@code nulls} may be null when no array is null. */
    public ArrayBlock(int positionCount, boolean[] nulls, int[] offsets, Block elements) {
        requireNonNull(elements, "elements is null");
        if (offsets.length < positionCount + 1) {
            throw new IllegalArgumentException("offsets shorter than the position count + 1");
        }
        if (offsets[positionCount] > elements.positionCount()) {
            throw new IllegalArgumentException("offsets reach past the element block");
        }
        Nulls.checkLength(nulls, positionCount);
        this.positionCount = positionCount;
        this.nulls = nulls;
        this.offsets = offsets;
        this.elements = elements;
    }

    /** The index of the first element of array {@code position} in {@link #elements()}. */
    public int offset(int position) {
        return offsets[position];
    }

    /** The number of elements of array {@code position} (0 for a null array). */
    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    /** The elements of all arrays, in order; do not assume it starts at the first array's elements. */
    public Block elements() {
        return elements;
    }

    /** The offsets array ({@code positionCount + 1} entries used); do not modify it. */
    public int[] rawOffsets() {
        return offsets;
    }

    /** The null mask, or null when no array is null; do not modify it. */
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
        return 48L + 4L * offsets.length + Nulls.size(nulls) + elements.sizeInBytes();
    }

    @Override
    public ArrayBlock copyPositions(int[] positions, int count) {
        int[] newOffsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            newOffsets[i + 1] = newOffsets[i] + length(positions[i]);
        }
        int[] elementPositions = new int[newOffsets[count]];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int start = offsets[positions[i]];
            int end = offsets[positions[i] + 1];
            for (int e = start; e < end; e++) {
                elementPositions[at++] = e;
            }
        }
        return new ArrayBlock(count, Nulls.copyPositions(nulls, positions, count), newOffsets,
                elements.copyPositions(elementPositions, at));
    }

    @Override
    public ArrayBlock region(int offset, int length) {
        int start = offsets[offset];
        int[] newOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            newOffsets[i] = offsets[offset + i] - start;
        }
        return new ArrayBlock(length, Nulls.region(nulls, offset, length), newOffsets,
                elements.region(start, newOffsets[length]));
    }
}
