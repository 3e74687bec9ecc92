package io.quarry.connector.memory;

import io.quarry.block.Block;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import java.util.Arrays;

/**
 * Stores low-cardinality varchar columns of a memory table as dictionary blocks: a column of a page whose distinct
 * values are at most a quarter of its rows keeps one copy of each value and an id per row. That lowers the heap a
 * table holds (flags, modes, segments, priorities) and lets filters and groupings that opt in work per value.
 */
final class DictionaryEncoder {
    /** Pages smaller than this are kept flat: the dictionary would not pay for itself. */
    static final int MIN_POSITIONS = 64;
    /** At most one distinct value per this many rows. */
    static final int ROWS_PER_DISTINCT_VALUE = 4;

    private DictionaryEncoder() {}

    /** The page with each varchar column that qualifies dictionary-encoded; the page itself when none does. */
    static Page encode(Page page) {
        if (page.positionCount() < MIN_POSITIONS) {
            return page;
        }
        Block[] blocks = null;
        for (int channel = 0; channel < page.channelCount(); channel++) {
            if (page.block(channel) instanceof VariableWidthBlock strings) {
                Block encoded = encode(strings);
                if (encoded != strings) {
                    if (blocks == null) {
                        blocks = page.blocks();
                    }
                    blocks[channel] = encoded;
                }
            }
        }
        return blocks == null ? page : new Page(page.positionCount(), blocks);
    }

    /** A dictionary block of the same values, or {@code block} itself when it has too many distinct values. */
    static Block encode(VariableWidthBlock block) {
        int positions = block.positionCount();
        int maxDistinct = positions / ROWS_PER_DISTINCT_VALUE;
        int[] table = new int[Integer.highestOneBit(Math.max(maxDistinct, 1) * 2) * 2];
        Arrays.fill(table, -1);
        int mask = table.length - 1;
        // the dictionary's entries as positions of the block: the first row with each value
        int[] firsts = new int[maxDistinct + 1];
        int[] ids = new int[positions];
        int distinct = 0;
        int nullId = -1;
        byte[] data = block.rawData();
        for (int position = 0; position < positions; position++) {
            int id;
            if (block.isNull(position)) {
                if (nullId < 0) {
                    if (distinct == maxDistinct) {
                        return block;
                    }
                    nullId = distinct;
                    firsts[distinct++] = position;
                }
                id = nullId;
            } else {
                int slot = mix(block.hash(position)) & mask;
                int offset = block.offset(position);
                int length = block.length(position);
                while (true) {
                    int candidate = table[slot];
                    if (candidate < 0) {
                        if (distinct == maxDistinct) {
                            return block;
                        }
                        id = distinct;
                        table[slot] = id;
                        firsts[distinct++] = position;
                        break;
                    }
                    int first = firsts[candidate];
                    if (!block.isNull(first) && block.equalsBytes(first, data, offset, length)) {
                        id = candidate;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            ids[position] = id;
        }
        return new DictionaryBlock(block.copyPositions(firsts, distinct), ids, positions);
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
