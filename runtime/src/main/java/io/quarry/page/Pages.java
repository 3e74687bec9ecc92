package io.quarry.page;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.DoubleBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.Type;
import java.util.List;

/** The size of a page worth building, and the joining of small pages into one. */
public final class Pages {
    /** Most rows in a page built from others. */
    public static final int MAX_ROWS = 8192;
    /** Roughly the most bytes in a page built from others. */
    public static final long MAX_BYTES = 1 << 20;

    private Pages() {}

    /** Concatenates pages of the same types; encoded blocks are decoded. */
    public static Page concat(List<Type> types, List<Page> pages) {
        if (pages.size() == 1) {
            return pages.get(0);
        }
        if (pages.isEmpty()) {
            Block[] blocks = new Block[types.size()];
            for (int channel = 0; channel < blocks.length; channel++) {
                blocks[channel] = BlockBuilder.create(types.get(channel), 0).build();
            }
            return new Page(0, blocks);
        }
        int rows = pages.stream().mapToInt(Page::positionCount).sum();
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = concat(types.get(channel), pages, channel, rows);
        }
        return new Page(rows, blocks);
    }

    /** One channel of the pages as one block: flat blocks by array copies, any other value by value. */
    private static Block concat(Type type, List<Page> pages, int channel, int rows) {
        if (allOf(LongBlock.class, pages, channel)) {
            long[] values = new long[rows];
            int at = 0;
            for (Page page : pages) {
                LongBlock block = (LongBlock) page.block(channel);
                System.arraycopy(block.rawValues(), 0, values, at, block.positionCount());
                at += block.positionCount();
            }
            return new LongBlock(rows, concatNulls(pages, channel, rows), values);
        }
        if (allOf(DoubleBlock.class, pages, channel)) {
            double[] values = new double[rows];
            int at = 0;
            for (Page page : pages) {
                DoubleBlock block = (DoubleBlock) page.block(channel);
                System.arraycopy(block.rawValues(), 0, values, at, block.positionCount());
                at += block.positionCount();
            }
            return new DoubleBlock(rows, concatNulls(pages, channel, rows), values);
        }
        long bytes = 0;
        if (allOf(VariableWidthBlock.class, pages, channel)) {
            for (Page page : pages) {
                VariableWidthBlock block = (VariableWidthBlock) page.block(channel);
                bytes += block.offset(block.positionCount()) - block.offset(0);
            }
        }
        // more text than one array holds goes value by value, to fail there as any other too large block does
        if (allOf(VariableWidthBlock.class, pages, channel) && bytes <= Integer.MAX_VALUE) {
            int[] offsets = new int[rows + 1];
            byte[] data = new byte[(int) bytes];
            int at = 0;
            int dataAt = 0;
            for (Page page : pages) {
                VariableWidthBlock block = (VariableWidthBlock) page.block(channel);
                int[] blockOffsets = block.rawOffsets();
                int start = blockOffsets[0];
                int count = block.positionCount();
                System.arraycopy(block.rawData(), start, data, dataAt, blockOffsets[count] - start);
                for (int i = 1; i <= count; i++) {
                    offsets[at + i] = dataAt + blockOffsets[i] - start;
                }
                at += count;
                dataAt += blockOffsets[count] - start;
            }
            return new VariableWidthBlock(rows, concatNulls(pages, channel, rows), offsets, data);
        }
        BlockBuilder builder = BlockBuilder.create(type, rows);
        for (Page page : pages) {
            Block block = EncodedBlocks.flatten(page.block(channel));
            for (int position = 0; position < page.positionCount(); position++) {
                builder.append(block, position);
            }
        }
        return builder.build();
    }

    private static boolean allOf(Class<? extends Block> kind, List<Page> pages, int channel) {
        for (Page page : pages) {
            if (page.block(channel).getClass() != kind) {
                return false;
            }
        }
        return true;
    }

    /** The null masks of one channel of flat blocks, or null when no value is null. */
    private static boolean[] concatNulls(List<Page> pages, int channel, int rows) {
        boolean[] nulls = null;
        int at = 0;
        for (Page page : pages) {
            Block block = page.block(channel);
            if (block.mayHaveNull()) {
                if (nulls == null) {
                    nulls = new boolean[rows];
                }
                for (int i = 0; i < block.positionCount(); i++) {
                    nulls[at + i] = block.isNull(i);
                }
            }
            at += block.positionCount();
        }
        return nulls;
    }
}
