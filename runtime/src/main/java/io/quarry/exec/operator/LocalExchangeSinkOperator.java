package io.quarry.exec.operator;

import io.quarry.exec.RemoteSourceBuffer;
import io.quarry.page.Page;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end of a parallel pipeline that feeds a single-driver one inside the same task: pages go into a shared
 * bounded buffer; the last of the producers to finish closes it.
 */
public final class LocalExchangeSinkOperator implements Operator {
    private final RemoteSourceBuffer buffer;
    private final AtomicInteger activeProducers;
    private final OperatorStats stats = new OperatorStats("LocalExchangeSink");
    private boolean finished;

    public LocalExchangeSinkOperator(RemoteSourceBuffer buffer, AtomicInteger activeProducers) {
        this.buffer = buffer;
        this.activeProducers = activeProducers;
    }

    @Override
    public boolean needsInput() {
        return !finished && !buffer.isFull();
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        stats.recordOutput(page);
        buffer.addPages(List.of(page));
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return finished ? NOT_BLOCKED : buffer.whenNotFull();
    }

    @Override
    public Page getOutput() {
        return null;
    }

    @Override
    public void finish() {
        if (!finished) {
            finished = true;
            if (activeProducers.decrementAndGet() == 0) {
                buffer.noMorePages();
            }
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
