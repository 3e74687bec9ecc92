package io.quarry.exec.operator;

import io.quarry.page.Page;
import java.util.ArrayDeque;
import java.util.List;

/** Produces pages computed in advance (the rows of a VALUES node). */
public final class ValuesOperator implements Operator {
    private final ArrayDeque<Page> pages;
    private final OperatorStats stats = new OperatorStats("Values");

    public ValuesOperator(List<Page> pages) {
        this.pages = new ArrayDeque<>(pages);
    }

    @Override
    public boolean needsInput() {
        return false;
    }

    @Override
    public void addInput(Page page) {
        throw new UnsupportedOperationException("values take no input");
    }

    @Override
    public Page getOutput() {
        Page page = pages.poll();
        if (page != null) {
            stats.recordOutput(page);
        }
        return page;
    }

    @Override
    public void finish() {}

    @Override
    public boolean isFinished() {
        return pages.isEmpty();
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
