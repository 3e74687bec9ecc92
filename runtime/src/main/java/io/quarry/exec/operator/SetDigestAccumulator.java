package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.Murmur3Hash64;
import io.quarry.exec.function.SetDigestSketch;
import java.util.Arrays;

/**
 * {@code make_set_digest(x)} and {@code merge_set_digest(d)}: a {@link SetDigestSketch} per group, carried between
 * steps and returned in its serialised form (NULL for a group without values). Values are hashed as Trino does:
 * the MurmurHash3 of a value held as a long (integers, dates, short decimals' unscaled values) or of its bytes.
 */
final class SetDigestAccumulator implements Accumulator {
    private final boolean mergesDigests;
    private SetDigestSketch[] digests = new SetDigestSketch[0];
    private long digestBytes;

    SetDigestAccumulator(boolean mergesDigests) {
        this.mergesDigests = mergesDigests;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (digests.length < groupCount) {
            digests = Arrays.copyOf(digests, Math.max(groupCount, digests.length * 2));
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        if (mergesDigests) {
            addIntermediate(groupIds, arguments, count);
            return;
        }
        Block block = EncodedBlocks.flatten(arguments[0]);
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            SetDigestSketch digest = digests[groupIds[i]];
            if (digest == null) {
                digest = SetDigestSketch.create();
                digests[groupIds[i]] = digest;
                digestBytes += digest.sizeInBytes();
            }
            long hash = block instanceof VariableWidthBlock bytes
                    ? Murmur3Hash64.hash(bytes.rawData(), bytes.offset(i), bytes.length(i))
                    : Murmur3Hash64.hash(((LongBlock) block).getLong(i));
            long before = digest.sizeInBytes();
            digest.addHash(hash);
            digestBytes += digest.sizeInBytes() - before;
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] states, int count) {
        VariableWidthBlock block = (VariableWidthBlock) EncodedBlocks.flatten(states[0]);
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            SetDigestSketch input = SetDigestSketch.deserialize(block.rawData(), block.offset(i), block.length(i));
            SetDigestSketch digest = digests[groupIds[i]];
            if (digest == null) {
                digests[groupIds[i]] = input;
                digestBytes += input.sizeInBytes();
            } else {
                long before = digest.sizeInBytes();
                digest.mergeWith(input);
                digestBytes += digest.sizeInBytes() - before;
            }
        }
    }

    @Override
    public void writeIntermediate(int group, BlockBuilder[] out) {
        writeFinal(group, out[0]);
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        SetDigestSketch digest = group < digests.length ? digests[group] : null;
        if (digest == null) {
            out.appendNull();
        } else {
            out.appendBytes(digest.serialize());
        }
    }

    @Override
    public long sizeInBytes() {
        return 8L * digests.length + digestBytes;
    }
}
