package io.quarry.exec.operator;

import io.quarry.page.Page;

/** Skips {@code offset} rows, then passes at most {@code count} rows. */
public final class LimitOperator implements Operator {
    private final OperatorStats stats = new OperatorStats("Limit");
    private long toSkip;
    private long remaining;
    private Page pending;
    private boolean finishing;

    public LimitOperator(long offset, long count) {
        this.toSkip = offset;
        this.remaining = count;
    }

    @Override
    public boolean needsInput() {
        return !finishing && pending == null && remaining > 0;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        int count = page.positionCount();
        int start = 0;
        if (toSkip > 0) {
            int skipped = (int) Math.min(toSkip, count);
            toSkip -= skipped;
            start = skipped;
        }
        int take = (int) Math.min(remaining, count - start);
        if (take <= 0) {
            return;
        }
        remaining -= take;
        pending = start == 0 && take == count ? page : page.region(start, take);
    }

    @Override
    public Page getOutput() {
        Page page = pending;
        pending = null;
        if (page != null) {
            stats.recordOutput(page);
        }
        return page;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return pending == null && (finishing || remaining == 0);
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
