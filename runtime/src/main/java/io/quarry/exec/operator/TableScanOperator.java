package io.quarry.exec.operator;

import io.quarry.exec.SplitQueue;
import io.quarry.exec.dynamicfilter.ScanDynamicFilters;
import io.quarry.page.Page;
import io.quarry.spi.PageSource;
import io.quarry.spi.Split;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads the splits it takes from the task's shared {@link SplitQueue}, one page source at a time, and drops the
 * rows the scan's dynamic filters (if any have arrived) say no join can match: its input counts the rows read,
 * its output the rows kept.
 */
public final class TableScanOperator implements Operator {
    private final SplitQueue splits;
    private final Function<Split, PageSource> pageSources;
    private final ScanDynamicFilters dynamicFilters;
    private final OperatorStats stats = new OperatorStats("TableScan");
    private PageSource current;
    private long currentRows;
    private long currentBytes;
    private boolean finished;
    private CompletableFuture<Void> blocked = NOT_BLOCKED;

    public TableScanOperator(SplitQueue splits, Function<Split, PageSource> pageSources) {
        this(splits, pageSources, null);
    }

    /** {@code dynamicFilters} may be null: the scan then keeps every row. */
    public TableScanOperator(SplitQueue splits, Function<Split, PageSource> pageSources, ScanDynamicFilters dynamicFilters) {
        this.splits = splits;
        this.pageSources = pageSources;
        this.dynamicFilters = dynamicFilters;
    }

    @Override
    public boolean needsInput() {
        return false;
    }

    @Override
    public void addInput(Page page) {
        throw new UnsupportedOperationException("a table scan takes no input");
    }

    @Override
    public Page getOutput() {
        if (finished) {
            return null;
        }
        if (current == null && dynamicFilters != null && !dynamicFilters.whenReady().isDone()) {
            // the filters of partitioned joins are on their way: reading before them would read in vain
            blocked = dynamicFilters.whenReady();
            return null;
        }
        if (current == null) {
            Split split = splits.poll();
            if (split == null) {
                if (splits.isFinished()) {
                    finished = true;
                } else {
                    blocked = splits.whenAvailable();
                }
                return null;
            }
            current = pageSources.apply(split);
            currentRows = 0;
            currentBytes = 0;
        }
        Page page = current.nextPage();
        if (page != null) {
            stats.recordInput(page);
            if (dynamicFilters != null) {
                Page kept = dynamicFilters.apply(page);
                if (kept != page) {
                    stats.recordDynamicFilterPruned(page.positionCount() - kept.positionCount());
                    // an empty page still counts as progress for the driver, which passes it on to no one
                    page = kept;
                }
            }
            stats.recordOutput(page);
        }
        if (current.isFinished()) {
            closeCurrent();
            splits.splitCompleted();
        }
        return page;
    }

    private void closeCurrent() {
        PageSource source = current;
        current = null;
        source.close();
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        if (!blocked.isDone()) {
            return blocked;
        }
        return NOT_BLOCKED;
    }

    @Override
    public void finish() {}

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (current != null) {
            closeCurrent();
        }
        finished = true;
    }
}
