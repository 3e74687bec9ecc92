package io.quarry.exec.dynamicfilter;

import java.util.Arrays;

/**
 * A growable open-addressing set of {@code long} values over one primitive array (linear probing). Zero is the
 * empty-slot marker, so it is tracked by a flag of its own. Not thread-safe while it is filled; safe to read from
 * many threads once filled and published.
 */
public final class LongHashSet {
    private long[] slots;
    private int mask;
    private int size;
    private boolean containsZero;

    public LongHashSet(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** Adds a value; returns whether it was new. */
    public boolean add(long value) {
        if (value == 0) {
            if (containsZero) {
                return false;
            }
            containsZero = true;
            size++;
            return true;
        }
        int slot = slot(value, mask);
        while (true) {
            long current = slots[slot];
            if (current == 0) {
                slots[slot] = value;
                size++;
                if (size * 2L > slots.length) {
                    grow();
                }
                return true;
            }
            if (current == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    public boolean contains(long value) {
        if (value == 0) {
            return containsZero;
        }
        long[] table = slots;
        int tableMask = mask;
        int slot = slot(value, tableMask);
        while (true) {
            long current = table[slot];
            if (current == value) {
                return true;
            }
            if (current == 0) {
                return false;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    public int size() {
        return size;
    }

    /** The values, in no particular order. */
    public long[] toArray() {
        long[] values = new long[size];
        int index = 0;
        if (containsZero) {
            values[index++] = 0;
        }
        for (long value : slots) {
            if (value != 0) {
                values[index++] = value;
            }
        }
        return values;
    }

    /** Bytes held by the table. */
    public long sizeInBytes() {
        return 16L + slots.length * 8L;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int slot = slot(value, mask);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = value;
            }
        }
    }

    private static int slot(long value, int mask) {
        // murmur3's 64-bit finaliser: keys such as dates or dense ids spread over the whole table
        long hash = value;
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return (int) hash & mask;
    }

    @Override
    public String toString() {
        return "LongHashSet" + Arrays.toString(toArray());
    }
}
