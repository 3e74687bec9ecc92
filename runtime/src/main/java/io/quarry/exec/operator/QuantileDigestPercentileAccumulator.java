package io.quarry.exec.operator;

import io.airlift.slice.Slices;
import io.airlift.stats.QuantileDigest;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.DigestFunctions;
import io.quarry.plan.AggregateCall;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.QuantileDigestType;
import io.quarry.type.RealType;
import io.quarry.type.Type;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_percentile(x, w, p, accuracy)}: one quantile digest per group (airlift's {@link QuantileDigest}, the
 * one Trino keeps for this form) of maximum rank error {@code accuracy}, the accuracy of the group's first row. The
 * digest holds a bigint as it is and a double or real as its sortable bits, so NaN and the infinities count (NaN
 * above all); weights are any positive number. The group's percentage (see {@link GroupPercentiles}) travels in the
 * intermediate state before the serialized digest.
 *
 * <p>Serializing a digest compresses it, which can move its answers. Trino's aggregation always answers from a
 * digest that passed from its partial step to its final one, its window from the digest as built; so an aggregation
 * here answers for a digest built from rows (a single step) as if it had been serialized and read back.
 */
final class QuantileDigestPercentileAccumulator implements Accumulator {
    private final Type valueType;
    private final Type weightType;
    private final Type accuracyType;
    private final Type resultType;
    private final QuantileDigestType digestType;
    private final GroupPercentiles percentiles;
    private final boolean inWindow;
    private QuantileDigest[] digests = new QuantileDigest[0];
    private boolean[] builtFromRows = new boolean[0];
    private long digestBytes;

    QuantileDigestPercentileAccumulator(AggregateCall call, boolean inWindow) {
        this.inWindow = inWindow;
        List<Type> arguments = call.argumentTypes();
        this.valueType = arguments.get(0);
        this.weightType = arguments.get(1);
        this.percentiles = new GroupPercentiles(arguments.get(2));
        this.accuracyType = arguments.get(3);
        this.resultType = call.resultType();
        this.digestType = new QuantileDigestType(resultType);
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (digests.length < groupCount) {
            digests = Arrays.copyOf(digests, Math.max(groupCount, digests.length * 2));
            builtFromRows = Arrays.copyOf(builtFromRows, digests.length);
        }
        percentiles.ensureCapacity(groupCount);
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block values = EncodedBlocks.flatten(arguments[0]);
        Block weights = EncodedBlocks.flatten(arguments[1]);
        Block percentileBlock = EncodedBlocks.flatten(arguments[2]);
        Block accuracies = EncodedBlocks.flatten(arguments[3]);
        for (int i = 0; i < count; i++) {
            if (values.isNull(i) || weights.isNull(i) || percentileBlock.isNull(i) || accuracies.isNull(i)) {
                continue;
            }
            // checked in Trino's order: the weight, then the accuracy of a group's first row; the percentage last
            double weight = ExtendedAccumulators.doubleValue(weights, weightType, i);
            if (!(weight > 0)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "percentile weight must be > 0");
            }
            int group = groupIds[i];
            QuantileDigest digest = digests[group];
            if (digest == null) {
                double accuracy = ExtendedAccumulators.doubleValue(accuracies, accuracyType, i);
                if (!(accuracy > 0 && accuracy < 1)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile accuracy must be strictly between 0 and 1");
                }
                digest = DigestFunctions.newQuantileDigest(accuracy);
                digests[group] = digest;
                builtFromRows[group] = true;
            } else {
                digestBytes -= digest.estimatedInMemorySizeInBytes();
            }
            percentiles.add(group, percentileBlock, i);
            digest.add(encodedValue(values, i), weight);
            digestBytes += digest.estimatedInMemorySizeInBytes();
        }
    }

    /** The long the digest holds for the value: a bigint itself, a real or double (a decimal is a real) its sortable bits. */
    private long encodedValue(Block values, int position) {
        if (resultType instanceof BigintType) {
            return ((LongBlock) values).getLong(position);
        }
        return DigestFunctions.encode(resultType, ExtendedAccumulators.doubleValue(values, valueType, position));
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
            QuantileDigest input = DigestFunctions.readQuantileDigest(
                    Slices.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining()), digestType);
            QuantileDigest digest = digests[group];
            if (digest == null) {
                digests[group] = input;
            } else {
                digestBytes -= digest.estimatedInMemorySizeInBytes();
                digest.merge(input);
            }
            digestBytes += digests[group].estimatedInMemorySizeInBytes();
        }
    }

    @Override
    public void writeIntermediate(int group, BlockBuilder[] out) {
        QuantileDigest digest = digests[group];
        if (digest == null) {
            out[0].appendNull();
            return;
        }
        out[0].appendBytes(percentiles.state(group, digest.serialize().getBytes()));
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        QuantileDigest digest = digests[group];
        // weights too small to count leave a digest of count 0, which has no answer
        double[] known = digest == null || digest.getCount() == 0 ? null : percentiles.get(group);
        if (known == null) {
            out.appendNull();
            return;
        }
        QuantileDigest answering = builtFromRows[group] && !inWindow ? new QuantileDigest(digest.serialize()) : digest;
        Object value = DigestFunctions.decode(resultType, answering.getQuantile(known[0]));
        if (resultType instanceof BigintType) {
            out.appendLong((Long) value);
        } else {
            out.appendDouble(resultType instanceof RealType ? (float) (double) (Double) value : (Double) value);
        }
    }

    @Override
    public long sizeInBytes() {
        return 8L * digests.length + digestBytes + percentiles.sizeInBytes();
    }
}
