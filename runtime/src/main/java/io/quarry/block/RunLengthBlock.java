package io.quarry.block;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;

/**
 * One value repeated {@code positionCount} times, kept as a flat block of one position (a constant column).
 * Operators receive it flat unless they opt in (see {@link EncodedBlocks}).
 */
public final class RunLengthBlock implements Block {
    private final Block value;
    private final int positionCount;

    /** {@code value} is a flat block of exactly one position. */
    public RunLengthBlock(Block value, int positionCount) {
        requireNonNull(value, "value is null");
        if (value.positionCount() != 1 || EncodedBlocks.isEncoded(value)) {
            throw new IllegalArgumentException("the value of a run-length block is a flat block of one position");
        }
        if (positionCount < 0) {
            throw new IllegalArgumentException("negative position count");
        }
        this.value = value;
        this.positionCount = positionCount;
    }

    /** NULL of {@code type}, {@code positionCount} times. */
    public static RunLengthBlock nullsOf(Type type, int positionCount) {
        return new RunLengthBlock(BlockBuilder.create(type, 1).appendNull().build(), positionCount);
    }

    /** The repeated value: a flat block of one position. */
    public Block value() {
        return value;
    }

    /** The same values as one flat block. */
    public Block flatten() {
        return value.copyPositions(new int[positionCount], positionCount);
    }

    @Override
    public int positionCount() {
        return positionCount;
    }

    @Override
    public boolean isNull(int position) {
        return value.isNull(0);
    }

    @Override
    public boolean mayHaveNull() {
        return value.isNull(0);
    }

    @Override
    public long sizeInBytes() {
        return 16L + value.sizeInBytes();
    }

    @Override
    public RunLengthBlock copyPositions(int[] positions, int count) {
        return new RunLengthBlock(value, count);
    }

    @Override
    public RunLengthBlock region(int offset, int length) {
        return new RunLengthBlock(value, length);
    }
}
