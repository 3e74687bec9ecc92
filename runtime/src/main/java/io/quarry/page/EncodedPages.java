package io.quarry.page;

import io.quarry.block.Block;
import io.quarry.block.EncodedBlocks;

/** Pages whose blocks may be dictionary or run-length encoded, made flat for code that reads flat blocks only. */
public final class EncodedPages {
    private EncodedPages() {}

    public static boolean hasEncodedBlock(Page page) {
        for (int channel = 0; channel < page.channelCount(); channel++) {
            if (EncodedBlocks.isEncoded(page.block(channel))) {
                return true;
            }
        }
        return false;
    }

    /** The page itself when every block is flat, else a page with each encoded block decoded. */
    public static Page flatten(Page page) {
        if (!hasEncodedBlock(page)) {
            return page;
        }
        Block[] blocks = new Block[page.channelCount()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = EncodedBlocks.flatten(page.block(channel));
        }
        return new Page(page.positionCount(), blocks);
    }
}
