package io.quarry.spi;

import io.quarry.page.Page;

/**
 * Writes pages of one write into a connector, on the node where it runs. The data stays invisible until
 * the coordinator commits the write with {@link ConnectorMetadata#finishWrite}. Used by one driver at a
 * time; either {@link #finish()} or {@link #abort()} ends it.
 */
public interface PageSink {
    /**
     * Adds a page whose channels are the target's columns, in order.
     *
     * @throws QuarryException e.g. when the connector's storage limit would be exceeded
     */
    void appendPage(Page page);

    /** Ends the write on this node; the result goes to the coordinator's commit. */
    WrittenFragment finish();

    /** Drops whatever this sink wrote; idempotent, also after {@link #finish()} of a write that failed elsewhere. */
    void abort();
}
