package io.quarry.exec;

import io.quarry.page.Page;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Pages arriving from upstream tasks for one remote source (also used between the pipelines of one task).
 * Thread-safe and bounded: {@link #addPages} always accepts, {@link #isFull} tells the producer to stop
 * pulling until {@link #whenNotFull} completes.
 */
public final class RemoteSourceBuffer {
    private final long maxBufferedBytes;
    private final ArrayDeque<Page> pages = new ArrayDeque<>();
    private long bufferedBytes;
    private long heldBytes;
    private boolean noMorePages;
    private CompletableFuture<Void> notEmpty = new CompletableFuture<>();
    private CompletableFuture<Void> notFull = CompletableFuture.completedFuture(null);
    private long receivedPages;
    private long receivedRows;
    private long receivedBytes;

    public RemoteSourceBuffer(long maxBufferedBytes) {
        if (maxBufferedBytes <= 0) {
            throw new IllegalArgumentException("maxBufferedBytes must be positive");
        }
        this.maxBufferedBytes = maxBufferedBytes;
    }

    public void addPages(List<Page> newPages) {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            if (noMorePages) {
                // a late delivery after the end (e.g. a retried request) is dropped
                return;
            }
            for (Page page : newPages) {
                long size = page.sizeInBytes();
                pages.add(page);
                bufferedBytes += size;
                receivedPages++;
                receivedRows += page.positionCount();
                receivedBytes += size;
            }
            if (bufferedBytes >= maxBufferedBytes && notFull.isDone()) {
                notFull = new CompletableFuture<>();
            }
            toComplete = pages.isEmpty() ? null : notEmpty;
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    public void noMorePages() {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            noMorePages = true;
            toComplete = notEmpty;
        }
        toComplete.complete(null);
    }

    /** Drops the buffered pages and any that arrive later: the reader has stopped for good. */
    public void discard() {
        CompletableFuture<Void> toComplete;
        CompletableFuture<Void> notFullToComplete;
        synchronized (this) {
            noMorePages = true;
            pages.clear();
            bufferedBytes = 0;
            toComplete = notEmpty;
            notFullToComplete = notFull;
        }
        toComplete.complete(null);
        notFullToComplete.complete(null);
    }

    public synchronized boolean isFull() {
        return bufferedBytes >= maxBufferedBytes;
    }

    public synchronized CompletableFuture<Void> whenNotFull() {
        return notFull;
    }

    /** The next page, or null when none is buffered. */
    public Page poll() {
        CompletableFuture<Void> toComplete = null;
        Page page;
        synchronized (this) {
            page = pages.poll();
            if (page != null) {
                bufferedBytes -= page.sizeInBytes();
                if (bufferedBytes < maxBufferedBytes && !notFull.isDone()) {
                    toComplete = notFull;
                }
            }
            if (pages.isEmpty() && !noMorePages && notEmpty.isDone()) {
                notEmpty = new CompletableFuture<>();
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
        return page;
    }

    /** No more pages will come and all were taken. */
    public synchronized boolean isFinished() {
        return noMorePages && pages.isEmpty();
    }

    /** Completed when a page is available or the end is known. */
    public synchronized CompletableFuture<Void> isBlocked() {
        if (!pages.isEmpty() || noMorePages) {
            return io.quarry.exec.operator.Operator.NOT_BLOCKED;
        }
        return notEmpty;
    }

    /** Pages in the buffer, and pages received but not yet added (see {@link #hold}). */
    public synchronized long bufferedBytes() {
        return bufferedBytes + heldBytes;
    }

    /**
     * Counts {@code bytes} of pages the receiver keeps aside until their producer's output is complete (a query
     * that re-runs lost tasks); negative when it adds or drops them. They count in {@link #bufferedBytes()}, not
     * against the limit, since the receiver cannot stop halfway through a producer's output.
     */
    public synchronized void hold(long bytes) {
        heldBytes += bytes;
    }

    public synchronized long receivedRows() {
        return receivedRows;
    }

    public synchronized long receivedBytes() {
        return receivedBytes;
    }

    public synchronized long receivedPages() {
        return receivedPages;
    }
}
