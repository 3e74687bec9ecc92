package io.quarry.exec.operator;

import io.airlift.slice.Slices;
import io.airlift.stats.TDigest;
import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.DigestFunctions;
import io.quarry.plan.AggregateCall;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.DecimalType;
import io.quarry.type.RealType;
import io.quarry.type.Storage;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_percentile(x, p)}, {@code (x, array of p)}, {@code (x, w, p)} and {@code (x, w, array of p)}:
 * one t-digest per group, the one Trino uses (airlift's {@link TDigest}), so that answers are Trino's and a group's
 * memory is bounded whatever its number of values. The percentage (the first non-NULL one seen) travels in the
 * intermediate state with the digest: a VARBINARY of the percentages followed by the serialized digest.
 */
final class ApproxPercentileAccumulator implements Accumulator {
    private final Type valueType;
    private final Type weightType;
    private final Type percentileType;
    private final Type resultType;
    private final boolean weighted;
    private final boolean arrayOfPercentiles;
    private TDigest[] sketches = new TDigest[0];
    private double[] percentiles;
    private long sketchBytes;

    ApproxPercentileAccumulator(AggregateCall call) {
        List<Type> arguments = call.argumentTypes();
        this.weighted = arguments.size() == 3;
        this.valueType = arguments.get(0);
        this.weightType = weighted ? arguments.get(1) : null;
        this.percentileType = arguments.get(arguments.size() - 1);
        this.arrayOfPercentiles = percentileType instanceof ArrayType;
        this.resultType = call.resultType();
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (sketches.length < groupCount) {
            sketches = Arrays.copyOf(sketches, Math.max(groupCount, sketches.length * 2));
        }
    }

    private TDigest sketch(int group) {
        TDigest sketch = sketches[group];
        if (sketch == null) {
            sketch = DigestFunctions.newTDigest();
            sketches[group] = sketch;
            sketchBytes += sketch.estimatedInMemorySizeInBytes();
        }
        return sketch;
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block values = arguments[0];
        Block weights = weighted ? arguments[1] : null;
        Block percentileBlock = arguments[arguments.length - 1];
        for (int i = 0; i < count; i++) {
            if (values.isNull(i) || weighted && weights.isNull(i)) {
                continue;
            }
            if (percentiles == null && !percentileBlock.isNull(i)) {
                percentiles = readPercentiles(percentileBlock, i);
            }
            double value = value(values, i);
            if (Double.isNaN(value)) {
                continue;
            }
            double weight = weighted ? DigestFunctions.checkWeight(ExtendedAccumulators.doubleValue(weights, weightType, i)) : 1;
            TDigest sketch = sketch(groupIds[i]);
            long before = sketch.estimatedInMemorySizeInBytes();
            sketch.add(value, weight);
            sketchBytes += sketch.estimatedInMemorySizeInBytes() - before;
        }
    }

    /** The value as a double; a bigint must have an exact one, as in Trino. */
    private double value(Block values, int position) {
        double value = ExtendedAccumulators.doubleValue(values, valueType, position);
        if (valueType.storage() == Storage.LONG && !(valueType instanceof DecimalType)) {
            long exact = ((io.quarry.block.LongBlock) values).getLong(position);
            if ((long) value != exact) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "no exact double representation for long: " + exact);
            }
        }
        return value;
    }

    private double[] readPercentiles(Block block, int position) {
        double[] result;
        if (block instanceof ArrayBlock arrays) {
            Type elementType = ((ArrayType) percentileType).elementType();
            result = new double[arrays.length(position)];
            for (int e = 0; e < result.length; e++) {
                int at = arrays.offset(position) + e;
                if (arrays.elements().isNull(at)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile cannot be null");
                }
                result[e] = ExtendedAccumulators.doubleValue(arrays.elements(), elementType, at);
            }
        } else {
            result = new double[] {ExtendedAccumulators.doubleValue(block, percentileType, position)};
        }
        for (double percentile : result) {
            if (!(percentile >= 0 && percentile <= 1)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile must be between 0 and 1");
            }
        }
        return result;
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] states, int count) {
        VariableWidthBlock block = (VariableWidthBlock) states[0];
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            ByteBuffer buffer = ByteBuffer.wrap(block.rawData(), block.offset(i), block.length(i));
            double[] statePercentiles = new double[buffer.getInt()];
            for (int p = 0; p < statePercentiles.length; p++) {
                statePercentiles[p] = buffer.getDouble();
            }
            if (percentiles == null) {
                percentiles = statePercentiles;
            }
            TDigest sketch = sketch(groupIds[i]);
            long before = sketch.estimatedInMemorySizeInBytes();
            sketch.mergeWith(DigestFunctions.readTDigest(
                    Slices.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining())));
            sketchBytes += sketch.estimatedInMemorySizeInBytes() - before;
        }
    }

    @Override
    public void writeIntermediate(int group, BlockBuilder[] out) {
        TDigest sketch = sketches[group];
        if (sketch == null || sketch.getCount() == 0) {
            out[0].appendNull();
            return;
        }
        double[] known = percentiles == null ? new double[0] : percentiles;
        byte[] digest = sketch.serialize().getBytes();
        ByteBuffer buffer = ByteBuffer.allocate(4 + 8 * known.length + digest.length);
        buffer.putInt(known.length);
        for (double percentile : known) {
            buffer.putDouble(percentile);
        }
        buffer.put(digest);
        out[0].appendBytes(buffer.array());
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        TDigest sketch = sketches[group];
        if (sketch == null || sketch.getCount() == 0 || percentiles == null) {
            out.appendNull();
            return;
        }
        if (!arrayOfPercentiles) {
            appendValue(out, resultType, sketch.valueAt(percentiles[0]));
            return;
        }
        Type elementType = ((ArrayType) resultType).elementType();
        List<Object> values = new ArrayList<>(percentiles.length);
        for (double percentile : percentiles) {
            values.add(toObject(elementType, sketch.valueAt(percentile)));
        }
        out.appendObject(values);
    }

    private static void appendValue(BlockBuilder out, Type type, double value) {
        if (type.storage() == Storage.DOUBLE) {
            out.appendDouble(type instanceof RealType ? (float) value : value);
        } else {
            out.appendObject(toObject(type, value));
        }
    }

    /** The value as {@link BlockBuilder#appendObject} takes it for {@code type}. */
    private static Object toObject(Type type, double value) {
        if (type instanceof DecimalType decimal) {
            return BigDecimal.valueOf(value).setScale(decimal.scale(), RoundingMode.HALF_UP);
        }
        if (type.storage() == Storage.DOUBLE) {
            return type instanceof RealType ? (double) (float) value : value;
        }
        if (type.storage() == Storage.LONG) {
            return Math.round(value);
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "approx_percentile of " + type.displayName() + " is not supported");
    }

    @Override
    public long sizeInBytes() {
        return 8L * sketches.length + sketchBytes;
    }
}
