package io.quarry.exec.dynamicfilter;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import java.util.Arrays;
import java.util.List;

/**
 * What a join's build side holds of one equi-join key of long storage, compared as raw longs (as the join
 * compares them): nothing at all ({@link Kind#NONE}: no build row has a non-NULL key, so no probe row matches),
 * the exact distinct values and their range ({@link Kind#VALUES}), only the range ({@link Kind#RANGE}, when there
 * were too many values), or no restriction ({@link Kind#ALL}). NULL keys never match an equi-join and are not
 * part of a summary. {@code values} is empty unless the kind is VALUES; {@code min} and {@code max} are 0 for
 * NONE and ALL.
 */
public record DynamicFilterSummary(Kind kind, long min, long max, long[] values) {
    /** How much a summary tells. */
    public enum Kind {
        NONE,
        VALUES,
        RANGE,
        ALL
    }

    private static final long[] NO_VALUES = new long[0];

    public DynamicFilterSummary {
        requireNonNull(kind, "kind is null");
        requireNonNull(values, "values is null");
        if (kind != Kind.VALUES && values.length != 0) {
            throw new IllegalArgumentException("only a VALUES summary has values");
        }
        if ((kind == Kind.VALUES || kind == Kind.RANGE) && min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
    }

    public static DynamicFilterSummary none() {
        return new DynamicFilterSummary(Kind.NONE, 0, 0, NO_VALUES);
    }

    public static DynamicFilterSummary all() {
        return new DynamicFilterSummary(Kind.ALL, 0, 0, NO_VALUES);
    }

    public static DynamicFilterSummary range(long min, long max) {
        return new DynamicFilterSummary(Kind.RANGE, min, max, NO_VALUES);
    }

    /** The exact values (distinct, any order, at least one). */
    public static DynamicFilterSummary values(long[] values) {
        if (values.length == 0) {
            return none();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new DynamicFilterSummary(Kind.VALUES, min, max, values.clone());
    }

    /**
     * The summary of {@code channel} (a block of long storage) over the build pages: the values while there are
     * at most {@code maxDistinct} of them, else the range.
     */
    public static DynamicFilterSummary collect(List<Page> pages, int channel, int maxDistinct) {
        LongHashSet distinct = new LongHashSet(Math.min(maxDistinct, 1024));
        boolean tooMany = false;
        boolean any = false;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Page page : pages) {
            Block block = page.block(channel);
            if (!(block instanceof LongBlock longs)) {
                return all();
            }
            long[] values = longs.rawValues();
            boolean[] nulls = longs.rawNulls();
            int count = longs.positionCount();
            for (int position = 0; position < count; position++) {
                if (nulls != null && nulls[position]) {
                    continue;
                }
                long value = values[position];
                any = true;
                min = Math.min(min, value);
                max = Math.max(max, value);
                if (!tooMany && distinct.add(value) && distinct.size() > maxDistinct) {
                    tooMany = true;
                    distinct = null;
                }
            }
        }
        if (!any) {
            return none();
        }
        if (tooMany) {
            return range(min, max);
        }
        return new DynamicFilterSummary(Kind.VALUES, min, max, distinct.toArray());
    }

    /**
     * The summary of the union of the rows behind {@code this} and {@code other} (the build sides of several
     * partitions): sets are united while at most {@code maxDistinct}, ranges widened.
     */
    public DynamicFilterSummary union(DynamicFilterSummary other, int maxDistinct) {
        if (kind == Kind.NONE) {
            return other;
        }
        if (other.kind == Kind.NONE) {
            return this;
        }
        if (kind == Kind.ALL || other.kind == Kind.ALL) {
            return all();
        }
        long unitedMin = Math.min(min, other.min);
        long unitedMax = Math.max(max, other.max);
        if (kind == Kind.VALUES && other.kind == Kind.VALUES && values.length + other.values.length > 0) {
            LongHashSet united = new LongHashSet(values.length + other.values.length);
            for (long value : values) {
                united.add(value);
            }
            for (long value : other.values) {
                united.add(value);
            }
            if (united.size() <= maxDistinct) {
                return new DynamicFilterSummary(Kind.VALUES, unitedMin, unitedMax, united.toArray());
            }
        }
        return range(unitedMin, unitedMax);
    }

    /** Whether a probe key value can match a build row (for tests and single values; pages use the filter). */
    public boolean mayContain(long value) {
        return switch (kind) {
            case NONE -> false;
            case ALL -> true;
            case RANGE -> value >= min && value <= max;
            case VALUES -> value >= min && value <= max && Arrays.stream(values).anyMatch(each -> each == value);
        };
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof DynamicFilterSummary that)) {
            return false;
        }
        return kind == that.kind && min == that.min && max == that.max
                && Arrays.equals(sorted(values), sorted(that.values));
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Long.hashCode(min)) * 31 + Long.hashCode(max) + Arrays.hashCode(sorted(values));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE, ALL -> kind.name();
            case RANGE -> "RANGE[" + min + ", " + max + "]";
            case VALUES -> "VALUES(" + values.length + ")[" + min + ", " + max + "]";
        };
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
