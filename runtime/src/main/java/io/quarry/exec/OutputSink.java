package io.quarry.exec;

import io.quarry.page.Page;
import java.util.concurrent.CompletableFuture;

/**
 * Where a task's output pages go, one queue per consumer partition; implemented by the exchange's output
 * buffer. Must be thread-safe: the drivers of a source task enqueue concurrently.
 */
public interface OutputSink {
    void enqueue(int partition, Page page);

    /** Completed when there is room; drivers stop producing while it is pending. */
    CompletableFuture<Void> isFull();

    /** Every page has been enqueued. */
    void setNoMorePages();

    /** The task failed or was cancelled: drop what is buffered. */
    void abort();

    /** The bytes of the pages buffered now, counted in the task's memory (the buffer bounds itself). */
    default long bufferedBytes() {
        return 0;
    }
}
