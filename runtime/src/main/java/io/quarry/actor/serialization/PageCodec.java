package io.quarry.actor.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.quarry.page.Page;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of pages as bytes, in {@link PageSerializer}'s encoding after a format byte and a page count: the body
 * of the HTTP task results route ({@value #CONTENT_TYPE}). Thread-safe.
 */
public final class PageCodec {
    public static final String CONTENT_TYPE = "application/x-quarry-pages";

    private static final byte FORMAT_VERSION = 1;

    private PageCodec() {}

    public static byte[] encode(List<Page> pages) {
        long estimate = 16;
        for (Page page : pages) {
            estimate += page.sizeInBytes();
        }
        Output output = new Output((int) Math.min(estimate, 1 << 20), -1);
        output.writeByte(FORMAT_VERSION);
        output.writeVarInt(pages.size(), true);
        for (Page page : pages) {
            PageSerializer.writePage(output, page);
        }
        return output.toBytes();
    }

    /** The pages of {@code bytes}; malformed input is {@link ErrorCode#CORRUPT_PAGE}. */
    public static List<Page> decode(byte[] bytes) {
        try {
            Input input = new Input(bytes);
            byte version = input.readByte();
            if (version != FORMAT_VERSION) {
                throw new QuarryException(ErrorCode.CORRUPT_PAGE, "Unknown page format version " + version);
            }
            int count = input.readVarInt(true);
            List<Page> pages = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                pages.add(PageSerializer.readPage(input));
            }
            if (input.position() != bytes.length) {
                throw new QuarryException(ErrorCode.CORRUPT_PAGE, "Trailing bytes after " + count + " pages");
            }
            return pages;
        } catch (KryoException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new QuarryException(ErrorCode.CORRUPT_PAGE, "Corrupt page data: " + e.getMessage(), e);
        }
    }
}
