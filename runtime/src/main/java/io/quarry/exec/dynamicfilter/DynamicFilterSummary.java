package io.quarry.exec.dynamicfilter;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.RunLengthBlock;
import io.quarry.page.Page;
import java.util.Arrays;
import java.util.List;

/**
 * What a join's build side holds of one equi-join key, in the filter keys of its {@link KeyType} (see
 * {@link KeyColumn}: for longs the values themselves, for doubles longs of the same order, for strings an
 * order-keeping 8-byte prefix as {@code min}/{@code max} and 64-bit hashes as {@code values}): nothing at all
 * ({@link Kind#NONE}: no build row has a non-NULL key, so no probe row matches), the distinct keys and their range
 * ({@link Kind#VALUES}), only the range ({@link Kind#RANGE}, when there were too many), or no restriction
 * ({@link Kind#ALL}). NULL keys never match an equi-join and are not part of a summary. {@code values} is empty
 * unless the kind is VALUES; {@code min} and {@code max} are 0 for NONE and ALL.
 */
public record DynamicFilterSummary(KeyType keyType, Kind kind, long min, long max, long[] values) {
    /** How much a summary tells. */
    public enum Kind {
        NONE,
        VALUES,
        RANGE,
        ALL
    }

    /** The storage of the key, which says how its values become filter keys. */
    public enum KeyType {
        LONG,
        DOUBLE,
        VARIABLE_WIDTH;

        /** The key type of values of {@code storage}, if they can be filtered. */
        public static java.util.Optional<KeyType> of(io.quarry.type.Storage storage) {
            return switch (storage) {
                case LONG -> java.util.Optional.of(LONG);
                case DOUBLE -> java.util.Optional.of(DOUBLE);
                case VARIABLE_WIDTH -> java.util.Optional.of(VARIABLE_WIDTH);
                default -> java.util.Optional.empty();
            };
        }
    }

    private static final long[] NO_VALUES = new long[0];

    public DynamicFilterSummary {
        requireNonNull(keyType, "keyType is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(values, "values is null");
        if (kind != Kind.VALUES && values.length != 0) {
            throw new IllegalArgumentException("only a VALUES summary has values");
        }
        if ((kind == Kind.VALUES || kind == Kind.RANGE) && min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
    }

    /** A summary of long keys. */
    public DynamicFilterSummary(Kind kind, long min, long max, long[] values) {
        this(KeyType.LONG, kind, min, max, values);
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

    /** The exact long values (distinct, any order, at least one). */
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

    /** The summary of {@code channel}, a long key, over the build pages (see {@link #collect(List, int, KeyType, int)}). */
    public static DynamicFilterSummary collect(List<Page> pages, int channel, int maxDistinct) {
        return collect(pages, channel, KeyType.LONG, maxDistinct);
    }

    /**
     * The summary of {@code channel} (a key of {@code keyType}) over the build pages: the distinct keys while there
     * are at most {@code maxDistinct} of them, else the range. Dictionary and run-length blocks are read through
     * their values, each computed once per block.
     */
    public static DynamicFilterSummary collect(List<Page> pages, int channel, KeyType keyType, int maxDistinct) {
        LongHashSet distinct = new LongHashSet(Math.min(maxDistinct, 1024));
        boolean tooMany = false;
        boolean any = false;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Page page : pages) {
            Block block = page.block(channel);
            Block flat = EncodedBlocks.valueBlock(block);
            KeyColumn keys = KeyColumn.of(flat, keyType);
            if (keys == null) {
                return all();
            }
            int[] ids = block instanceof DictionaryBlock dictionary ? dictionary.rawIds() : null;
            // a run-length block holds one value: reading it once is enough
            int count = block instanceof RunLengthBlock ? Math.min(1, block.positionCount()) : block.positionCount();
            long[] rangeKeys = keys.rangeKeys();
            long[] setKeys = keys.setKeys();
            for (int i = 0; i < count; i++) {
                int position = ids == null ? i : ids[i];
                if (keys.isNull(position)) {
                    continue;
                }
                long rangeKey = rangeKeys[position];
                any = true;
                min = Math.min(min, rangeKey);
                max = Math.max(max, rangeKey);
                if (!tooMany && distinct.add(setKeys[position]) && distinct.size() > maxDistinct) {
                    tooMany = true;
                    distinct = null;
                }
            }
        }
        if (!any) {
            return none().withKeyType(keyType);
        }
        if (tooMany) {
            return new DynamicFilterSummary(keyType, Kind.RANGE, min, max, NO_VALUES);
        }
        return new DynamicFilterSummary(keyType, Kind.VALUES, min, max, distinct.toArray());
    }

    /** This summary for keys of {@code type} (for the kinds that hold no keys, and tests). */
    public DynamicFilterSummary withKeyType(KeyType type) {
        return new DynamicFilterSummary(type, kind, min, max, values);
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
        if (keyType != other.keyType) {
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
                return new DynamicFilterSummary(keyType, Kind.VALUES, unitedMin, unitedMax, united.toArray());
            }
        }
        return new DynamicFilterSummary(keyType, Kind.RANGE, unitedMin, unitedMax, NO_VALUES);
    }

    /** Whether a long key value can match a build row (for tests and single values; pages use the filter). */
    public boolean mayContain(long value) {
        return mayContain(value, value);
    }

    /** Whether a value with these filter keys can match a build row. */
    boolean mayContain(long rangeKey, long setKey) {
        return switch (kind) {
            case NONE -> false;
            case ALL -> true;
            case RANGE -> rangeKey >= min && rangeKey <= max;
            case VALUES -> rangeKey >= min && rangeKey <= max && Arrays.stream(values).anyMatch(each -> each == setKey);
        };
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof DynamicFilterSummary that)) {
            return false;
        }
        return keyType == that.keyType && kind == that.kind && min == that.min && max == that.max
                && Arrays.equals(sorted(values), sorted(that.values));
    }

    @Override
    public int hashCode() {
        return ((keyType.hashCode() * 31 + kind.hashCode()) * 31 + Long.hashCode(min)) * 31 + Long.hashCode(max) + Arrays.hashCode(sorted(values));
    }

    @Override
    public String toString() {
        String prefix = keyType == KeyType.LONG ? "" : keyType.name() + " ";
        return prefix + switch (kind) {
            case NONE, ALL -> kind.name();
            case RANGE -> "RANGE" + bounds();
            case VALUES -> "VALUES(" + values.length + ")" + bounds();
        };
    }

    private String bounds() {
        return switch (keyType) {
            case LONG -> "[" + min + ", " + max + "]";
            case DOUBLE -> "[" + KeyColumn.doubleOfKey(min) + ", " + KeyColumn.doubleOfKey(max) + "]";
            // a prefix tells little to a reader
            case VARIABLE_WIDTH -> "";
        };
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
