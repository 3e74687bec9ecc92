package io.quarry.exec.operator;

import io.quarry.page.Page;
import io.quarry.plan.SortKey;
import io.quarry.type.Type;
import java.util.List;

/** Sorts all its input by the keys, then outputs it in pages. */
public final class OrderByOperator implements Operator {
    private final List<Type> types;
    private final RowComparator comparator;
    private final SortBuffer buffer = new SortBuffer();
    private final OperatorStats stats = new OperatorStats("OrderBy");
    private boolean finishing;
    private long[] sorted;
    private int next;
    private int rowsPerPage;

    public OrderByOperator(List<Type> types, List<SortKey> keys) {
        this.types = List.copyOf(types);
        this.comparator = new RowComparator(keys, types);
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        buffer.add(page, stats);
    }

    @Override
    public Page getOutput() {
        if (!finishing || sorted == null || next >= sorted.length) {
            return null;
        }
        int to = Math.min(sorted.length, next + rowsPerPage);
        Page page = RowAddresses.build(types, buffer.pages(), sorted, next, to);
        next = to;
        if (next >= sorted.length) {
            buffer.clear();
            stats.setRetainedBytes(0);
        }
        stats.recordOutput(page);
        return page;
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        sorted = buffer.sortedAddresses(comparator, "to sort");
        rowsPerPage = buffer.rowsPerPage();
    }

    @Override
    public boolean isFinished() {
        return finishing && (sorted == null || next >= sorted.length);
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }

    @Override
    public void close() {
        buffer.clear();
    }
}
