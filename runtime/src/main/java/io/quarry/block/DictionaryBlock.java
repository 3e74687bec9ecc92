package io.quarry.block;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A block whose values are positions of a flat dictionary block: value {@code i} is {@code dictionary[ids[i]]}.
 * Nulls live in the dictionary. Kernels that do not know encoded blocks never see one: operators receive
 * flat blocks unless they opt in (see {@link EncodedBlocks}).
 *
 * <p>Its size counts the dictionary: a dictionary block made by {@link #copyPositions} or {@link #region} only keeps
 * the dictionary when it has no more entries than the new block has positions, so the count is at most twice the
 * flat size and a page's size never hides a large shared dictionary.
 */
public final class DictionaryBlock implements Block {
    private final Block dictionary;
    private final int[] ids;
    private final int positionCount;

    /** Takes ownership of {@code ids}; the dictionary must be flat and every id a position of it. */
    public DictionaryBlock(Block dictionary, int[] ids, int positionCount) {
        requireNonNull(dictionary, "dictionary is null");
        requireNonNull(ids, "ids is null");
        if (EncodedBlocks.isEncoded(dictionary)) {
            throw new IllegalArgumentException("a dictionary must be a flat block");
        }
        if (ids.length < positionCount) {
            throw new IllegalArgumentException("ids shorter than the position count");
        }
        int size = dictionary.positionCount();
        for (int i = 0; i < positionCount; i++) {
            if (ids[i] < 0 || ids[i] >= size) {
                throw new IllegalArgumentException("id " + ids[i] + " outside a dictionary of " + size);
            }
        }
        this.dictionary = dictionary;
        this.ids = ids;
        this.positionCount = positionCount;
    }

    /** For ids taken from a block already checked: no second pass over them. */
    private DictionaryBlock(Block dictionary, int[] ids, int positionCount, boolean checked) {
        this.dictionary = dictionary;
        this.ids = ids;
        this.positionCount = positionCount;
    }

    /** The flat block of distinct values (it may hold values no position uses). */
    public Block dictionary() {
        return dictionary;
    }

    public int id(int position) {
        return ids[position];
    }

    /** The ids, for tight loops; only the first {@link #positionCount()} count; do not modify them. */
    public int[] rawIds() {
        return ids;
    }

    /** The same values as one flat block. */
    public Block flatten() {
        return dictionary.copyPositions(ids, positionCount);
    }

    @Override
    public int positionCount() {
        return positionCount;
    }

    @Override
    public boolean isNull(int position) {
        return dictionary.isNull(ids[position]);
    }

    @Override
    public boolean mayHaveNull() {
        return dictionary.mayHaveNull();
    }

    @Override
    public long sizeInBytes() {
        return 24L + 4L * ids.length + dictionary.sizeInBytes();
    }

    @Override
    public Block copyPositions(int[] positions, int count) {
        int[] newIds = new int[count];
        for (int i = 0; i < count; i++) {
            newIds[i] = ids[positions[i]];
        }
        return withIds(newIds, count);
    }

    @Override
    public Block region(int offset, int length) {
        return withIds(Arrays.copyOfRange(ids, offset, offset + length), length);
    }

    /** Stays encoded while the dictionary is no bigger than the block, else decodes (a few rows of a big dictionary). */
    private Block withIds(int[] newIds, int count) {
        if (dictionary.positionCount() <= count) {
            return new DictionaryBlock(dictionary, newIds, count, true);
        }
        return dictionary.copyPositions(newIds, count);
    }
}
