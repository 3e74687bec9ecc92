package io.quarry.exec.dynamicfilter;

import io.quarry.page.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The dynamic filters of one table scan of a task, shared by its drivers: filters on scan columns arrive at any
 * time (from a join's build side in the same task or from the coordinator) and apply to the pages read from then
 * on; a page read before passes whole. A filter that drops almost nothing is switched off after a while, so a
 * useless filter costs little. Thread-safe: filters are published through a volatile copy-on-write array.
 */
public final class ScanDynamicFilters {
    /** Rows seen before judging whether the filters are worth their cost. */
    private static final long TRIAL_ROWS = 200_000;
    /** Below this fraction of rows dropped in the trial, the filters are switched off. */
    private static final double MIN_PRUNED_FRACTION = 0.05;

    private record ChannelFilter(int channel, KeyFilter filter) {}

    private volatile ChannelFilter[] filters = new ChannelFilter[0];
    /** Completes when the awaited filters have all arrived, or the wait for them is over. */
    private volatile CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
    private int awaited;
    private int arrived;
    private volatile boolean switchedOff;
    private long trialRows;
    private long trialPruned;

    /** Applies {@code summary} to the scan's column {@code channel} from now on. */
    public synchronized void add(int channel, DynamicFilterSummary summary) {
        arrived++;
        KeyFilter filter = new KeyFilter(summary);
        if (!filter.restricts()) {
            checkReady();
            return;
        }
        List<ChannelFilter> next = new ArrayList<>(List.of(filters));
        next.add(new ChannelFilter(channel, filter));
        filters = next.toArray(new ChannelFilter[0]);
        // a new filter gets its own trial
        switchedOff = false;
        trialRows = 0;
        trialPruned = 0;
        checkReady();
    }

    /**
     * Holds the scan back (see {@link #whenReady}) until {@code count} filters have arrived (those of the
     * partitioned joins its rows go to, through the coordinator), for at most {@code timeout}: after it the scan
     * reads unfiltered, and later filters still apply to the pages read after them.
     */
    public synchronized void awaitFilters(int count, Duration timeout) {
        if (count <= arrived || timeout.isZero() || timeout.isNegative()) {
            return;
        }
        awaited = count;
        ready = new CompletableFuture<Void>().completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Done when the scan may read: at once unless it awaits filters (see {@link #awaitFilters}). */
    public CompletableFuture<Void> whenReady() {
        return ready;
    }

    private void checkReady() {
        if (arrived >= awaited) {
            ready.complete(null);
        }
    }

    /** Whether any filter has arrived. */
    public boolean hasFilters() {
        return filters.length > 0;
    }

    /** The rows of {@code page} that may match every filter: {@code page} itself when all may. */
    public Page apply(Page page) {
        ChannelFilter[] current = filters;
        if (current.length == 0 || switchedOff) {
            return page;
        }
        int count = page.positionCount();
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        for (ChannelFilter filter : current) {
            count = filter.filter().filter(page.block(filter.channel()), positions, count);
            if (count == 0) {
                break;
            }
        }
        judge(page.positionCount(), page.positionCount() - count);
        if (count == page.positionCount()) {
            return page;
        }
        return page.copyPositions(positions, count);
    }

    private synchronized void judge(long rows, long pruned) {
        if (trialRows >= TRIAL_ROWS) {
            return;
        }
        trialRows += rows;
        trialPruned += pruned;
        if (trialRows >= TRIAL_ROWS && trialPruned < trialRows * MIN_PRUNED_FRACTION) {
            switchedOff = true;
        }
    }
}
