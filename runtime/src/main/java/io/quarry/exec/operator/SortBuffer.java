package io.quarry.exec.operator;

import io.quarry.page.Page;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/** The input an operator holds until its input ends, to sort it then: the pages, their rows and bytes. */
final class SortBuffer {
    private final List<Page> pages = new ArrayList<>();
    private long rowCount;
    private long retained;

    /** Holds a page (an empty one is dropped) and reports what is held, with a sort address per row, to stats. */
    void add(Page page, OperatorStats stats) {
        if (page.positionCount() == 0) {
            return;
        }
        pages.add(page);
        rowCount += page.positionCount();
        retained += page.sizeInBytes();
        stats.setRetainedBytes(retained + 8 * rowCount);
    }

    long rowCount() {
        return rowCount;
    }

    List<Page> pages() {
        return pages;
    }

    /** Rows per output page, for rows of the size held. */
    int rowsPerPage() {
        return OutputPages.rowsPerPage(rowCount == 0 ? 1 : retained / rowCount);
    }

    /** The addresses of the rows held, stably sorted; {@code what} names the operator if there are too many. */
    long[] sortedAddresses(RowComparator comparator, String what) {
        return RowAddresses.sortedRows(pages, rowCount, comparator, what);
    }

    /** The rows held as one page in sorted order; the pages are let go. */
    Page sortedPage(List<Type> types, RowComparator comparator, String what) {
        long[] addresses = sortedAddresses(comparator, what);
        Page sorted = RowAddresses.build(types, pages, addresses, 0, addresses.length);
        pages.clear();
        return sorted;
    }

    void clear() {
        pages.clear();
    }
}
