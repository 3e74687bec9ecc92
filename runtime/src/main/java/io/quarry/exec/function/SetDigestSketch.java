package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Arrays;

/**
 * A set digest as Trino's {@code SetDigest} keeps it: a {@link HyperLogLogSketch} of 2048 buckets and a MinHash
 * part, the smallest 8192 distinct 64-bit hashes (signed order) with how often each was added (saturating at
 * 32767). While fewer than 8192 hashes are kept the set is exact. Serialised as {@code 01 hllLength:i32le hll
 * maxHashes:i32le count:i32le key:i64le* count:i16le*}, keys ascending. Not thread-safe.
 */
public final class SetDigestSketch implements MergeableSketch<SetDigestSketch> {
    static final int HLL_BUCKETS = 2048;
    static final int DEFAULT_MAX_HASHES = 8192;
    private static final byte FORMAT = 1;

    private final HyperLogLogSketch hll;
    private final int maxHashes;
    private long[] keys;
    private short[] counts;
    private int size;

    private SetDigestSketch(HyperLogLogSketch hll, int maxHashes, long[] keys, short[] counts, int size) {
        this.hll = hll;
        this.maxHashes = maxHashes;
        this.keys = keys;
        this.counts = counts;
        this.size = size;
    }

    public static SetDigestSketch create() {
        return new SetDigestSketch(HyperLogLogSketch.create(HLL_BUCKETS), DEFAULT_MAX_HASHES, new long[16], new short[16], 0);
    }

    /** Adds a value by its MurmurHash3 (of its 8 bytes or its bytes), which both parts take. */
    @Override
    public void addHash(long hash) {
        hll.addHash(hash);
        int position = Arrays.binarySearch(keys, 0, size, hash);
        if (position >= 0) {
            if (counts[position] < Short.MAX_VALUE) {
                counts[position]++;
            }
            return;
        }
        int insertion = -(position + 1);
        if (insertion >= maxHashes) {
            return; // larger than every kept hash of a full digest: it would be dropped at once
        }
        insert(insertion, hash, (short) 1);
    }

    private void insert(int insertion, long key, short count) {
        if (size == keys.length) {
            int capacity = Math.min(Math.max(16, size * 2), maxHashes + 1);
            keys = Arrays.copyOf(keys, Math.max(capacity, size + 1));
            counts = Arrays.copyOf(counts, keys.length);
        }
        System.arraycopy(keys, insertion, keys, insertion + 1, size - insertion);
        System.arraycopy(counts, insertion, counts, insertion + 1, size - insertion);
        keys[insertion] = key;
        counts[insertion] = count;
        size++;
        if (size > maxHashes) {
            size = maxHashes; // the largest hash goes
        }
    }

    /** Adds every value of {@code other}: the sketches merge, the counts of common hashes add up (saturating). */
    @Override
    public void mergeWith(SetDigestSketch other) {
        hll.mergeWith(other.hll);
        long[] mergedKeys = new long[size + other.size];
        short[] mergedCounts = new short[mergedKeys.length];
        int left = 0;
        int right = 0;
        int count = 0;
        while (left < size || right < other.size) {
            if (right >= other.size || left < size && keys[left] < other.keys[right]) {
                mergedKeys[count] = keys[left];
                mergedCounts[count++] = counts[left++];
            } else if (left >= size || other.keys[right] < keys[left]) {
                mergedKeys[count] = other.keys[right];
                mergedCounts[count++] = other.counts[right++];
            } else {
                mergedKeys[count] = keys[left];
                mergedCounts[count++] = (short) Math.min(Short.MAX_VALUE, counts[left++] + other.counts[right++]);
            }
        }
        keys = mergedKeys;
        counts = mergedCounts;
        size = Math.min(count, maxHashes);
    }

    public boolean isExact() {
        // a digest holding exactly maxHashes hashes may have dropped some: only fewer is exact
        return size < maxHashes;
    }

    public long cardinality() {
        return isExact() ? size : hll.cardinality();
    }

    /** The share of the smallest hashes of the union that both digests hold, over the smaller digest's size. */
    public static double jaccardIndex(SetDigestSketch a, SetDigestSketch b) {
        int smaller = Math.min(a.size, b.size);
        int intersection = 0;
        int seen = 0;
        int left = 0;
        int right = 0;
        while (seen < smaller && (left < a.size || right < b.size)) {
            if (right >= b.size || left < a.size && a.keys[left] < b.keys[right]) {
                left++;
            } else if (left >= a.size || b.keys[right] < a.keys[left]) {
                right++;
            } else {
                intersection++;
                left++;
                right++;
            }
            seen++;
        }
        return intersection / (double) smaller;
    }

    /** The estimated size of the intersection of the two sets. */
    public static long intersectionCardinality(SetDigestSketch a, SetDigestSketch b) {
        if (a.isExact() && b.isExact()) {
            int intersection = 0;
            int left = 0;
            int right = 0;
            while (left < a.size && right < b.size) {
                if (a.keys[left] < b.keys[right]) {
                    left++;
                } else if (b.keys[right] < a.keys[left]) {
                    right++;
                } else {
                    intersection++;
                    left++;
                    right++;
                }
            }
            return intersection;
        }
        long cardinalityA = a.cardinality();
        long cardinalityB = b.cardinality();
        double jaccard = jaccardIndex(a, b);
        SetDigestSketch union = a.copy();
        union.mergeWith(b);
        long estimate = Math.round(jaccard * union.cardinality());
        // a nearly contained smaller set: its own size is the better estimate
        return Math.min(estimate, Math.min(cardinalityA, cardinalityB));
    }

    private SetDigestSketch copy() {
        return new SetDigestSketch(hll.copy(), maxHashes, keys.clone(), counts.clone(), size);
    }

    /** The HyperLogLog part. */
    public HyperLogLogSketch hyperLogLog() {
        return hll;
    }

    public int size() {
        return size;
    }

    /** The {@code index}-th smallest kept hash. */
    public long hashAt(int index) {
        return keys[index];
    }

    /** How often the {@code index}-th smallest kept hash was added. */
    public short countAt(int index) {
        return counts[index];
    }

    @Override
    public byte[] serialize() {
        byte[] sketch = hll.serialize();
        byte[] out = new byte[1 + 4 + sketch.length + 4 + 4 + 10 * size];
        out[0] = FORMAT;
        putInt(out, 1, sketch.length);
        System.arraycopy(sketch, 0, out, 5, sketch.length);
        int at = 5 + sketch.length;
        putInt(out, at, maxHashes);
        putInt(out, at + 4, size);
        at += 8;
        for (int i = 0; i < size; i++) {
            for (int b = 0; b < 8; b++) {
                out[at++] = (byte) (keys[i] >>> (8 * b));
            }
        }
        for (int i = 0; i < size; i++) {
            out[at++] = (byte) counts[i];
            out[at++] = (byte) (counts[i] >>> 8);
        }
        return out;
    }

    public static SetDigestSketch deserialize(byte[] data, int offset, int length) {
        if (length < 13 || data[offset] != FORMAT) {
            throw invalid();
        }
        int sketchLength = getInt(data, offset + 1);
        if (sketchLength < 0 || sketchLength > length - 13) {
            throw invalid();
        }
        HyperLogLogSketch hll = HyperLogLogSketch.deserialize(data, offset + 5, sketchLength);
        int at = offset + 5 + sketchLength;
        int maxHashes = getInt(data, at);
        int size = getInt(data, at + 4);
        at += 8;
        if (maxHashes <= 0 || size < 0 || size > maxHashes || length != at - offset + 10L * size) {
            throw invalid();
        }
        long[] keys = new long[Math.max(size, 1)];
        short[] counts = new short[keys.length];
        for (int i = 0; i < size; i++) {
            long key = 0;
            for (int b = 7; b >= 0; b--) {
                key = (key << 8) | (data[at + b] & 0xFF);
            }
            keys[i] = key;
            at += 8;
        }
        for (int i = 0; i < size; i++) {
            counts[i] = (short) ((data[at] & 0xFF) | (data[at + 1] << 8));
            at += 2;
        }
        for (int i = 1; i < size; i++) {
            if (keys[i - 1] >= keys[i]) {
                throw invalid();
            }
        }
        return new SetDigestSketch(hll, maxHashes, keys, counts, size);
    }

    private static void putInt(byte[] out, int at, int value) {
        for (int b = 0; b < 4; b++) {
            out[at + b] = (byte) (value >>> (8 * b));
        }
    }

    private static int getInt(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
    }

    private static QuarryException invalid() {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot deserialize SetDigest");
    }

    @Override
    public long sizeInBytes() {
        return 48 + hll.sizeInBytes() + 10L * keys.length;
    }
}
