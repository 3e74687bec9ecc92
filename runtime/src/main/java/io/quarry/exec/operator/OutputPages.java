package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.type.Type;
import java.util.List;

/** Page size limits and helpers to cut or join pages. */
public final class OutputPages {
    /** Most rows in a page an operator builds. */
    public static final int MAX_ROWS = 8192;
    /** Roughly the most bytes in a page an operator builds. */
    public static final long MAX_BYTES = 1 << 20;

    private OutputPages() {}

    /** Rows per page for pages of about {@code bytesPerRow}. */
    public static int rowsPerPage(long bytesPerRow) {
        return (int) Math.max(1, Math.min(MAX_ROWS, MAX_BYTES / Math.max(1, bytesPerRow)));
    }

    /** Concatenates pages of the same types. */
    public static Page concat(List<Type> types, List<Page> pages) {
        if (pages.size() == 1) {
            return pages.get(0);
        }
        int rows = pages.stream().mapToInt(Page::positionCount).sum();
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            BlockBuilder builder = BlockBuilder.create(types.get(channel), rows);
            for (Page page : pages) {
                Block block = page.block(channel);
                for (int position = 0; position < page.positionCount(); position++) {
                    builder.append(block, position);
                }
            }
            blocks[channel] = builder.build();
        }
        return new Page(rows, blocks);
    }
}
