package io.quarry.exec;

import io.quarry.spi.Split;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The splits of a task's table scans, shared by its scan drivers. Thread-safe. */
public final class SplitQueue {
    private final ArrayDeque<Split> splits = new ArrayDeque<>();
    private boolean noMoreSplits;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private long totalSplits;
    private long runningSplits;
    private long completedSplits;

    public void addSplits(List<Split> newSplits) {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            if (noMoreSplits) {
                throw new IllegalStateException("splits added after noMoreSplits");
            }
            splits.addAll(newSplits);
            totalSplits += newSplits.size();
            toComplete = splits.isEmpty() ? null : available;
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    public void noMoreSplits() {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            noMoreSplits = true;
            toComplete = available;
        }
        toComplete.complete(null);
    }

    /** The next split, or null when none is queued now. */
    public synchronized Split poll() {
        Split split = splits.poll();
        if (split != null) {
            runningSplits++;
        } else if (!noMoreSplits && available.isDone()) {
            available = new CompletableFuture<>();
        }
        return split;
    }

    public synchronized void splitCompleted() {
        runningSplits--;
        completedSplits++;
    }

    public synchronized boolean isFinished() {
        return noMoreSplits && splits.isEmpty();
    }

    /** Completed when a split is queued or no more will come. */
    public synchronized CompletableFuture<Void> whenAvailable() {
        if (!splits.isEmpty() || noMoreSplits) {
            return io.quarry.exec.operator.Operator.NOT_BLOCKED;
        }
        return available;
    }

    public synchronized long totalSplits() {
        return totalSplits;
    }

    public synchronized long queuedSplits() {
        return splits.size();
    }

    public synchronized long runningSplits() {
        return runningSplits;
    }

    public synchronized long completedSplits() {
        return completedSplits;
    }
}
