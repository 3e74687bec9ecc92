package io.quarry.page;

import io.quarry.block.Block;
import java.util.Arrays;

/**
 * A batch of rows in columnar form: a position count and one {@link Block} per column. Immutable; passed
 * by reference inside one JVM and serialised by Quarry's page serializer between nodes.
 */
public final class Page {
    private final int positionCount;
    private final Block[] blocks;

    public Page(int positionCount, Block... blocks) {
        for (Block block : blocks) {
            if (block.positionCount() != positionCount) {
                throw new IllegalArgumentException(
                        "block has " + block.positionCount() + " positions, page has " + positionCount);
            }
        }
        this.positionCount = positionCount;
        this.blocks = blocks.clone();
    }

    /** A page of one or more blocks that all have the same position count. */
    public static Page of(Block... blocks) {
        if (blocks.length == 0) {
            throw new IllegalArgumentException("a page without blocks needs an explicit position count");
        }
        return new Page(blocks[0].positionCount(), blocks);
    }

    public int positionCount() {
        return positionCount;
    }

    public int channelCount() {
        return blocks.length;
    }

    public Block block(int channel) {
        return blocks[channel];
    }

    public Block[] blocks() {
        return blocks.clone();
    }

    public long sizeInBytes() {
        long size = 16;
        for (Block block : blocks) {
            size += block.sizeInBytes();
        }
        return size;
    }

    /** The rows at {@code positions[0..count)}. */
    public Page copyPositions(int[] positions, int count) {
        Block[] result = new Block[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            result[i] = blocks[i].copyPositions(positions, count);
        }
        return new Page(count, result);
    }

    public Page region(int offset, int length) {
        Block[] result = new Block[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            result[i] = blocks[i].region(offset, length);
        }
        return new Page(length, result);
    }

    /** The given channels, in that order. */
    public Page project(int... channels) {
        Block[] result = new Block[channels.length];
        for (int i = 0; i < channels.length; i++) {
            result[i] = blocks[channels[i]];
        }
        return new Page(positionCount, result);
    }

    public Page appendColumn(Block block) {
        Block[] result = Arrays.copyOf(blocks, blocks.length + 1);
        result[blocks.length] = block;
        return new Page(positionCount, result);
    }
}
