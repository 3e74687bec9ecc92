package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.exec.function.IntRanges;
import io.quarry.type.IntervalDayTimeType;
import io.quarry.type.IntervalYearMonthType;
import io.quarry.type.Type;

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

    static Accumulator create(String function, Type argument) {
        // the sum of intervals is the sum of their longs, with the same overflow check as bigint's
        if (function.equals("sum")) {
            return argument instanceof IntervalYearMonthType ? new YearMonthSum() : new Accumulators.LongSum();
        }
        return new Accumulators.DoubleAverage(Accumulators.AverageResult.ROUNDED_LONG);
    }

    /** A sum of months, which fails at the end when it is beyond the int that Trino keeps months in. */
    private static final class YearMonthSum implements Accumulator {
        private final Accumulators.LongSum sum = new Accumulators.LongSum();

        @Override
        public void ensureCapacity(int groupCount) {
            sum.ensureCapacity(groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            sum.addInput(groupIds, arguments, count);
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            sum.addIntermediate(groupIds, states, count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            sum.writeIntermediate(group, out);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            IntRanges.yearMonthInterval(sum.sum(group));
            sum.writeFinal(group, out);
        }

        @Override
        public long sizeInBytes() {
            return sum.sizeInBytes();
        }
    }
}
