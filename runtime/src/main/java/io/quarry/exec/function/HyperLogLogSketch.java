package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Arrays;

/**
 * A HyperLogLog set sketch that estimates and serialises exactly as Trino's {@code HyperLogLog} values do, so that
 * {@code approx_distinct}, {@code approx_set} and {@code cardinality} give Trino's numbers and a cast to varbinary
 * gives Trino's bytes.
 *
 * <p>A sketch starts sparse: a sorted list of 32-bit entries, each the first 26 bits of a hash and the number of
 * zeros after them, estimated by linear counting over 2<sup>26</sup> buckets. It turns dense (one register per bucket,
 * {@code 2^indexBits} of them) once the sparse list would take more memory than the dense registers; that moment
 * is part of the answer (sparse and dense estimate differently), so the list's nominal capacity grows exactly
 * as Trino's does (by ten entries, exact after a merge or a read), whatever the real array holds.
 *
 * <p>Serialised forms: sparse {@code 02 p count:u16le entry:i32le*}; dense {@code 03 p baseline} then a nibble per
 * bucket (even buckets in the high half) holding {@code register - baseline} up to 15, the count of larger ones
 * ({@code u16le}), their buckets ({@code u16le}, ascending) and the excess over 15 (a byte each). The baseline is
 * the smallest register. Not thread-safe.
 */
public final class HyperLogLogSketch implements MergeableSketch<HyperLogLogSketch> {
    private static final int SPARSE_PREFIX_BITS = 26;
    private static final int VALUE_BITS = 6;
    private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;
    private static final int MAX_INDEX_BITS = 16;
    private static final byte SPARSE_TAG = 2;
    private static final byte DENSE_TAG = 3;
    private static final byte LEGACY_DENSE_TAG = 1;
    private static final int MAX_DELTA = 15;

    // Trino's memory estimates of the two forms (object headers and array headers of a 64-bit JVM with compressed
    // pointers), which decide when a sketch turns dense
    private static final int SPARSE_OBJECT_BYTES = 24;
    private static final int DENSE_OBJECT_BYTES = 40;
    private static final int ARRAY_HEADER_BYTES = 16;

    private final int indexBits;
    private int[] entries;
    private int entryCount;
    private int nominalCapacity;
    private byte[] registers;

    private HyperLogLogSketch(int indexBits, int[] entries, int entryCount, int nominalCapacity, byte[] registers) {
        this.indexBits = indexBits;
        this.entries = entries;
        this.entryCount = entryCount;
        this.nominalCapacity = nominalCapacity;
        this.registers = registers;
    }

    /** An empty sparse sketch of {@code buckets} buckets (a power of two up to 65536). */
    public static HyperLogLogSketch create(int buckets) {
        if (buckets <= 0 || (buckets & (buckets - 1)) != 0 || buckets > 1 << MAX_INDEX_BITS) {
            throw new QuarryException(
                    ErrorCode.INVALID_FUNCTION_ARGUMENT, "Number of buckets must be a power of 2 up to 65536: " + buckets);
        }
        return new HyperLogLogSketch(Integer.numberOfTrailingZeros(buckets), new int[4], 0, 1, null);
    }

    /** An empty dense sketch of {@code buckets} buckets, as Trino's {@code P4HyperLogLog}. */
    public static HyperLogLogSketch createDense(int buckets) {
        HyperLogLogSketch sketch = create(buckets);
        sketch.makeDense();
        return sketch;
    }

    public int buckets() {
        return 1 << indexBits;
    }

    public boolean isSparse() {
        return registers == null;
    }

    /** Adds a value by its 64-bit hash. */
    @Override
    public void addHash(long hash) {
        if (registers != null) {
            insertDense(hash);
            return;
        }
        int prefix = (int) (hash >>> (64 - SPARSE_PREFIX_BITS));
        int zeros = Long.numberOfLeadingZeros((hash << SPARSE_PREFIX_BITS) | (1L << (SPARSE_PREFIX_BITS - 1)));
        int position = searchPrefix(prefix);
        if (position >= 0) {
            if ((entries[position] & VALUE_MASK) < zeros) {
                entries[position] = (prefix << VALUE_BITS) | zeros;
            }
            return;
        }
        if (entryCount + 1 > nominalCapacity) {
            nominalCapacity += 10;
        }
        if (entryCount == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        int insertion = -(position + 1);
        System.arraycopy(entries, insertion, entries, insertion + 1, entryCount - insertion);
        entries[insertion] = (prefix << VALUE_BITS) | zeros;
        entryCount++;
        makeDenseIfLarger();
    }

    private void insertDense(long hash) {
        int bucket = (int) (hash >>> (64 - indexBits));
        int value = Long.numberOfLeadingZeros((hash << indexBits) | (1L << (indexBits - 1))) + 1;
        if (value > registers[bucket]) {
            registers[bucket] = (byte) value;
        }
    }

    private int searchPrefix(int prefix) {
        int low = 0;
        int high = entryCount - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int middlePrefix = entries[middle] >>> VALUE_BITS;
            if (prefix > middlePrefix) {
                low = middle + 1;
            } else if (prefix < middlePrefix) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private void makeDenseIfLarger() {
        long sparseBytes = SPARSE_OBJECT_BYTES + ARRAY_HEADER_BYTES + 4L * nominalCapacity;
        long denseBytes = DENSE_OBJECT_BYTES + ARRAY_HEADER_BYTES + (buckets() / 2);
        if (sparseBytes > denseBytes) {
            makeDense();
        }
    }

    /** Turns this sketch dense (nothing when it is already). */
    public void makeDense() {
        if (registers != null) {
            return;
        }
        byte[] dense = new byte[buckets()];
        int remainingBits = SPARSE_PREFIX_BITS - indexBits;
        for (int i = 0; i < entryCount; i++) {
            int entry = entries[i];
            int bucket = entry >>> (32 - indexBits);
            // zeros after the bucket bits; past the prefix they continue in the entry's stored count
            int zeros = Integer.numberOfLeadingZeros(entry << indexBits);
            if (zeros >= remainingBits) {
                zeros = remainingBits + (entry & VALUE_MASK);
            }
            if (zeros + 1 > dense[bucket]) {
                dense[bucket] = (byte) (zeros + 1);
            }
        }
        registers = dense;
        entries = null;
        entryCount = 0;
        nominalCapacity = 0;
    }

    /** Adds every value of {@code other} to this sketch. */
    @Override
    public void mergeWith(HyperLogLogSketch other) {
        if (registers == null && other.registers == null) {
            // two sparse sketches merge their entries whatever their bucket counts, keeping this one's
            mergeSparse(other);
            makeDenseIfLarger();
            return;
        }
        if (indexBits != other.indexBits) {
            throw new QuarryException(
                    ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Cannot merge HLLs with different number of buckets: " + buckets() + " vs " + other.buckets());
        }
        makeDense();
        if (other.registers == null) {
            HyperLogLogSketch copy = other.copy();
            copy.makeDense();
            maxInto(copy.registers);
        } else {
            maxInto(other.registers);
        }
    }

    private void maxInto(byte[] source) {
        for (int i = 0; i < registers.length; i++) {
            if (source[i] > registers[i]) {
                registers[i] = source[i];
            }
        }
    }

    private void mergeSparse(HyperLogLogSketch other) {
        int[] merged = new int[entryCount + other.entryCount];
        int left = 0;
        int right = 0;
        int count = 0;
        while (left < entryCount && right < other.entryCount) {
            int leftPrefix = entries[left] >>> VALUE_BITS;
            int rightPrefix = other.entries[right] >>> VALUE_BITS;
            if (leftPrefix < rightPrefix) {
                merged[count++] = entries[left++];
            } else if (leftPrefix > rightPrefix) {
                merged[count++] = other.entries[right++];
            } else {
                int value = Math.max(entries[left] & VALUE_MASK, other.entries[right] & VALUE_MASK);
                merged[count++] = (leftPrefix << VALUE_BITS) | value;
                left++;
                right++;
            }
        }
        while (left < entryCount) {
            merged[count++] = entries[left++];
        }
        while (right < other.entryCount) {
            merged[count++] = other.entries[right++];
        }
        entries = merged;
        entryCount = count;
        nominalCapacity = count;
    }

    public HyperLogLogSketch copy() {
        return new HyperLogLogSketch(
                indexBits,
                entries == null ? null : entries.clone(),
                entryCount,
                nominalCapacity,
                registers == null ? null : registers.clone());
    }

    /** The estimated number of distinct values. */
    public long cardinality() {
        if (registers == null) {
            int total = 1 << SPARSE_PREFIX_BITS;
            return Math.round(linearCounting(total - entryCount, total));
        }
        int buckets = registers.length;
        int baseline = Byte.MAX_VALUE;
        int atBaseline = 0;
        for (byte register : registers) {
            if (register < baseline) {
                baseline = register;
                atBaseline = 1;
            } else if (register == baseline) {
                atBaseline++;
            }
        }
        if (baseline == 0 && atBaseline > 0.4 * buckets) {
            return Math.round(linearCounting(atBaseline, buckets));
        }
        double sum = 0;
        for (byte register : registers) {
            sum += 1.0 / (1L << register);
        }
        double estimate = alpha() * buckets * buckets / sum;
        return Math.round(HyperLogLogBias.correct(estimate, indexBits));
    }

    private static double linearCounting(int zeroBuckets, int totalBuckets) {
        return totalBuckets * Math.log(totalBuckets * 1.0 / zeroBuckets);
    }

    private double alpha() {
        return switch (indexBits) {
            case 4 -> 0.673;
            case 5 -> 0.697;
            case 6 -> 0.709;
            default -> 0.7213 / (1 + 1.079 / buckets());
        };
    }

    /** The serialised form, as Trino's {@code CAST(hll AS varbinary)} gives it. */
    @Override
    public byte[] serialize() {
        if (registers == null) {
            byte[] out = new byte[4 + 4 * entryCount];
            out[0] = SPARSE_TAG;
            out[1] = (byte) indexBits;
            out[2] = (byte) entryCount;
            out[3] = (byte) (entryCount >>> 8);
            for (int i = 0; i < entryCount; i++) {
                int entry = entries[i];
                int at = 4 + 4 * i;
                out[at] = (byte) entry;
                out[at + 1] = (byte) (entry >>> 8);
                out[at + 2] = (byte) (entry >>> 16);
                out[at + 3] = (byte) (entry >>> 24);
            }
            return out;
        }
        int buckets = registers.length;
        int baseline = Byte.MAX_VALUE;
        int overflows = 0;
        for (byte register : registers) {
            baseline = Math.min(baseline, register);
        }
        for (byte register : registers) {
            if (register - baseline > MAX_DELTA) {
                overflows++;
            }
        }
        int deltasAt = 3;
        int overflowsAt = deltasAt + buckets / 2;
        byte[] out = new byte[overflowsAt + 2 + 3 * overflows];
        out[0] = DENSE_TAG;
        out[1] = (byte) indexBits;
        out[2] = (byte) baseline;
        out[overflowsAt] = (byte) overflows;
        out[overflowsAt + 1] = (byte) (overflows >>> 8);
        int overflow = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            int delta = registers[bucket] - baseline;
            if (delta > MAX_DELTA) {
                int bucketAt = overflowsAt + 2 + 2 * overflow;
                out[bucketAt] = (byte) bucket;
                out[bucketAt + 1] = (byte) (bucket >>> 8);
                out[overflowsAt + 2 + 2 * overflows + overflow] = (byte) (delta - MAX_DELTA);
                overflow++;
                delta = MAX_DELTA;
            }
            out[deltasAt + bucket / 2] |= (byte) ((bucket & 1) == 0 ? delta << 4 : delta);
        }
        return out;
    }

    /** Reads a serialised sketch; {@code INVALID_FUNCTION_ARGUMENT} when the bytes are not one. */
    public static HyperLogLogSketch deserialize(byte[] data, int offset, int length) {
        if (length < 2) {
            throw invalid();
        }
        byte tag = data[offset];
        int indexBits = data[offset + 1];
        if (tag == SPARSE_TAG) {
            if (indexBits < 1 || indexBits > SPARSE_PREFIX_BITS || length < 4) {
                throw invalid();
            }
            int count = (short) ((data[offset + 2] & 0xFF) | (data[offset + 3] << 8));
            if (count < 0 || length != 4 + 4 * count) {
                throw invalid();
            }
            int[] entries = new int[Math.max(count, 1)];
            for (int i = 0; i < count; i++) {
                int at = offset + 4 + 4 * i;
                entries[i] = (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16
                        | (data[at + 3] & 0xFF) << 24;
            }
            return new HyperLogLogSketch(indexBits, entries, count, count, null);
        }
        if (tag != DENSE_TAG && tag != LEGACY_DENSE_TAG) {
            throw invalid();
        }
        if (indexBits < 1 || indexBits > MAX_INDEX_BITS) {
            throw invalid();
        }
        int buckets = 1 << indexBits;
        int overflowsAt = offset + 3 + buckets / 2;
        if (length < 3 + buckets / 2 + (tag == DENSE_TAG ? 2 : 3)) {
            throw invalid();
        }
        int baseline = data[offset + 2];
        byte[] registers = new byte[buckets];
        for (int bucket = 0; bucket < buckets; bucket++) {
            int slot = data[offset + 3 + bucket / 2];
            int delta = ((bucket & 1) == 0 ? slot >> 4 : slot) & 0xF;
            registers[bucket] = (byte) (baseline + delta);
        }
        int end;
        if (tag == LEGACY_DENSE_TAG) {
            // one optional overflow bucket: a signed short and a byte
            int bucket = (short) ((data[overflowsAt] & 0xFF) | (data[overflowsAt + 1] << 8));
            int value = data[overflowsAt + 2];
            if (bucket >= 0 && value > 0) {
                if (bucket >= buckets) {
                    throw invalid();
                }
                registers[bucket] += (byte) value;
            }
            end = overflowsAt + 3;
        } else {
            int overflows = (data[overflowsAt] & 0xFF) | (data[overflowsAt + 1] & 0xFF) << 8;
            end = overflowsAt + 2 + 3 * overflows;
            if (overflows > buckets || end > offset + length) {
                throw invalid();
            }
            for (int i = 0; i < overflows; i++) {
                int bucketAt = overflowsAt + 2 + 2 * i;
                int bucket = (data[bucketAt] & 0xFF) | (data[bucketAt + 1] & 0xFF) << 8;
                int value = data[overflowsAt + 2 + 2 * overflows + i];
                if (bucket >= buckets || value <= 0) {
                    throw invalid();
                }
                registers[bucket] += (byte) value;
            }
        }
        if (end != offset + length) {
            throw invalid();
        }
        return new HyperLogLogSketch(indexBits, null, 0, 0, registers);
    }

    private static QuarryException invalid() {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot deserialize HyperLogLog");
    }

    /** Memory held, for accounting. */
    @Override
    public long sizeInBytes() {
        return 32 + (registers != null ? registers.length : 4L * entries.length);
    }
}
