package io.quarry.exec.operator;

import io.airlift.slice.Slices;
import io.airlift.stats.TDigest;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_percentile(x, p)}, {@code (x, array of p)}, {@code (x, w, p)} and {@code (x, w, array of p)}:
 * one t-digest per group, the one Trino uses (airlift's {@link TDigest}), so that answers are Trino's and a group's
 * memory is bounded whatever its number of values. The group's percentages (see {@link GroupPercentiles}) travel in
 * the intermediate state before the serialized digest.
 *
 * <p>Serializing a t-digest merges its centroids anew, which can move its answers. Trino's aggregation always
 * answers from a digest that passed from its partial step to its final one, its window from the digest as built; so
 * an aggregation here answers for a digest built from rows (a single step) as if it had been serialized and read
 * back.
 */
final class ApproxPercentileAccumulator implements Accumulator {
    private final Type valueType;
    private final Type weightType;
    private final Type resultType;
    private final boolean weighted;
    private final boolean realValues;
    private final GroupPercentiles percentiles;
    private final boolean inWindow;
    private TDigest[] sketches = new TDigest[0];
    private boolean[] builtFromRows = new boolean[0];
    private long sketchBytes;

    ApproxPercentileAccumulator(AggregateCall call, boolean inWindow) {
        this.inWindow = inWindow;
        List<Type> arguments = call.argumentTypes();
        this.weighted = arguments.size() == 3;
        this.valueType = arguments.get(0);
        this.weightType = weighted ? arguments.get(1) : null;
        this.resultType = call.resultType();
        this.percentiles = new GroupPercentiles(arguments.get(arguments.size() - 1));
        this.realValues = PercentileValues.elementType(resultType) instanceof RealType;
    }

    /** The accumulator of the call's form of approx_percentile, for an aggregation or a window. */
    static Accumulator create(AggregateCall call, boolean inWindow) {
        return call.argumentTypes().size() == 4
                ? new QuantileDigestPercentileAccumulator(call, inWindow)
                : new ApproxPercentileAccumulator(call, inWindow);
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (sketches.length < groupCount) {
            sketches = Arrays.copyOf(sketches, Math.max(groupCount, sketches.length * 2));
            builtFromRows = Arrays.copyOf(builtFromRows, sketches.length);
        }
        percentiles.ensureCapacity(groupCount);
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
        Block values = EncodedBlocks.flatten(arguments[0]);
        Block weights = weighted ? EncodedBlocks.flatten(arguments[1]) : null;
        Block percentileBlock = EncodedBlocks.flatten(arguments[arguments.length - 1]);
        for (int i = 0; i < count; i++) {
            if (values.isNull(i) || weighted && weights.isNull(i) || percentileBlock.isNull(i)) {
                continue;
            }
            // checked in Trino's order: the value, its weight, then the percentages
            double value = value(values, i);
            double weight = weighted ? DigestFunctions.checkWeight(ExtendedAccumulators.doubleValue(weights, weightType, i)) : 1;
            int group = groupIds[i];
            percentiles.add(group, percentileBlock, i);
            TDigest sketch = sketch(group);
            builtFromRows[group] = true;
            long before = sketch.estimatedInMemorySizeInBytes();
            sketch.add(value, weight);
            sketchBytes += sketch.estimatedInMemorySizeInBytes() - before;
        }
    }

    /** The value as a double: a bigint must have an exact one, and a value must be finite, as in Trino. */
    private double value(Block values, int position) {
        double value = ExtendedAccumulators.doubleValue(values, valueType, position);
        if (valueType.storage() == Storage.LONG && !(valueType instanceof DecimalType)) {
            long exact = ((LongBlock) values).getLong(position);
            if ((long) value != exact) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "no exact double representation for long: " + exact);
            }
        }
        if (realValues) {
            // a decimal is a real here, as Trino's signatures make it
            value = (float) value;
        }
        if (!Double.isFinite(value)) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "value must be finite; was " + value);
        }
        return value;
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] states, int count) {
        VariableWidthBlock block = (VariableWidthBlock) EncodedBlocks.flatten(states[0]);
        for (int i = 0; i < count; i++) {
            if (block.isNull(i)) {
                continue;
            }
            int group = groupIds[i];
            ByteBuffer buffer = ByteBuffer.wrap(block.rawData(), block.offset(i), block.length(i));
            percentiles.merge(group, buffer);
            TDigest sketch = sketch(group);
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
        out[0].appendBytes(percentiles.state(group, sketch.serialize().getBytes()));
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        TDigest sketch = sketches[group];
        double[] known = sketch == null || sketch.getCount() == 0 ? null : percentiles.get(group);
        if (known == null) {
            out.appendNull();
            return;
        }
        if (builtFromRows[group] && !inWindow) {
            sketch = TDigest.deserialize(sketch.serialize());
        }
        if (!percentiles.isArray()) {
            PercentileValues.append(out, resultType, sketch.valueAt(known[0]));
            return;
        }
        Type elementType = ((ArrayType) resultType).elementType();
        List<Object> values = new ArrayList<>(known.length);
        for (double percentile : known) {
            values.add(PercentileValues.toObject(elementType, sketch.valueAt(percentile)));
        }
        out.appendObject(values);
    }

    @Override
    public long sizeInBytes() {
        return 8L * sketches.length + sketchBytes + percentiles.sizeInBytes();
    }
}
