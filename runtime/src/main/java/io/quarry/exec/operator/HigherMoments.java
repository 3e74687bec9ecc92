package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.type.Type;
import java.util.Arrays;

/**
 * {@code skewness} and {@code kurtosis} from the power sums of the non-null values (count, sum of x, x², x³, x⁴,
 * which merge by addition; the intermediate state): skewness is sqrt(n)·M3/M2^1.5 and kurtosis Trino's sample
 * excess-corrected form, with Mk the k-th central moment sums. NULL with fewer than 3 (skewness) or 4 values.
 */
final class HigherMoments implements Accumulator {
    private final Type argument;
    private final boolean kurtosis;
    private long[] counts = new long[0];
    private double[][] sums = new double[4][0];

    HigherMoments(Type argument, boolean kurtosis) {
        this.argument = argument;
        this.kurtosis = kurtosis;
    }

    static boolean handles(String function) {
        return function.equals("skewness") || function.equals("kurtosis");
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            for (int k = 0; k < 4; k++) {
                sums[k] = Arrays.copyOf(sums[k], capacity);
            }
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block block = arguments[0];
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            double x = ExtendedAccumulators.doubleValue(block, argument, i);
            int group = groupIds[i];
            counts[group]++;
            sums[0][group] += x;
            sums[1][group] += x * x;
            sums[2][group] += x * x * x;
            sums[3][group] += x * x * x * x;
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] states, int count) {
        LongBlock counted = (LongBlock) states[0];
        for (int i = 0; i < count; i++) {
            int group = groupIds[i];
            counts[group] += counted.getLong(i);
            for (int k = 0; k < 4; k++) {
                sums[k][group] += ((DoubleBlock) states[1 + k]).getDouble(i);
            }
        }
    }

    @Override
    public void writeIntermediate(int group, BlockBuilder[] out) {
        out[0].appendLong(counts[group]);
        for (int k = 0; k < 4; k++) {
            out[1 + k].appendDouble(sums[k][group]);
        }
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        double n = counts[group];
        if (n < (kurtosis ? 4 : 3)) {
            out.appendNull();
            return;
        }
        double s1 = sums[0][group];
        double s2 = sums[1][group];
        double s3 = sums[2][group];
        double s4 = sums[3][group];
        double m2 = s2 - s1 * s1 / n;
        if (!kurtosis) {
            double m3 = s3 - 3 * s1 * s2 / n + 2 * s1 * s1 * s1 / (n * n);
            out.appendDouble(Math.sqrt(n) * m3 / Math.pow(m2, 1.5));
            return;
        }
        double m4 = s4 - 4 * s1 * s3 / n + 6 * s1 * s1 * s2 / (n * n) - 3 * s1 * s1 * s1 * s1 / (n * n * n);
        double variance = m2 / (n - 1);
        double result = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * m4 / (variance * variance)
                - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
        out.appendDouble(result);
    }

    @Override
    public long sizeInBytes() {
        return 40L * counts.length;
    }
}
