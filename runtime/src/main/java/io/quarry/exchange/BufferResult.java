package io.quarry.exchange;

import io.quarry.page.Page;
import java.util.List;

/**
 * The answer to a read of a client buffer: the pages from sequence number {@code token} up to (excluding)
 * {@code nextToken}. {@code bufferComplete}: no more pages will ever come for this buffer and the consumer
 * has them all once it has these. {@code aborted}: the producing task failed or was cancelled, so the
 * buffer ended without its data (never a normal end); always with {@code bufferComplete}.
 */
public record BufferResult(long token, long nextToken, List<Page> pages, boolean bufferComplete, boolean aborted) {
    public BufferResult {
        pages = List.copyOf(pages);
        if (token < 0 || nextToken != token + pages.size()) {
            throw new IllegalArgumentException("next token must be token + page count: " + token + ", " + nextToken);
        }
        if (aborted && !bufferComplete) {
            throw new IllegalArgumentException("an aborted result is complete");
        }
    }

    static BufferResult empty(long token, boolean bufferComplete) {
        return new BufferResult(token, token, List.of(), bufferComplete, false);
    }

    static BufferResult aborted(long token) {
        return new BufferResult(token, token, List.of(), true, true);
    }
}
