package io.quarry.exec.operator;

import io.quarry.page.Page;
import io.quarry.plan.SortKey;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/** Sorts all its input by the keys, then outputs it in pages. */
public final class OrderByOperator implements Operator {
    private final List<Type> types;
    private final RowComparator comparator;
    private final List<Page> pages = new ArrayList<>();
    private final OperatorStats stats = new OperatorStats("OrderBy");
    private long rowCount;
    private long retained;
    private boolean finishing;
    private long[] sorted;
    private int next;
    private int rowsPerPage;

    public OrderByOperator(List<Type> types, List<SortKey> keys) {
        this.types = List.copyOf(types);
        this.comparator = new RowComparator(keys);
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        if (page.positionCount() == 0) {
            return;
        }
        pages.add(page);
        rowCount += page.positionCount();
        retained += page.sizeInBytes();
        stats.setRetainedBytes(retained + 8 * rowCount);
    }

    @Override
    public Page getOutput() {
        if (!finishing || sorted == null || next >= sorted.length) {
            return null;
        }
        int to = Math.min(sorted.length, next + rowsPerPage);
        Page page = RowAddresses.build(types, pages, sorted, next, to);
        next = to;
        if (next >= sorted.length) {
            pages.clear();
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
        sorted = RowAddresses.sortedRows(pages, rowCount, comparator, "to sort");
        rowsPerPage = OutputPages.rowsPerPage(rowCount == 0 ? 1 : retained / rowCount);
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
        pages.clear();
    }
}
