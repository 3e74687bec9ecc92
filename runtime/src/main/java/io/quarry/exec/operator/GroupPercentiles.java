package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.Type;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The percentages of {@code approx_percentile} per group, kept as Trino keeps them: a single percentage is that of
 * the group's last row and is checked only when the group's answer is asked for; an array of them is that of the
 * group's first row, checked as it is read. In an intermediate state they go first: their count (-1 for none), then
 * each one.
 */
final class GroupPercentiles {
    private final Type percentileType;
    private final boolean array;
    private double[][] byGroup = new double[0][];
    private long percentileCount;

    GroupPercentiles(Type percentileType) {
        this.percentileType = percentileType;
        this.array = percentileType instanceof ArrayType;
    }

    boolean isArray() {
        return array;
    }

    void ensureCapacity(int groupCount) {
        if (byGroup.length < groupCount) {
            byGroup = Arrays.copyOf(byGroup, Math.max(groupCount, byGroup.length * 2));
        }
    }

    /** Takes the (non-null) percentage argument of a row of the group. */
    void add(int group, Block block, int position) {
        double[] known = byGroup[group];
        if (!array) {
            double percentile = ExtendedAccumulators.doubleValue(block, percentileType, position);
            if (known == null) {
                byGroup[group] = new double[] {percentile};
                percentileCount++;
            } else {
                known[0] = percentile;
            }
            return;
        }
        if (known != null) {
            return;
        }
        ArrayBlock arrays = (ArrayBlock) block;
        Type elementType = ((ArrayType) percentileType).elementType();
        double[] percentiles = new double[arrays.length(position)];
        for (int e = 0; e < percentiles.length; e++) {
            int at = arrays.offset(position) + e;
            if (arrays.elements().isNull(at)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile cannot be null");
            }
            percentiles[e] = ExtendedAccumulators.doubleValue(arrays.elements(), elementType, at);
        }
        check(percentiles);
        byGroup[group] = percentiles;
        percentileCount += percentiles.length;
    }

    /** The group's percentages, checked; null if it has none. */
    double[] get(int group) {
        double[] percentiles = byGroup[group];
        if (percentiles != null && !array) {
            check(percentiles);
        }
        return percentiles;
    }

    private static void check(double[] percentiles) {
        for (double percentile : percentiles) {
            if (!(percentile >= 0 && percentile <= 1)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile must be between 0 and 1");
            }
        }
    }

    /** A group's intermediate state: its percentages, then the serialized digest. */
    byte[] state(int group, byte[] digest) {
        ByteBuffer buffer = ByteBuffer.allocate(serializedSize(group) + digest.length);
        write(group, buffer);
        buffer.put(digest);
        return buffer.array();
    }

    int serializedSize(int group) {
        double[] percentiles = byGroup[group];
        return Integer.BYTES + Double.BYTES * (percentiles == null ? 0 : percentiles.length);
    }

    void write(int group, ByteBuffer out) {
        double[] percentiles = byGroup[group];
        if (percentiles == null) {
            out.putInt(-1);
            return;
        }
        out.putInt(percentiles.length);
        for (double percentile : percentiles) {
            out.putDouble(percentile);
        }
    }

    /**
     * Reads the percentages of a state into the group: a single one replaces the group's, as a later row would; an
     * array is kept only by a group without one yet.
     */
    void merge(int group, ByteBuffer in) {
        int count = in.getInt();
        if (count < 0) {
            return;
        }
        double[] percentiles = new double[count];
        for (int i = 0; i < count; i++) {
            percentiles[i] = in.getDouble();
        }
        double[] known = byGroup[group];
        if (known == null || !array) {
            byGroup[group] = percentiles;
            percentileCount += count - (known == null ? 0 : known.length);
        }
    }

    long sizeInBytes() {
        return 8L * byGroup.length + 24L * percentileCount;
    }
}
