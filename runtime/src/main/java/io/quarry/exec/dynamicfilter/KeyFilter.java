package io.quarry.exec.dynamicfilter;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.RunLengthBlock;

/**
 * The probe-side form of a {@link DynamicFilterSummary}: keeps the positions of a block whose value may match a
 * build row (never a NULL), a range check on the value's range key then, for a VALUES summary, a look-up of its set
 * key in an open-addressing set. A dictionary block is judged once per dictionary entry, a run-length block once.
 * Immutable, shared by the drivers of a scan.
 */
public final class KeyFilter {
    private final DynamicFilterSummary.KeyType keyType;
    private final DynamicFilterSummary.Kind kind;
    private final long min;
    private final long max;
    private final LongHashSet values;

    public KeyFilter(DynamicFilterSummary summary) {
        requireNonNull(summary, "summary is null");
        this.keyType = summary.keyType();
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
        if (kind == DynamicFilterSummary.Kind.ALL) {
            return count;
        }
        if (block instanceof DictionaryBlock dictionary) {
            return filterDictionary(dictionary, positions, count);
        }
        if (block instanceof RunLengthBlock runLength) {
            if (count == 0) {
                return 0;
            }
            KeyColumn keys = KeyColumn.of(runLength.value(), keyType);
            return keys == null || matches(keys, 0) ? count : 0;
        }
        if (kind == DynamicFilterSummary.Kind.NONE) {
            return KeyColumn.of(block, keyType) == null ? count : 0;
        }
        KeyColumn keys = KeyColumn.of(block, keyType);
        if (keys == null) {
            return count;
        }
        long[] rangeKeys = keys.rangeKeys();
        long[] setKeys = keys.setKeys();
        boolean[] nulls = keys.nulls();
        long low = min;
        long high = max;
        int kept = 0;
        if (values == null) {
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                long value = rangeKeys[position];
                boolean keep = value >= low && value <= high && (nulls == null || !nulls[position]);
                positions[kept] = position;
                kept += keep ? 1 : 0;
            }
            return kept;
        }
        LongHashSet set = values;
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            long value = rangeKeys[position];
            if (value >= low && value <= high && (nulls == null || !nulls[position]) && set.contains(setKeys[position])) {
                positions[kept++] = position;
            }
        }
        return kept;
    }

    /** Judges each dictionary entry once, then keeps the positions whose entry may match. */
    private int filterDictionary(DictionaryBlock block, int[] positions, int count) {
        Block dictionary = block.dictionary();
        if (dictionary.positionCount() > 2 * count) {
            // a dictionary shared by many small blocks: judging all of it would cost more than the rows
            return filter(EncodedBlocks.flatten(block), positions, count);
        }
        KeyColumn keys = KeyColumn.of(dictionary, keyType);
        if (keys == null) {
            return count;
        }
        int size = dictionary.positionCount();
        boolean[] keep = new boolean[size];
        for (int entry = 0; entry < size; entry++) {
            keep[entry] = matches(keys, entry);
        }
        int[] ids = block.rawIds();
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            positions[kept] = position;
            kept += keep[ids[position]] ? 1 : 0;
        }
        return kept;
    }

    private boolean matches(KeyColumn keys, int position) {
        if (kind == DynamicFilterSummary.Kind.NONE || keys.isNull(position)) {
            return false;
        }
        long rangeKey = keys.rangeKeys()[position];
        return rangeKey >= min && rangeKey <= max && (values == null || values.contains(keys.setKeys()[position]));
    }

    @Override
    public String toString() {
        return keyType + " " + kind + "[" + min + ", " + max + "]" + (values == null ? "" : " " + values.size() + " values");
    }
}
