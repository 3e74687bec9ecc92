package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.exec.function.ElementKeys;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code approx_most_frequent(buckets, value, capacity)}: the {@code buckets} most frequent values of a group with
 * their estimated counts, from a stream summary of {@code capacity} counters (see {@link StreamSummary}), the
 * estimate Trino makes; NULL without values. A row with a NULL argument adds nothing; the bucket count and capacity
 * are those of the group's first row.
 */
final class ApproxMostFrequentAccumulator implements SingleStepAccumulator {
    private final Type valueType;
    private final List<StreamSummary> groups = new ArrayList<>();
    private long counters;

    ApproxMostFrequentAccumulator(Type valueType) {
        this.valueType = valueType;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        while (groups.size() < groupCount) {
            groups.add(null);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block bucketCounts = arguments[0];
        Block values = arguments[1];
        Block capacities = arguments[2];
        for (int i = 0; i < count; i++) {
            if (bucketCounts.isNull(i) || values.isNull(i) || capacities.isNull(i)) {
                continue;
            }
            StreamSummary summary = groups.get(groupIds[i]);
            if (summary == null) {
                summary = new StreamSummary(valueType, bucketCount(bucketCounts, i), capacity(capacities, i));
                groups.set(groupIds[i], summary);
            }
            if (summary.add(values, i)) {
                counters++;
            }
        }
    }

    private static int bucketCount(Block block, int position) {
        long buckets = ((Number) Values.toObject(Types.BIGINT, block, position)).longValue();
        if (buckets < 2) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "approx_most_frequent bucket count must be greater than one");
        }
        if (buckets > Integer.MAX_VALUE) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "approx_most_frequent bucket count must be at most " + Integer.MAX_VALUE + ", was " + buckets);
        }
        return (int) buckets;
    }

    private static int capacity(Block block, int position) {
        long capacity = ((Number) Values.toObject(Types.BIGINT, block, position)).longValue();
        if (capacity < 1 || capacity > Integer.MAX_VALUE) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "approx_most_frequent capacity must be between 1 and " + Integer.MAX_VALUE + ", was " + capacity);
        }
        return (int) capacity;
    }

    @Override
    public String functionName() {
        return "approx_most_frequent";
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        StreamSummary summary = groups.get(group);
        if (summary == null) {
            out.appendNull();
            return;
        }
        out.appendObject(summary.mostFrequent());
    }

    @Override
    public long sizeInBytes() {
        return 16L * groups.size() + 128L * counters;
    }

    /**
     * The space-saving summary of a stream: at most {@code capacity} counters, each a value and its count. A value
     * with a counter counts one more; a new value takes a free counter, or else the one of the smallest count that
     * reached that count first, whose count it raises by one (so a count may overestimate by as much as the value
     * it replaced had). The most frequent values come by count, those of equal count in the order they reached it.
     */
    static final class StreamSummary {
        private final Type valueType;
        private final int buckets;
        private final int capacity;
        private final Map<Object, Counter> counters = new HashMap<>();
        // the counters of each count, in the order they reached it
        private final TreeMap<Long, LinkedHashSet<Counter>> byCount = new TreeMap<>();

        StreamSummary(Type valueType, int buckets, int capacity) {
            this.valueType = valueType;
            this.buckets = buckets;
            this.capacity = capacity;
        }

        /** Counts one occurrence of the (non-null) value; true if it took a new counter. */
        boolean add(Block values, int position) {
            Object key = ElementKeys.key(valueType, values, position);
            Counter counter = counters.get(key);
            if (counter != null) {
                move(counter, counter.count + 1);
                return false;
            }
            if (counters.size() < capacity) {
                counter = new Counter(key, Values.toObject(valueType, values, position));
                counters.put(key, counter);
                move(counter, 1);
                return true;
            }
            Map.Entry<Long, LinkedHashSet<Counter>> smallest = byCount.firstEntry();
            Iterator<Counter> oldest = smallest.getValue().iterator();
            counter = oldest.next();
            counters.remove(counter.key);
            counter.key = key;
            counter.value = Values.toObject(valueType, values, position);
            counters.put(key, counter);
            move(counter, smallest.getKey() + 1);
            return false;
        }

        private void move(Counter counter, long count) {
            if (counter.count > 0) {
                LinkedHashSet<Counter> from = byCount.get(counter.count);
                from.remove(counter);
                if (from.isEmpty()) {
                    byCount.remove(counter.count);
                }
            }
            counter.count = count;
            byCount.computeIfAbsent(count, ignored -> new LinkedHashSet<>()).add(counter);
        }

        Map<Object, Object> mostFrequent() {
            Map<Object, Object> result = new LinkedHashMap<>();
            for (LinkedHashSet<Counter> equal : byCount.descendingMap().values()) {
                for (Counter counter : equal) {
                    if (result.size() == buckets) {
                        return result;
                    }
                    result.put(counter.value, counter.count);
                }
            }
            return result;
        }
    }

    /** A value and its count; identity is the counter's, as it changes value. */
    private static final class Counter {
        Object key;
        Object value;
        long count;

        Counter(Object key, Object value) {
            this.key = key;
            this.value = value;
        }
    }
}
