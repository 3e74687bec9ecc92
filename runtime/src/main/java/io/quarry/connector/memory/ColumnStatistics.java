package io.quarry.connector.memory;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The distinct counts of the columns of the pages one writer wrote, in a text form that travels with the
 * writer's report to the coordinator ({@code ";"}-separated, one entry per column, empty for a column
 * whose values it cannot hash). NULLs are not counted, as in Trino's statistics. Not thread-safe.
 */
final class ColumnStatistics {
    private final List<DistinctCounter> counters = new ArrayList<>();

    ColumnStatistics(int columnCount) {
        for (int i = 0; i < columnCount; i++) {
            counters.add(new DistinctCounter());
        }
    }

    private ColumnStatistics(List<DistinctCounter> counters) {
        this.counters.addAll(counters);
    }

    void add(Page page) {
        for (int channel = 0; channel < counters.size() && channel < page.channelCount(); channel++) {
            DistinctCounter counter = counters.get(channel);
            if (counter != null && !addBlock(counter, page.block(channel), page.positionCount())) {
                // A block kind this class does not know (arrays, maps, …): no estimate for the column.
                counters.set(channel, null);
            }
        }
    }

    /** Merges {@code other} into this; columns either side lacks stay unknown. */
    void merge(ColumnStatistics other) {
        for (int i = 0; i < counters.size(); i++) {
            DistinctCounter mine = counters.get(i);
            DistinctCounter theirs = i < other.counters.size() ? other.counters.get(i) : null;
            if (mine == null || theirs == null) {
                counters.set(i, null);
            } else {
                mine.merge(theirs);
            }
        }
    }

    /** A column added to the table: no value is counted in it yet (the rows before it are NULL there). */
    void addColumn() {
        counters.add(new DistinctCounter());
    }

    int columnCount() {
        return counters.size();
    }

    /** The estimate for a column, or -1 when unknown. */
    long distinctValues(int column) {
        DistinctCounter counter = counters.get(column);
        return counter == null ? -1 : counter.estimate();
    }

    String serialize() {
        List<String> parts = new ArrayList<>();
        for (DistinctCounter counter : counters) {
            parts.add(counter == null ? "" : counter.serialize());
        }
        return String.join(";", parts);
    }

    /** Parses {@link #serialize()}; malformed text gives unknown columns, never a failed commit. */
    static ColumnStatistics deserialize(String text, int columnCount) {
        String[] parts = text.split(";", -1);
        List<DistinctCounter> counters = new ArrayList<>();
        for (int i = 0; i < columnCount; i++) {
            DistinctCounter counter = null;
            if (i < parts.length && !parts[i].isEmpty()) {
                try {
                    counter = DistinctCounter.deserialize(parts[i]);
                } catch (IllegalArgumentException e) {
                    counter = null;
                }
            }
            counters.add(counter);
        }
        return new ColumnStatistics(counters);
    }

    private static boolean addBlock(DistinctCounter counter, Block block, int count) {
        if (block instanceof LongBlock longs) {
            long[] values = longs.rawValues();
            for (int i = 0; i < count; i++) {
                if (!longs.isNull(i)) {
                    counter.add(mix(values[i]));
                }
            }
            return true;
        }
        if (block instanceof DoubleBlock doubles) {
            double[] values = doubles.rawValues();
            for (int i = 0; i < count; i++) {
                if (!doubles.isNull(i)) {
                    // +0.0 and -0.0 are one value; every NaN is one value.
                    double value = values[i] == 0 ? 0 : values[i];
                    counter.add(mix(Double.doubleToLongBits(value)));
                }
            }
            return true;
        }
        if (block instanceof BooleanBlock booleans) {
            for (int i = 0; i < count; i++) {
                if (!booleans.isNull(i)) {
                    counter.add(mix(booleans.getBoolean(i) ? 1 : 2));
                }
            }
            return true;
        }
        if (block instanceof Int128Block int128) {
            for (int i = 0; i < count; i++) {
                if (!int128.isNull(i)) {
                    counter.add(mix(int128.getHigh(i) * 31 + mix(int128.getLow(i))));
                }
            }
            return true;
        }
        if (block instanceof VariableWidthBlock strings) {
            byte[] data = strings.rawData();
            for (int i = 0; i < count; i++) {
                if (!strings.isNull(i)) {
                    long hash = 0xcbf29ce484222325L;
                    int end = strings.offset(i) + strings.length(i);
                    for (int k = strings.offset(i); k < end; k++) {
                        hash = (hash ^ data[k]) * 0x100000001b3L;
                    }
                    counter.add(mix(hash));
                }
            }
            return true;
        }
        return false;
    }

    /** A 64-bit finaliser (MurmurHash3's): HyperLogLog needs every bit of the hash to be random. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
