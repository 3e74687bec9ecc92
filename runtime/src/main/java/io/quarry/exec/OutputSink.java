package io.quarry.exec;

import io.quarry.page.Page;
import java.util.concurrent.CompletableFuture;

/**
 * Where a task's drivers put their output pages: one partition per consumer. Implementations are
 * thread-safe; drivers check {@link #isFull()} and yield until it completes.
 */
public interface OutputSink {
    void enqueue(int partition, Page page);

    /** Completed when there is room. */
    CompletableFuture<Void> isFull();

    void setNoMorePages();

    void abort();
}
