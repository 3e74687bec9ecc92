package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.Type;
import java.util.Arrays;

/**
 * sum and avg over the interval types (milliseconds or months in longs), with the interval type as result:
 * the sum adds the longs exactly, the average rounds the mean to the nearest long, halves up (as Trino does:
 * the mean of -1 and -2 months is -1 month).
 */
final class IntervalAccumulators {
    private IntervalAccumulators() {}

    static boolean handles(String function, Type argument) {
        return (function.equals("sum") || function.equals("avg"))
                && (argument instanceof IntervalDayTimeType || argument instanceof IntervalYearMonthType);
    }

    static Accumulator create(String function) {
        // the sum of intervals is the sum of their longs, with the same overflow check as bigint's
        return function.equals("sum") ? new Accumulators.LongSum() : new IntervalAverage();
    }

    /** The mean of intervals; its intermediate state is avg's usual (double sum, bigint count). */
    static final class IntervalAverage implements Accumulator {
        private double[] sums = new double[0];
        private long[] counts = new long[0];

        @Override
        public void ensureCapacity(int groupCount) {
            if (sums.length < groupCount) {
                int capacity = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            LongBlock block = (LongBlock) arguments[0];
            long[] values = block.rawValues();
            for (int i = 0; i < count; i++) {
                if (!block.isNull(i)) {
                    int group = groupIds[i];
                    sums[group] += values[i];
                    counts[group]++;
                }
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            DoubleBlock partialSums = (DoubleBlock) states[0];
            LongBlock partialCounts = (LongBlock) states[1];
            for (int i = 0; i < count; i++) {
                if (!partialSums.isNull(i) && !partialCounts.isNull(i)) {
                    int group = groupIds[i];
                    sums[group] += partialSums.getDouble(i);
                    counts[group] += partialCounts.getLong(i);
                }
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            out[0].appendDouble(sums[group]);
            out[1].appendLong(counts[group]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (counts[group] == 0) {
                out.appendNull();
            } else {
                out.appendLong(Math.round(sums[group] / counts[group]));
            }
        }

        @Override
        public long sizeInBytes() {
            return 16L * sums.length;
        }
    }
}
