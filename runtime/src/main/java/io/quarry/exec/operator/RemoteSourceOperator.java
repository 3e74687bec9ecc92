package io.quarry.exec.operator;

import io.quarry.exec.RemoteSourceBuffer;
import io.quarry.page.Page;
import java.util.concurrent.CompletableFuture;

/**
 * Takes pages from a {@link RemoteSourceBuffer}: the pages of upstream tasks, or of another pipeline of the
 * same task (a local exchange, whose rows are not counted again as task input).
 */
public final class RemoteSourceOperator implements Operator {
    private final RemoteSourceBuffer buffer;
    private final boolean local;
    private final OperatorStats stats;

    public RemoteSourceOperator(RemoteSourceBuffer buffer, boolean local) {
        this.buffer = buffer;
        this.local = local;
        this.stats = new OperatorStats(local ? "LocalExchangeSource" : "RemoteSource");
    }

    /** Whether this reads a local exchange rather than another task's output. */
    public boolean isLocal() {
        return local;
    }

    @Override
    public boolean needsInput() {
        return false;
    }

    @Override
    public void addInput(Page page) {
        throw new UnsupportedOperationException("a remote source takes no input");
    }

    @Override
    public Page getOutput() {
        Page page = buffer.poll();
        if (page != null) {
            stats.recordInput(page);
            stats.recordOutput(page);
        }
        return page;
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        return buffer.isBlocked();
    }

    @Override
    public void finish() {}

    @Override
    public boolean isFinished() {
        return buffer.isFinished();
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
