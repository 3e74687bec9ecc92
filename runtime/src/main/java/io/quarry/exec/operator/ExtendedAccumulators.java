package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.DigestFunctions;
import io.quarry.exec.function.HyperLogLogSketch;
import io.quarry.exec.function.XxHash64;
import io.quarry.plan.AggregateCall;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BooleanType;
import io.quarry.type.DecimalType;
import io.quarry.type.RealType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The accumulators of count_if, bool_and/bool_or/every, the variance family, geometric_mean, corr and
 * covariances, max_by/min_by, arbitrary/any_value, approx_distinct and approx_percentile. Their
 * intermediate states are laid out as {@link io.quarry.plan.ExtendedAggregates} says.
 */
final class ExtendedAccumulators {
    private ExtendedAccumulators() {}

    static Accumulator create(AggregateCall call) {
        String function = call.function();
        Type result = call.resultType();
        return switch (function) {
            case "count_if" -> new CountIf();
            case "bool_and", "every" -> new BooleanAggregate(true);
            case "bool_or" -> new BooleanAggregate(false);
            case "stddev", "stddev_samp" -> new Moments(call.argumentTypes().get(0), Moments.Result.STDDEV_SAMPLE);
            case "stddev_pop" -> new Moments(call.argumentTypes().get(0), Moments.Result.STDDEV_POPULATION);
            case "variance", "var_samp" -> new Moments(call.argumentTypes().get(0), Moments.Result.VARIANCE_SAMPLE);
            case "var_pop" -> new Moments(call.argumentTypes().get(0), Moments.Result.VARIANCE_POPULATION);
            case "geometric_mean" -> new GeometricMean(call.argumentTypes().get(0), result instanceof RealType);
            case "corr", "covar_samp", "covar_pop", "regr_slope", "regr_intercept" ->
                    new CoMoments(call.argumentTypes(), function, result instanceof RealType);
            case "max_by", "min_by" -> new ValueByKey(call.argumentTypes().get(0), call.argumentTypes().get(1), function.equals("max_by"));
            case "arbitrary", "any_value" -> new Arbitrary(result);
            case "approx_distinct" -> new ApproxDistinct(call);
            case "approx_percentile" -> ApproxPercentileAccumulator.create(call, false);
            case "approx_set" -> HyperLogLogAccumulator.approxSet(call.argumentTypes().get(0));
            case "merge" -> DigestFunctions.isDigest(result)
                    ? new DigestAccumulator(true, result, call.argumentTypes())
                    : HyperLogLogAccumulator.merge(call.argumentTypes().get(0));
            case "tdigest_agg", "qdigest_agg" -> new DigestAccumulator(false, result, call.argumentTypes());
            case "make_set_digest" -> new SetDigestAccumulator(false);
            case "merge_set_digest" -> new SetDigestAccumulator(true);
            default -> throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Aggregate function not registered: " + function);
        };
    }

    /** The numeric value at {@code position} as a double, decimals scaled. */
    static double doubleValue(Block block, Type type, int position) {
        if (block instanceof DoubleBlock doubles) {
            return doubles.getDouble(position);
        }
        if (block instanceof LongBlock longs) {
            if (type instanceof DecimalType decimal) {
                return decimal.toDouble(longs.getLong(position));
            }
            return longs.getLong(position);
        }
        if (block instanceof Int128Block int128) {
            int scale = ((DecimalType) type).scale();
            return new BigDecimal(Int128.toBigInteger(int128.getHigh(position), int128.getLow(position)), scale).doubleValue();
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Not a numeric value: " + type.displayName());
    }

    static long[] grow(long[] array, int groupCount) {
        return array.length >= groupCount ? array : Arrays.copyOf(array, Math.max(groupCount, array.length * 2));
    }

    static double[] grow(double[] array, int groupCount) {
        return array.length >= groupCount ? array : Arrays.copyOf(array, Math.max(groupCount, array.length * 2));
    }

    static final class CountIf implements Accumulator {
        private long[] counts = new long[0];

        @Override
        public void ensureCapacity(int groupCount) {
            counts = grow(counts, groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            BooleanBlock block = (BooleanBlock) arguments[0];
            boolean[] values = block.rawValues();
            for (int i = 0; i < count; i++) {
                if (values[i] && !block.isNull(i)) {
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

    /** bool_and (every): false once a false is seen; bool_or: true once a true is seen; NULL with no input. */
    static final class BooleanAggregate implements Accumulator {
        private final boolean and;
        // 0 = no value yet, 1 = true, 2 = false
        private byte[] states = new byte[0];

        BooleanAggregate(boolean and) {
            this.and = and;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (states.length < groupCount) {
                states = Arrays.copyOf(states, Math.max(groupCount, states.length * 2));
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            BooleanBlock block = (BooleanBlock) arguments[0];
            boolean[] values = block.rawValues();
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    continue;
                }
                int group = groupIds[i];
                boolean current = states[group] == 1;
                boolean value = states[group] == 0 ? values[i] : and ? current && values[i] : current || values[i];
                states[group] = value ? (byte) 1 : (byte) 2;
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
            if (states[group] == 0) {
                out.appendNull();
            } else {
                out.appendBoolean(states[group] == 1);
            }
        }

        @Override
        public long sizeInBytes() {
            return states.length;
        }
    }

    /** Count, mean and sum of squared deviations (Welford), merged with Chan's formula. */
    static final class Moments implements Accumulator {
        enum Result {
            STDDEV_SAMPLE,
            STDDEV_POPULATION,
            VARIANCE_SAMPLE,
            VARIANCE_POPULATION
        }

        private final Type argumentType;
        private final Result result;
        private long[] counts = new long[0];
        private double[] means = new double[0];
        private double[] m2s = new double[0];

        Moments(Type argumentType, Result result) {
            this.argumentType = argumentType;
            this.result = result;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            counts = grow(counts, groupCount);
            means = grow(means, groupCount);
            m2s = grow(m2s, groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            Block block = arguments[0];
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    continue;
                }
                int group = groupIds[i];
                double value = doubleValue(block, argumentType, i);
                long n = ++counts[group];
                double delta = value - means[group];
                means[group] += delta / n;
                m2s[group] += delta * (value - means[group]);
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            LongBlock partialCounts = (LongBlock) states[0];
            DoubleBlock partialMeans = (DoubleBlock) states[1];
            DoubleBlock partialM2s = (DoubleBlock) states[2];
            for (int i = 0; i < count; i++) {
                if (partialCounts.isNull(i) || partialCounts.getLong(i) == 0) {
                    continue;
                }
                int group = groupIds[i];
                long otherCount = partialCounts.getLong(i);
                long total = counts[group] + otherCount;
                double delta = partialMeans.getDouble(i) - means[group];
                m2s[group] += partialM2s.getDouble(i) + delta * delta * counts[group] * otherCount / total;
                means[group] += delta * otherCount / total;
                counts[group] = total;
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            out[0].appendLong(counts[group]);
            out[1].appendDouble(means[group]);
            out[2].appendDouble(m2s[group]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            long n = counts[group];
            boolean sample = result == Result.STDDEV_SAMPLE || result == Result.VARIANCE_SAMPLE;
            if (n == 0 || (sample && n == 1)) {
                out.appendNull();
                return;
            }
            double variance = m2s[group] / (sample ? n - 1 : n);
            boolean deviation = result == Result.STDDEV_SAMPLE || result == Result.STDDEV_POPULATION;
            out.appendDouble(deviation ? Math.sqrt(variance) : variance);
        }

        @Override
        public long sizeInBytes() {
            return 24L * counts.length;
        }
    }

    static final class GeometricMean implements Accumulator {
        private final Type argumentType;
        private final boolean real;
        private long[] counts = new long[0];
        private double[] logSums = new double[0];

        GeometricMean(Type argumentType, boolean real) {
            this.argumentType = argumentType;
            this.real = real;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            counts = grow(counts, groupCount);
            logSums = grow(logSums, groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            Block block = arguments[0];
            for (int i = 0; i < count; i++) {
                if (!block.isNull(i)) {
                    int group = groupIds[i];
                    counts[group]++;
                    logSums[group] += Math.log(doubleValue(block, argumentType, i));
                }
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            LongBlock partialCounts = (LongBlock) states[0];
            DoubleBlock partialSums = (DoubleBlock) states[1];
            for (int i = 0; i < count; i++) {
                if (!partialCounts.isNull(i)) {
                    counts[groupIds[i]] += partialCounts.getLong(i);
                    logSums[groupIds[i]] += partialSums.getDouble(i);
                }
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            out[0].appendLong(counts[group]);
            out[1].appendDouble(logSums[group]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (counts[group] == 0) {
                out.appendNull();
            } else {
                double mean = Math.exp(logSums[group] / counts[group]);
                out.appendDouble(real ? (float) mean : mean);
            }
        }

        @Override
        public long sizeInBytes() {
            return 16L * counts.length;
        }
    }

    /**
     * corr, covar_samp, covar_pop, regr_slope and regr_intercept over (y, x) pairs where neither is NULL; computed
     * in double, rounded to real when that is the result type.
     */
    static final class CoMoments implements Accumulator {
        private final Type yType;
        private final Type xType;
        private final String function;
        private final boolean real;
        private long[] counts = new long[0];
        private double[] meanX = new double[0];
        private double[] meanY = new double[0];
        private double[] c2 = new double[0];
        private double[] m2X = new double[0];
        private double[] m2Y = new double[0];

        CoMoments(java.util.List<Type> argumentTypes, String function, boolean real) {
            this.yType = argumentTypes.get(0);
            this.xType = argumentTypes.get(1);
            this.function = function;
            this.real = real;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            counts = grow(counts, groupCount);
            meanX = grow(meanX, groupCount);
            meanY = grow(meanY, groupCount);
            c2 = grow(c2, groupCount);
            m2X = grow(m2X, groupCount);
            m2Y = grow(m2Y, groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            Block ys = arguments[0];
            Block xs = arguments[1];
            for (int i = 0; i < count; i++) {
                if (ys.isNull(i) || xs.isNull(i)) {
                    continue;
                }
                int g = groupIds[i];
                double y = doubleValue(ys, yType, i);
                double x = doubleValue(xs, xType, i);
                long n = ++counts[g];
                double dx = x - meanX[g];
                double dy = y - meanY[g];
                meanX[g] += dx / n;
                meanY[g] += dy / n;
                c2[g] += dx * (y - meanY[g]);
                m2X[g] += dx * (x - meanX[g]);
                m2Y[g] += dy * (y - meanY[g]);
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            LongBlock n2s = (LongBlock) states[0];
            for (int i = 0; i < count; i++) {
                if (n2s.isNull(i) || n2s.getLong(i) == 0) {
                    continue;
                }
                int g = groupIds[i];
                long n1 = counts[g];
                long n2 = n2s.getLong(i);
                long n = n1 + n2;
                double otherMeanX = ((DoubleBlock) states[1]).getDouble(i);
                double otherMeanY = ((DoubleBlock) states[2]).getDouble(i);
                double dx = otherMeanX - meanX[g];
                double dy = otherMeanY - meanY[g];
                double weight = (double) n1 * n2 / n;
                c2[g] += ((DoubleBlock) states[3]).getDouble(i) + dx * dy * weight;
                m2X[g] += ((DoubleBlock) states[4]).getDouble(i) + dx * dx * weight;
                m2Y[g] += ((DoubleBlock) states[5]).getDouble(i) + dy * dy * weight;
                meanX[g] += dx * n2 / n;
                meanY[g] += dy * n2 / n;
                counts[g] = n;
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            out[0].appendLong(counts[group]);
            out[1].appendDouble(meanX[group]);
            out[2].appendDouble(meanY[group]);
            out[3].appendDouble(c2[group]);
            out[4].appendDouble(m2X[group]);
            out[5].appendDouble(m2Y[group]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (isNullResult(group)) {
                out.appendNull();
            } else {
                double value = result(group);
                out.appendDouble(real ? (float) value : value);
            }
        }

        private boolean isNullResult(int group) {
            long n = counts[group];
            return switch (function) {
                case "covar_pop" -> n == 0;
                case "covar_samp" -> n <= 1;
                case "corr" -> n <= 1 || Math.sqrt(m2X[group]) * Math.sqrt(m2Y[group]) == 0;
                // the regressions are NULL where the slope is not finite (no pair, or x never varies)
                default -> !Double.isFinite(slope(group));
            };
        }

        private double slope(int group) {
            return c2[group] / m2X[group];
        }

        private double result(int group) {
            long n = counts[group];
            return switch (function) {
                case "covar_pop" -> c2[group] / n;
                case "covar_samp" -> c2[group] / (n - 1);
                case "corr" -> c2[group] / (Math.sqrt(m2X[group]) * Math.sqrt(m2Y[group]));
                case "regr_slope" -> slope(group);
                default -> meanY[group] - slope(group) * meanX[group];
            };
        }

        @Override
        public long sizeInBytes() {
            return 48L * counts.length;
        }
    }

    /** max_by(x, y) / min_by(x, y): the x of the row with the greatest / least non-NULL y. */
    static final class ValueByKey implements Accumulator {
        private final boolean max;
        private final GroupValues values;
        private final GroupValues keys;
        private boolean[] present = new boolean[0];
        private boolean[] keyIsNaN = new boolean[0];

        ValueByKey(Type valueType, Type keyType, boolean max) {
            this.max = max;
            this.values = new GroupValues(valueType);
            this.keys = new GroupValues(keyType);
        }

        @Override
        public void ensureCapacity(int groupCount) {
            values.ensureCapacity(groupCount);
            keys.ensureCapacity(groupCount);
            if (present.length < groupCount) {
                present = Arrays.copyOf(present, Math.max(groupCount, present.length * 2));
                keyIsNaN = Arrays.copyOf(keyIsNaN, present.length);
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            Block valueBlock = arguments[0];
            Block keyBlock = arguments[1];
            for (int i = 0; i < count; i++) {
                if (keyBlock.isNull(i)) {
                    continue;
                }
                int group = groupIds[i];
                // as in Trino, a NaN key loses to every number, for max_by and min_by alike
                boolean nan = keyBlock instanceof DoubleBlock doubles && Double.isNaN(doubles.getDouble(i));
                boolean better = !present[group]
                        || !nan && (keyIsNaN[group] || (max ? keys.compare(keyBlock, i, group) > 0 : keys.compare(keyBlock, i, group) < 0));
                if (better) {
                    keys.set(group, keyBlock, i);
                    values.set(group, valueBlock, i);
                    present[group] = true;
                    keyIsNaN[group] = nan;
                }
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addInput(groupIds, states, count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            values.write(group, out[0]);
            keys.write(group, out[1]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            values.write(group, out);
        }

        @Override
        public long sizeInBytes() {
            return values.sizeInBytes() + keys.sizeInBytes() + present.length;
        }
    }

    /** Some non-NULL value of the group (the first one seen). */
    static final class Arbitrary implements Accumulator {
        private final GroupValues values;

        Arbitrary(Type type) {
            this.values = new GroupValues(type);
        }

        @Override
        public void ensureCapacity(int groupCount) {
            values.ensureCapacity(groupCount);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            Block block = arguments[0];
            for (int i = 0; i < count; i++) {
                if (!block.isNull(i) && values.isNull(groupIds[i])) {
                    values.set(groupIds[i], block, i);
                }
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addInput(groupIds, states, count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            values.write(group, out[0]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            values.write(group, out);
        }

        @Override
        public long sizeInBytes() {
            return values.sizeInBytes();
        }
    }

    /**
     * {@code approx_distinct(x[, maxStandardError])} as Trino answers it: a {@link HyperLogLogSketch} of each value's
     * xxHash64 (Trino's hash of the type), 2048 buckets unless the standard error asks for others, carried
     * between steps in its serialised form. Booleans are counted exactly (a bit for true, one for false) and
     * {@code unknown} is always 0.
     */
    static final class ApproxDistinct implements Accumulator {
        static final double DEFAULT_STANDARD_ERROR = 0.023;
        private static final double LOWEST_STANDARD_ERROR = 0.0040625;
        private static final double HIGHEST_STANDARD_ERROR = 0.26;

        private final Type type;
        private final Type errorType;
        private HyperLogLogSketch[] sketches = new HyperLogLogSketch[0];
        private byte[] booleans = new byte[0];
        private long sketchBytes;

        ApproxDistinct(AggregateCall call) {
            this.type = call.argumentTypes().get(0);
            this.errorType = call.argumentTypes().size() > 1 ? call.argumentTypes().get(1) : null;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (type instanceof BooleanType) {
                if (booleans.length < groupCount) {
                    booleans = Arrays.copyOf(booleans, Math.max(groupCount, booleans.length * 2));
                }
            } else if (sketches.length < groupCount) {
                sketches = Arrays.copyOf(sketches, Math.max(groupCount, sketches.length * 2));
            }
        }

        /** Trino's bucket count for a maximum standard error: 1.04/sqrt(buckets) at most that, a power of two. */
        static int buckets(double maxStandardError) {
            if (!(maxStandardError >= LOWEST_STANDARD_ERROR && maxStandardError <= HIGHEST_STANDARD_ERROR)) {
                throw new QuarryException(
                        ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Max standard error must be in [" + LOWEST_STANDARD_ERROR + ", " + HIGHEST_STANDARD_ERROR + "]: "
                                + maxStandardError);
            }
            int minimum = (int) Math.ceil(1.0816 / (maxStandardError * maxStandardError));
            return Integer.highestOneBit(minimum - 1) << 1;
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            Block block = arguments[0];
            Block errors = errorType == null ? null : arguments[1];
            if (type instanceof UnknownType) {
                return;
            }
            if (type instanceof BooleanType) {
                for (int i = 0; i < count; i++) {
                    if (!block.isNull(i) && (errors == null || !errors.isNull(i))) {
                        boolean value = ((BooleanBlock) EncodedBlocks.valueBlock(block))
                                .getBoolean(EncodedBlocks.valuePosition(block, i));
                        booleans[groupIds[i]] |= (byte) (value ? 1 : 2);
                    }
                }
                return;
            }
            // a long's own hash, except for a zoned timestamp or time whose long also holds its zone
            LongBlock longs = block instanceof LongBlock b && !(type instanceof TimestampWithTimeZoneType)
                    && !(type instanceof io.quarry.type.TimeWithTimeZoneType) ? b : null;
            for (int i = 0; i < count; i++) {
                if (block.isNull(i) || (errors != null && errors.isNull(i))) {
                    continue;
                }
                HyperLogLogSketch sketch = sketches[groupIds[i]];
                if (sketch == null) {
                    double error = errors == null
                            ? DEFAULT_STANDARD_ERROR
                            : doubleValue(EncodedBlocks.valueBlock(errors), errorType, EncodedBlocks.valuePosition(errors, i));
                    sketch = HyperLogLogSketch.create(buckets(error));
                    sketches[groupIds[i]] = sketch;
                    sketchBytes += sketch.sizeInBytes();
                }
                long hash = longs != null ? XxHash64.hash(longs.getLong(i)) : ChecksumAccumulator.hash(type, block, i);
                long before = sketch.sizeInBytes();
                sketch.addHash(hash);
                sketchBytes += sketch.sizeInBytes() - before;
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            VariableWidthBlock block = (VariableWidthBlock) EncodedBlocks.flatten(states[0]);
            byte[] data = block.rawData();
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    continue;
                }
                int group = groupIds[i];
                if (type instanceof BooleanType) {
                    booleans[group] |= data[block.offset(i)];
                    continue;
                }
                HyperLogLogSketch input = HyperLogLogSketch.deserialize(data, block.offset(i), block.length(i));
                HyperLogLogSketch sketch = sketches[group];
                if (sketch == null) {
                    sketches[group] = input;
                    sketchBytes += input.sizeInBytes();
                } else {
                    long before = sketch.sizeInBytes();
                    sketch.mergeWith(input);
                    sketchBytes += sketch.sizeInBytes() - before;
                }
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            if (type instanceof BooleanType) {
                out[0].appendBytes(new byte[] {booleans[group]});
            } else if (sketches.length <= group || sketches[group] == null) {
                out[0].appendNull();
            } else {
                out[0].appendBytes(sketches[group].serialize());
            }
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (type instanceof BooleanType) {
                out.appendLong(Integer.bitCount(booleans[group]));
            } else {
                HyperLogLogSketch sketch = sketches.length <= group ? null : sketches[group];
                out.appendLong(sketch == null ? 0 : sketch.cardinality());
            }
        }

        @Override
        public long sizeInBytes() {
            return 8L * sketches.length + booleans.length + sketchBytes;
        }
    }
}
