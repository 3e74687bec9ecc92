package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code max_by(x, y, n)} / {@code min_by(x, y, n)}: the x of the n rows with the greatest / least non-NULL y, best
 * first; {@code max(x, n)} / {@code min(x, n)} ({@code max_n} / {@code min_n}) are the same with x its own key. Each group keeps a binary heap of at most n entries whose root is the worst kept key, so a row replaces the
 * root only when its key is strictly better; ties among equal keys come out in the order that heap gives them, as in
 * Trino. A NaN key is worse than every number.
 */
final class ValuesByKeyAccumulator implements SingleStepAccumulator {
    static final long MAX_COUNT = 10_000;

    private final String function;
    private final Type valueType;
    private final Type keyType;
    private final boolean max;
    /** max_n / min_n: the arguments are (x, n), x its own key. */
    private final boolean keyedByValue;
    private final List<Heap> heaps = new ArrayList<>();
    private long entries;

    ValuesByKeyAccumulator(String function, Type valueType, Type keyType) {
        this.function = function;
        this.valueType = valueType;
        this.keyType = keyType;
        this.max = function.startsWith("max");
        this.keyedByValue = function.equals("max_n") || function.equals("min_n");
    }

    @Override
    public void ensureCapacity(int groupCount) {
        while (heaps.size() < groupCount) {
            heaps.add(null);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block values = arguments[0];
        Block keys = keyedByValue ? values : arguments[1];
        Block counts = keyedByValue ? arguments[1] : arguments[2];
        for (int i = 0; i < count; i++) {
            if (keys.isNull(i) || counts.isNull(i)) {
                continue;
            }
            Heap heap = heaps.get(groupIds[i]);
            if (heap == null) {
                long n = ((Number) Values.toObject(Types.BIGINT, counts, i)).longValue();
                String argument = keyedByValue ? "second argument of " + function : "third argument of " + name();
                if (n <= 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            argument + (keyedByValue ? " must be positive" : " must be a positive integer"));
                }
                if (n > MAX_COUNT) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            argument + " must be less than or equal to " + MAX_COUNT + "; found " + n);
                }
                heap = new Heap((int) n);
                heaps.set(groupIds[i], heap);
            }
            int position = i;
            if (heap.add(Values.toObject(keyType, keys, i), () -> Values.toObject(valueType, values, position))) {
                entries++;
            }
        }
    }

    private String name() {
        if (keyedByValue) {
            return max ? "max" : "min";
        }
        return max ? "max_by" : "min_by";
    }

    @Override
    public String functionName() {
        return name() + " with a count";
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        Heap heap = heaps.get(group);
        if (heap == null || heap.size == 0) {
            out.appendNull();
            return;
        }
        out.appendObject(heap.bestFirst());
    }

    @Override
    public long sizeInBytes() {
        return 16L * heaps.size() + 64L * entries;
    }

    /** Whether {@code a} is at least as good a key as {@code b} would be kept: greater-or-equal for max, NaN worst. */
    private boolean atLeast(Object a, Object b) {
        int order = compareKeys(a, b);
        return max ? order >= 0 : order <= 0;
    }

    /** Ascending order of keys, NaN placed as the worst key of the function. */
    private int compareKeys(Object a, Object b) {
        boolean aNaN = a instanceof Double x && x.isNaN();
        boolean bNaN = b instanceof Double y && y.isNaN();
        if (aNaN || bNaN) {
            if (aNaN && bNaN) {
                return 0;
            }
            int worstFirst = aNaN ? -1 : 1;
            return max ? worstFirst : -worstFirst;
        }
        return SortedValues.compareObjects(keyType, a, b);
    }

    /** The kept entries of one group: a heap under {@link #atLeast} with the worst key at the root. */
    private final class Heap {
        private final int capacity;
        private Object[] keyStore;
        private Object[] valueStore;
        private int size;

        Heap(int capacity) {
            this.capacity = capacity;
            this.keyStore = new Object[Math.min(capacity, 16)];
            this.valueStore = new Object[keyStore.length];
        }

        boolean add(Object key, java.util.function.Supplier<Object> value) {
            if (size == capacity) {
                if (atLeast(keyAt(0), key)) {
                    return false;
                }
                set(0, key, value.get());
                siftDown();
                return false;
            }
            set(size, key, value.get());
            size++;
            siftUp();
            return true;
        }

        private Object keyAt(int index) {
            return keyStore[index];
        }

        private void set(int index, Object key, Object value) {
            if (index >= keyStore.length) {
                int grown = Math.min(capacity, keyStore.length * 2);
                keyStore = Arrays.copyOf(keyStore, grown);
                valueStore = Arrays.copyOf(valueStore, grown);
            }
            keyStore[index] = key;
            valueStore[index] = value;
        }

        private void swap(int a, int b) {
            Object key = keyStore[a];
            keyStore[a] = keyStore[b];
            keyStore[b] = key;
            Object value = valueStore[a];
            valueStore[a] = valueStore[b];
            valueStore[b] = value;
        }

        private void siftDown() {
            int at = 0;
            while (true) {
                int left = 2 * at + 1;
                if (left >= size) {
                    return;
                }
                int right = left + 1;
                int worse = right >= size || !atLeast(keyStore[left], keyStore[right]) ? left : right;
                if (atLeast(keyStore[worse], keyStore[at])) {
                    return;
                }
                swap(at, worse);
                at = worse;
            }
        }

        private void siftUp() {
            int at = size - 1;
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (atLeast(keyStore[at], keyStore[parent])) {
                    return;
                }
                swap(at, parent);
                at = parent;
            }
        }

        /** The values best key first, by popping a copy of the heap (worst first) into the array from its end. */
        List<Object> bestFirst() {
            Object[] savedKeys = keyStore.clone();
            Object[] savedValues = valueStore.clone();
            int savedSize = size;
            Object[] result = new Object[size];
            while (size > 0) {
                result[size - 1] = valueStore[0];
                size--;
                keyStore[0] = keyStore[size];
                valueStore[0] = valueStore[size];
                siftDown();
            }
            keyStore = savedKeys;
            valueStore = savedValues;
            size = savedSize;
            return Arrays.asList(result);
        }
    }
}
