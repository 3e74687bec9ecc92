package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.type.Type;
import java.util.List;

/** Rows addressed as (page index << 32 | position) in primitive longs, sorted without boxing. */
final class RowAddresses {
    private RowAddresses() {}

    static long encode(int page, int position) {
        return ((long) page << 32) | position;
    }

    static int page(long address) {
        return (int) (address >>> 32);
    }

    static int position(long address) {
        return (int) address;
    }

    static int compare(RowComparator comparator, List<Page> pages, long a, long b) {
        return comparator.compare(pages.get(page(a)), position(a), pages.get(page(b)), position(b));
    }

    /**
     * The addresses of every row of {@code pages} ({@code rowCount} in all), stably sorted; {@code what} names the
     * operator in the error of a task holding more rows than one array can address.
     */
    static long[] sortedRows(List<Page> pages, long rowCount, RowComparator comparator, String what) {
        if (rowCount > Integer.MAX_VALUE - 8) {
            throw new io.quarry.spi.QuarryException(
                    io.quarry.spi.ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT, "Too many rows " + what + " in one task: " + rowCount);
        }
        long[] addresses = new long[(int) rowCount];
        int n = 0;
        for (int p = 0; p < pages.size(); p++) {
            for (int position = 0; position < pages.get(p).positionCount(); position++) {
                addresses[n++] = encode(p, position);
            }
        }
        sort(addresses, n, comparator, pages);
        return addresses;
    }

    /** A stable merge sort of {@code addresses[0..count)}. */
    static void sort(long[] addresses, int count, RowComparator comparator, List<Page> pages) {
        long[] buffer = new long[count];
        mergeSort(addresses, buffer, 0, count, comparator, pages);
    }

    private static void mergeSort(long[] a, long[] buffer, int from, int to, RowComparator comparator, List<Page> pages) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                long value = a[i];
                int j = i - 1;
                while (j >= from && compare(comparator, pages, a[j], value) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(a, buffer, from, middle, comparator, pages);
        mergeSort(a, buffer, middle, to, comparator, pages);
        if (compare(comparator, pages, a[middle - 1], a[middle]) <= 0) {
            return;
        }
        System.arraycopy(a, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && compare(comparator, pages, buffer[left], buffer[right]) <= 0)) {
                a[k] = buffer[left++];
            } else {
                a[k] = buffer[right++];
            }
        }
    }

    /** A page of the rows {@code addresses[from..to)}. */
    static Page build(List<Type> types, List<Page> pages, long[] addresses, int from, int to) {
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            BlockBuilder builder = BlockBuilder.create(types.get(channel), to - from);
            for (int i = from; i < to; i++) {
                builder.append(pages.get(page(addresses[i])).block(channel), position(addresses[i]));
            }
            blocks[channel] = builder.build();
        }
        return new Page(to - from, blocks);
    }
}
