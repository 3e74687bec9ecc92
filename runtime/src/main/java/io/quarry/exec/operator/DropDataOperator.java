package io.quarry.exec.operator;

import static java.util.Objects.requireNonNull;

import io.quarry.page.Page;

/**
 * Drops a table's data held on this node (after DROP TABLE) when its input ends, and outputs nothing. Its
 * input is empty: it exists so that the stage places one such task on every worker.
 */
public final class DropDataOperator implements Operator {
    private final Runnable drop;
    private final OperatorStats stats = new OperatorStats("DropData");
    private boolean finished;

    public DropDataOperator(Runnable drop) {
        this.drop = requireNonNull(drop, "drop is null");
    }

    @Override
    public boolean needsInput() {
        return !finished;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
    }

    @Override
    public Page getOutput() {
        return null;
    }

    @Override
    public void finish() {
        if (!finished) {
            finished = true;
            drop.run();
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
