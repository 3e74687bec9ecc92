package io.quarry.exec.operator;

import io.quarry.page.Page;
import java.util.concurrent.CompletableFuture;

/**
 * One step of a pipeline. A driver pushes pages in with {@link #addInput} while {@link #needsInput} and
 * pulls them out with {@link #getOutput}; {@link #finish} says no more input will come. Used by one driver
 * thread at a time; {@link #stats()} may be read from any thread.
 */
public interface Operator extends AutoCloseable {
    CompletableFuture<Void> NOT_BLOCKED = CompletableFuture.completedFuture(null);

    boolean needsInput();

    void addInput(Page page);

    /** The next output page, or null when none is ready. */
    Page getOutput();

    /** No more input; idempotent. */
    void finish();

    boolean isFinished();

    /** Completed (normally {@link #NOT_BLOCKED}) unless the operator waits for something outside the driver. */
    default CompletableFuture<Void> isBlocked() {
        return NOT_BLOCKED;
    }

    OperatorStats stats();

    /**
     * Whether {@link #addInput} takes dictionary and run-length blocks as they are. False by default: the driver
     * then hands this operator flat blocks only, so its kernels may cast blocks to their flat classes.
     */
    default boolean acceptsEncodedBlocks() {
        return false;
    }

    /** Releases resources; called once, also after failures and cancellation. */
    @Override
    default void close() {}
}
