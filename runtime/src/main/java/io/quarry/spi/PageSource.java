package io.quarry.spi;

import io.quarry.page.Page;

/** Reads the pages of one split. Used by one driver at a time; not thread-safe. */
public interface PageSource extends AutoCloseable {
    /** The next page, or null when none is ready now (check {@link #isFinished()}). */
    Page nextPage();

    boolean isFinished();

    /** Rows produced so far. */
    long completedPositions();

    /** Bytes produced so far (in-memory size of the pages). */
    long completedBytes();

    @Override
    default void close() {}
}
