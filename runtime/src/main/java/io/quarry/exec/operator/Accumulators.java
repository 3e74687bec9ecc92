package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.Decimals;
import io.quarry.exec.function.DoubleExtremes;
import io.quarry.plan.AggregateCall;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.DecimalType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.Storage;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/** The accumulators of count, sum, avg, min and max, chosen by argument and result type. */
final class Accumulators {
    private Accumulators() {}

    static boolean isIntegral(Type type) {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType
                || type instanceof BigintType;
    }

    static Accumulator create(AggregateCall call) {
        String function = call.function();
        Type result = call.resultType();
        Type argument = call.argumentTypes().isEmpty() ? null : call.argumentTypes().get(0);
        if (MoreAccumulators.handles(call)) {
            return MoreAccumulators.create(call);
        }
        if (StructuralAccumulators.handles(function)) {
            return StructuralAccumulators.create(call);
        }
        if (HigherMoments.handles(function)) {
            return new HigherMoments(argument, function.equals("kurtosis"));
        }
        if (MapBuildingAccumulators.handles(function)) {
            return MapBuildingAccumulators.create(call);
        }
        if (IntervalAccumulators.handles(function, argument)) {
            return IntervalAccumulators.create(function, argument);
        }
        switch (function) {
            case "count" -> {
                return new Count();
            }
            case "sum" -> {
                if (argument != null && isIntegral(argument) && isIntegral(result)) {
                    return new LongSum();
                }
                if (argument != null && argument.isNumeric() && argument.storage() == Storage.DOUBLE && result.storage() == Storage.DOUBLE) {
                    return new DoubleSum(result instanceof RealType);
                }
                if (argument instanceof DecimalType && result instanceof DecimalType decimal) {
                    return new DecimalSum(decimal);
                }
            }
            case "avg" -> {
                if (argument != null && (isIntegral(argument) || argument.storage() == Storage.DOUBLE && argument.isNumeric())
                        && result.storage() == Storage.DOUBLE) {
                    return new DoubleAverage(result instanceof RealType ? AverageResult.REAL : AverageResult.DOUBLE);
                }
                if (argument instanceof DecimalType && result instanceof DecimalType decimal) {
                    return new DecimalAverage(decimal);
                }
            }
            case "min", "max" -> {
                if (argument != null && argument.equals(result)) {
                    return new MinMax(result, function.equals("max"));
                }
            }
            case "single_value" -> {
                return new SingleValueAccumulator();
            }
            default -> {
                return ExtendedAccumulators.create(call);
            }
        }
        throw new QuarryException(
                ErrorCode.NOT_SUPPORTED,
                "Aggregate function " + function + " is not supported for " + call.argumentTypes() + " returning " + result);
    }

    private static void appendLongOrNull(BlockBuilder out, boolean present, long value) {
        if (present) {
            out.appendLong(value);
        } else {
            out.appendNull();
        }
    }

    static final class Count implements Accumulator {
        private long[] counts = new long[0];

        @Override
        public void ensureCapacity(int groupCount) {
            if (counts.length < groupCount) {
                counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            if (arguments.length == 0 || !arguments[0].mayHaveNull()) {
                for (int i = 0; i < count; i++) {
                    counts[groupIds[i]]++;
                }
                return;
            }
            Block block = arguments[0];
            for (int i = 0; i < count; i++) {
                if (!block.isNull(i)) {
                    counts[groupIds[i]]++;
                }
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            LongBlock block = (LongBlock) states[0];
            for (int i = 0; i < count; i++) {
                if (!block.isNull(i)) {
                    counts[groupIds[i]] += block.getLong(i);
                }
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            out[0].appendLong(counts[group]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            out.appendLong(counts[group]);
        }

        @Override
        public long sizeInBytes() {
            return 8L * counts.length;
        }
    }

    static final class LongSum implements Accumulator {
        private final boolean overflowChecked;
        private long[] sums = new long[0];
        private boolean[] present = new boolean[0];

        LongSum() {
            this(true);
        }

        /** Unchecked, the sum wraps around as a long does: Trino's sum of integers over a window frame does so. */
        LongSum(boolean overflowChecked) {
            this.overflowChecked = overflowChecked;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (sums.length < groupCount) {
                int capacity = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, capacity);
                present = Arrays.copyOf(present, capacity);
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            LongBlock block = (LongBlock) arguments[0];
            long[] values = block.rawValues();
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    continue;
                }
                int group = groupIds[i];
                long sum = sums[group];
                long value = values[i];
                long result = sum + value;
                if (overflowChecked && ((sum ^ result) & (value ^ result)) < 0) {
                    throw new QuarryException(
                            ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint addition overflow: " + sum + " + " + value);
                }
                sums[group] = result;
                present[group] = true;
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addInput(groupIds, states, count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            writeFinal(group, out[0]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            appendLongOrNull(out, present[group], sums[group]);
        }

        /** The group's sum so far (0 before any value). */
        long sum(int group) {
            return sums[group];
        }

        @Override
        public long sizeInBytes() {
            return 9L * sums.length;
        }
    }

    static final class DoubleSum implements Accumulator {
        private final boolean real;
        private double[] sums = new double[0];
        private boolean[] present = new boolean[0];

        DoubleSum(boolean real) {
            this.real = real;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (sums.length < groupCount) {
                int capacity = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, capacity);
                present = Arrays.copyOf(present, capacity);
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            DoubleBlock block = (DoubleBlock) arguments[0];
            double[] values = block.rawValues();
            if (!block.mayHaveNull()) {
                for (int i = 0; i < count; i++) {
                    int group = groupIds[i];
                    sums[group] += values[i];
                    present[group] = true;
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                if (!block.isNull(i)) {
                    int group = groupIds[i];
                    sums[group] += values[i];
                    present[group] = true;
                }
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addInput(groupIds, states, count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            writeFinal(group, out[0]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (present[group]) {
                out.appendDouble(real ? (float) sums[group] : sums[group]);
            } else {
                out.appendNull();
            }
        }

        @Override
        public long sizeInBytes() {
            return 9L * sums.length;
        }
    }

    /**
     * 128-bit sums (high, low) per group that wrap around, with the count of wraps beside them (positive up,
     * negative down): a running total may pass 10^38, even 2^127, and come back, as in Trino; only the final total
     * must fit in 38 digits.
     */
    static class Int128Sums {
        private static final BigInteger WRAP = BigInteger.ONE.shiftLeft(128);

        long[] high = new long[0];
        long[] low = new long[0];
        long[] wraps = new long[0];
        boolean[] present = new boolean[0];

        void ensureSums(int groupCount) {
            if (high.length < groupCount) {
                int capacity = Math.max(groupCount, high.length * 2);
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                wraps = Arrays.copyOf(wraps, capacity);
                present = Arrays.copyOf(present, capacity);
            }
        }

        final void add(int group, long addHigh, long addLow) {
            long oldHigh = high[group];
            long oldLow = low[group];
            long newLow = oldLow + addLow;
            long carry = Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0;
            long newHigh = oldHigh + addHigh + carry;
            if (((oldHigh ^ newHigh) & (addHigh ^ newHigh)) < 0) {
                // both of one sign, the result of the other: the 128 bits wrapped
                wraps[group] += oldHigh < 0 ? -1 : 1;
            }
            high[group] = newHigh;
            low[group] = newLow;
            present[group] = true;
        }

        final void addBlock(int[] groupIds, Block block, int count) {
            if (block instanceof LongBlock longs) {
                long[] values = longs.rawValues();
                for (int i = 0; i < count; i++) {
                    if (!longs.isNull(i)) {
                        add(groupIds[i], values[i] >> 63, values[i]);
                    }
                }
            } else {
                Int128Block int128 = (Int128Block) block;
                for (int i = 0; i < count; i++) {
                    if (!int128.isNull(i)) {
                        add(groupIds[i], int128.getHigh(i), int128.getLow(i));
                    }
                }
            }
        }

        /** Adds partial states: their wrapped sums, then their counts of wraps. */
        final void addPartials(int[] groupIds, Block sums, Block partialWraps, int count) {
            addBlock(groupIds, sums, count);
            LongBlock counted = (LongBlock) partialWraps;
            for (int i = 0; i < count; i++) {
                if (!counted.isNull(i)) {
                    wraps[groupIds[i]] += counted.getLong(i);
                }
            }
        }

        /** The partial state of a group: the wrapped sum and the count of wraps. */
        final void writePartial(int group, BlockBuilder sumOut, BlockBuilder wrapsOut) {
            sumOut.appendInt128(high[group], low[group]);
            wrapsOut.appendLong(wraps[group]);
        }

        /** The exact total of a group. */
        final BigInteger sum(int group) {
            BigInteger wrapped = Int128.toBigInteger(high[group], low[group]);
            return wraps[group] == 0 ? wrapped : wrapped.add(WRAP.multiply(BigInteger.valueOf(wraps[group])));
        }

        static void appendDecimal(BlockBuilder out, DecimalType type, BigInteger value) {
            if (Decimals.overflows(value, type.precision())) {
                throw Decimals.overflow();
            }
            if (type.isShort()) {
                out.appendLong(value.longValue());
            } else {
                out.appendInt128(Int128.high(value), Int128.low(value));
            }
        }
    }

    static final class DecimalSum extends Int128Sums implements Accumulator {
        private final DecimalType resultType;

        DecimalSum(DecimalType resultType) {
            this.resultType = resultType;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            ensureSums(groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            addBlock(groupIds, arguments[0], count);
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addPartials(groupIds, states[0], states[1], count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            if (!present[group]) {
                out[0].appendNull();
                out[1].appendNull();
            } else {
                writePartial(group, out[0], out[1]);
            }
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (!present[group]) {
                out.appendNull();
            } else {
                appendDecimal(out, resultType, sum(group));
            }
        }

        @Override
        public long sizeInBytes() {
            return 25L * high.length;
        }
    }

    /** What an average over doubles and longs gives: a double, a real, or (intervals) the nearest long, halves up. */
    enum AverageResult {
        DOUBLE,
        REAL,
        ROUNDED_LONG
    }

    /** avg over doubles or longs; its intermediate state is a double sum and a bigint count. */
    static final class DoubleAverage implements Accumulator {
        private final AverageResult result;
        private double[] sums = new double[0];
        private long[] counts = new long[0];

        DoubleAverage(AverageResult result) {
            this.result = result;
        }

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
            Block block = arguments[0];
            if (block instanceof DoubleBlock doubles) {
                double[] values = doubles.rawValues();
                for (int i = 0; i < count; i++) {
                    if (!doubles.isNull(i)) {
                        int group = groupIds[i];
                        sums[group] += values[i];
                        counts[group]++;
                    }
                }
            } else {
                LongBlock longs = (LongBlock) block;
                long[] values = longs.rawValues();
                for (int i = 0; i < count; i++) {
                    if (!longs.isNull(i)) {
                        int group = groupIds[i];
                        sums[group] += values[i];
                        counts[group]++;
                    }
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
                double average = sums[group] / counts[group];
                switch (result) {
                    case DOUBLE -> out.appendDouble(average);
                    case REAL -> out.appendDouble((float) average);
                    case ROUNDED_LONG -> out.appendLong(Math.round(average));
                }
            }
        }

        @Override
        public long sizeInBytes() {
            return 16L * sums.length;
        }
    }

    static final class DecimalAverage extends Int128Sums implements Accumulator {
        private final DecimalType resultType;
        private long[] counts = new long[0];

        DecimalAverage(DecimalType resultType) {
            this.resultType = resultType;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            ensureSums(groupCount);
            if (counts.length < groupCount) {
                counts = Arrays.copyOf(counts, high.length);
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            addBlock(groupIds, arguments[0], count);
            for (int i = 0; i < count; i++) {
                if (!arguments[0].isNull(i)) {
                    counts[groupIds[i]]++;
                }
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addPartials(groupIds, states[0], states[2], count);
            LongBlock partialCounts = (LongBlock) states[1];
            for (int i = 0; i < count; i++) {
                if (!partialCounts.isNull(i)) {
                    counts[groupIds[i]] += partialCounts.getLong(i);
                }
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            writePartial(group, out[0], out[2]);
            out[1].appendLong(counts[group]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (counts[group] == 0) {
                out.appendNull();
                return;
            }
            java.math.BigDecimal average = new java.math.BigDecimal(sum(group))
                    .divide(java.math.BigDecimal.valueOf(counts[group]), 0, RoundingMode.HALF_UP);
            appendDecimal(out, resultType, average.unscaledValue());
        }

        @Override
        public long sizeInBytes() {
            return 33L * high.length;
        }
    }

    /** min / max of any orderable storage; the intermediate state is the result itself. */
    static final class MinMax implements Accumulator {
        private final Type type;
        private final boolean max;
        private long[] longs = new long[0];
        private double[] doubles = new double[0];
        private byte[][] bytes = new byte[0][];
        private long bytesSize;
        private boolean[] present = new boolean[0];

        MinMax(Type type, boolean max) {
            this.type = type;
            this.max = max;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (present.length >= groupCount) {
                return;
            }
            int capacity = Math.max(groupCount, present.length * 2);
            present = Arrays.copyOf(present, capacity);
            switch (type.storage()) {
                case LONG, BOOLEAN -> longs = Arrays.copyOf(longs, capacity);
                case INT128 -> longs = Arrays.copyOf(longs, 2 * capacity);
                case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
                case VARIABLE_WIDTH -> bytes = Arrays.copyOf(bytes, capacity);
            }
        }

        private boolean better(int comparison) {
            return max ? comparison > 0 : comparison < 0;
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            Block block = arguments[0];
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    continue;
                }
                int group = groupIds[i];
                if (block instanceof LongBlock b) {
                    long value = b.getLong(i);
                    if (!present[group] || better(Long.compare(value, longs[group]))) {
                        longs[group] = value;
                    }
                } else if (block instanceof DoubleBlock b) {
                    double value = b.getDouble(i);
                    if (!present[group] || DoubleExtremes.beats(value, doubles[group], max)) {
                        doubles[group] = value;
                    }
                } else if (block instanceof BooleanBlock b) {
                    long value = b.getBoolean(i) ? 1 : 0;
                    if (!present[group] || better(Long.compare(value, longs[group]))) {
                        longs[group] = value;
                    }
                } else if (block instanceof Int128Block b) {
                    long high = b.getHigh(i);
                    long low = b.getLow(i);
                    int comparison = io.quarry.type.TemporalTypes.compareTwoLongs(type, high, low, longs[2 * group], longs[2 * group + 1]);
                    if (!present[group] || better(comparison)) {
                        longs[2 * group] = high;
                        longs[2 * group + 1] = low;
                    }
                } else {
                    VariableWidthBlock b = (VariableWidthBlock) block;
                    byte[] current = bytes[group];
                    if (!present[group] || better(Arrays.compareUnsigned(
                            b.rawData(), b.offset(i), b.offset(i) + b.length(i), current, 0, current.length))) {
                        bytesSize += b.length(i) - (current == null ? 0 : current.length);
                        bytes[group] = b.getBytes(i);
                    }
                }
                present[group] = true;
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addInput(groupIds, states, count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            writeFinal(group, out[0]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (!present[group]) {
                out.appendNull();
                return;
            }
            switch (type.storage()) {
                case LONG -> out.appendLong(longs[group]);
                case BOOLEAN -> out.appendBoolean(longs[group] != 0);
                case INT128 -> out.appendInt128(longs[2 * group], longs[2 * group + 1]);
                case DOUBLE -> out.appendDouble(doubles[group]);
                case VARIABLE_WIDTH -> out.appendBytes(bytes[group]);
            }
        }

        @Override
        public long sizeInBytes() {
            return 9L * present.length + 8L * doubles.length + 8L * longs.length + 24L * bytes.length + bytesSize;
        }
    }
}
