package io.quarry.exec.operator;

import io.quarry.page.Page;
import io.quarry.plan.SortKey;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code count} rows by the keys: a bounded max-heap of row addresses (the worst kept row on top),
 * with the retained pages compacted into one when they pile up.
 */
public final class TopNOperator implements Operator {
    private final List<Type> types;
    private final RowComparator comparator;
    private final int limit;
    private final OperatorStats stats = new OperatorStats("TopN");
    private List<Page> pages = new ArrayList<>();
    private long[] heap;
    private int size;
    private boolean finishing;
    private List<Page> output;

    public TopNOperator(List<Type> types, List<SortKey> keys, long count) {
        this.types = List.copyOf(types);
        this.comparator = new RowComparator(keys, types);
        this.limit = (int) Math.min(count, Integer.MAX_VALUE - 8);
        this.heap = new long[Math.min(limit, 1024)];
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    private int compare(long a, long b) {
        return RowAddresses.compare(comparator, pages, a, b);
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        if (limit == 0 || page.positionCount() == 0) {
            return;
        }
        int pageIndex = pages.size();
        pages.add(page);
        boolean used = false;
        for (int position = 0; position < page.positionCount(); position++) {
            long address = RowAddresses.encode(pageIndex, position);
            if (size < limit) {
                if (size == heap.length) {
                    heap = java.util.Arrays.copyOf(heap, (int) Math.min(limit, heap.length * 2L));
                }
                heap[size] = address;
                siftUp(size++);
                used = true;
            } else if (compare(address, heap[0]) < 0) {
                heap[0] = address;
                siftDown(0);
                used = true;
            }
        }
        if (!used) {
            pages.set(pageIndex, null);
        }
        if (pages.size() > 32) {
            compact();
        }
        long retained = 8L * heap.length;
        for (Page retainedPage : pages) {
            retained += retainedPage == null ? 0 : retainedPage.sizeInBytes();
        }
        stats.setRetainedBytes(retained);
    }

    private void siftUp(int index) {
        long value = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (compare(heap[parent], value) >= 0) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = value;
    }

    private void siftDown(int index) {
        long value = heap[index];
        while (true) {
            int child = 2 * index + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && compare(heap[child + 1], heap[child]) > 0) {
                child++;
            }
            if (compare(value, heap[child]) >= 0) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = value;
    }

    /** Copies the kept rows into one page; the heap order is unchanged (position i holds heap[i]). */
    private void compact() {
        Page compacted = RowAddresses.build(types, pages, heap, 0, size);
        pages = new ArrayList<>();
        pages.add(compacted);
        for (int i = 0; i < size; i++) {
            heap[i] = RowAddresses.encode(0, i);
        }
    }

    @Override
    public Page getOutput() {
        if (!finishing || output == null || output.isEmpty()) {
            return null;
        }
        Page page = output.remove(0);
        stats.recordOutput(page);
        return page;
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        long[] sorted = java.util.Arrays.copyOf(heap, size);
        RowAddresses.sort(sorted, size, comparator, pages);
        output = new ArrayList<>();
        for (int from = 0; from < size; from += OutputPages.MAX_ROWS) {
            output.add(RowAddresses.build(types, pages, sorted, from, Math.min(size, from + OutputPages.MAX_ROWS)));
        }
        pages = new ArrayList<>();
        stats.setRetainedBytes(0);
    }

    @Override
    public boolean isFinished() {
        return finishing && output.isEmpty();
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
