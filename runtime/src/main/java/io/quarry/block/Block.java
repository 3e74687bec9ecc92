package io.quarry.block;

/**
 * One column of a {@link io.quarry.page.Page}: values over primitive arrays plus an optional null mask.
 * Blocks are immutable once built and may be shared between operators and threads.
 */
public sealed interface Block
        permits LongBlock, DoubleBlock, BooleanBlock, VariableWidthBlock, Int128Block,
                ArrayBlock, MapBlock, RowBlock,
                DictionaryBlock, RunLengthBlock {
    int positionCount();

    boolean isNull(int position);

    /** False when no position is null, so kernels can skip the null checks. */
    boolean mayHaveNull();

    /** Retained size, used for memory accounting and page size limits. */
    long sizeInBytes();

    /** A new block with the values at {@code positions[0..count)}, in that order. */
    Block copyPositions(int[] positions, int count);

    /** A new block with the values of {@code [offset, offset + length)}. */
    Block region(int offset, int length);
}
