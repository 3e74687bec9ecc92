package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.Murmur3;
import io.quarry.exec.function.SetDigestSketch;

/**
 * {@code make_set_digest(x)} and {@code merge_set_digest(d)}: a {@link SetDigestSketch} per group, carried between
 * steps and returned in its serialised form (NULL for a group without values). Values are hashed as Trino does:
 * the MurmurHash3 of a value held as a long (integers, dates, short decimals' unscaled values) or of its bytes.
 */
final class SetDigestAccumulator extends SketchAccumulator<SetDigestSketch> {
    SetDigestAccumulator(boolean mergesDigests) {
        super(mergesDigests);
    }

    @Override
    SetDigestSketch create() {
        return SetDigestSketch.create();
    }

    @Override
    SetDigestSketch deserialize(byte[] data, int offset, int length) {
        return SetDigestSketch.deserialize(data, offset, length);
    }

    @Override
    long hash(Block block, int position) {
        return block instanceof VariableWidthBlock bytes
                ? Murmur3.hash64(bytes.rawData(), bytes.offset(position), bytes.length(position))
                : Murmur3.hash64(((LongBlock) block).getLong(position));
    }
}
