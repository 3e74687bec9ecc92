package io.quarry.block;

/**
 * The one place that turns encoded blocks ({@link DictionaryBlock}, {@link RunLengthBlock}) into flat ones.
 * Everything that casts blocks to their flat classes reads them through here or behind the driver's guard.
 */
public final class EncodedBlocks {
    private EncodedBlocks() {}

    public static boolean isEncoded(Block block) {
        return block instanceof DictionaryBlock || block instanceof RunLengthBlock;
    }

    /** The block itself when flat, else its values as a new flat block. */
    public static Block flatten(Block block) {
        if (block instanceof DictionaryBlock dictionary) {
            return dictionary.flatten();
        }
        if (block instanceof RunLengthBlock runLength) {
            return runLength.flatten();
        }
        return block;
    }

    /** The flat block that holds the value of {@code position}: the dictionary, the run's value, or the block itself. */
    public static Block valueBlock(Block block) {
        if (block instanceof DictionaryBlock dictionary) {
            return dictionary.dictionary();
        }
        if (block instanceof RunLengthBlock runLength) {
            return runLength.value();
        }
        return block;
    }

    /** The position of {@code position}'s value in {@link #valueBlock}. */
    public static int valuePosition(Block block, int position) {
        if (block instanceof DictionaryBlock dictionary) {
            return dictionary.id(position);
        }
        if (block instanceof RunLengthBlock) {
            return 0;
        }
        return position;
    }
}
