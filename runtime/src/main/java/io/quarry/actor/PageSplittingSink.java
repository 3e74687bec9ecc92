package io.quarry.actor;

import io.quarry.exec.OutputSink;
import io.quarry.page.Page;
import java.util.concurrent.CompletableFuture;

/**
 * Cuts pages larger than {@link #MAX_PAGE_BYTES} into smaller ones before they are buffered, so that
 * every reply to a consumer on another node fits in one Artery frame whatever the operators produce.
 */
final class PageSplittingSink implements OutputSink {
    static final long MAX_PAGE_BYTES = 128 * 1024;

    private final OutputSink delegate;

    PageSplittingSink(OutputSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void enqueue(int partition, Page page) {
        long size = page.sizeInBytes();
        if (size <= MAX_PAGE_BYTES || page.positionCount() <= 1) {
            delegate.enqueue(partition, page);
            return;
        }
        int pieces = (int) Math.min(page.positionCount(), (size + MAX_PAGE_BYTES - 1) / MAX_PAGE_BYTES);
        int rowsPerPiece = (page.positionCount() + pieces - 1) / pieces;
        for (int offset = 0; offset < page.positionCount(); offset += rowsPerPiece) {
            delegate.enqueue(partition, page.region(offset, Math.min(rowsPerPiece, page.positionCount() - offset)));
        }
    }

    @Override
    public CompletableFuture<Void> isFull() {
        return delegate.isFull();
    }

    @Override
    public void setNoMorePages() {
        delegate.setNoMorePages();
    }

    @Override
    public void abort() {
        delegate.abort();
    }

    @Override
    public long bufferedBytes() {
        return delegate.bufferedBytes();
    }
}
