package io.quarry.exec;

import io.quarry.page.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A test sink that keeps every page per partition and records how it was ended. */
final class CollectingOutputSink implements OutputSink {
    private final List<List<Page>> partitions = new ArrayList<>();
    volatile boolean noMorePages;
    volatile boolean aborted;
    volatile CompletableFuture<Void> full = CompletableFuture.completedFuture(null);

    CollectingOutputSink(int partitionCount) {
        for (int i = 0; i < partitionCount; i++) {
            partitions.add(new ArrayList<>());
        }
    }

    @Override
    public synchronized void enqueue(int partition, Page page) {
        partitions.get(partition).add(page);
    }

    @Override
    public CompletableFuture<Void> isFull() {
        return full;
    }

    @Override
    public void setNoMorePages() {
        noMorePages = true;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    synchronized List<Page> pages(int partition) {
        return List.copyOf(partitions.get(partition));
    }
}
