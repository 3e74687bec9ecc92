package io.quarry.exec.dynamicfilter;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.LongBlock;

/**
 * The probe-side form of a {@link DynamicFilterSummary}: keeps the positions of a long block whose value may
 * match a build row (never a NULL), a range check then, for an exact summary, a look-up in an open-addressing
 * set. Immutable, shared by the drivers of a scan.
 */
public final class LongKeyFilter {
    private final DynamicFilterSummary.Kind kind;
    private final long min;
    private final long max;
    private final LongHashSet values;

    public LongKeyFilter(DynamicFilterSummary summary) {
        requireNonNull(summary, "summary is null");
        this.kind = summary.kind();
        this.min = summary.min();
        this.max = summary.max();
        if (kind == DynamicFilterSummary.Kind.VALUES) {
            values = new LongHashSet(summary.values().length);
            for (long value : summary.values()) {
                values.add(value);
            }
        } else {
            values = null;
        }
    }

    /** Whether the filter can drop anything at all. */
    public boolean restricts() {
        return kind != DynamicFilterSummary.Kind.ALL;
    }

    /**
     * Keeps, in place and in order, those of {@code positions[0..count)} whose value in {@code block} may match;
     * returns how many are kept. A block of another layout keeps everything.
     */
    public int filter(Block block, int[] positions, int count) {
        if (kind == DynamicFilterSummary.Kind.ALL || !(block instanceof LongBlock longs)) {
            return count;
        }
        if (kind == DynamicFilterSummary.Kind.NONE) {
            return 0;
        }
        long[] raw = longs.rawValues();
        boolean[] nulls = longs.rawNulls();
        long low = min;
        long high = max;
        int kept = 0;
        if (values == null) {
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                long value = raw[position];
                boolean keep = value >= low && value <= high && (nulls == null || !nulls[position]);
                positions[kept] = position;
                kept += keep ? 1 : 0;
            }
            return kept;
        }
        LongHashSet set = values;
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            long value = raw[position];
            if (value >= low && value <= high && (nulls == null || !nulls[position]) && set.contains(value)) {
                positions[kept++] = position;
            }
        }
        return kept;
    }

    @Override
    public String toString() {
        return kind + "[" + min + ", " + max + "]" + (values == null ? "" : " " + values.size() + " values");
    }
}
