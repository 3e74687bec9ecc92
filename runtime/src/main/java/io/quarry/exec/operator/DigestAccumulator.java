package io.quarry.exec.operator;

import io.airlift.slice.Slices;
import io.airlift.stats.QuantileDigest;
import io.airlift.stats.TDigest;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.DigestFunctions;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.QuantileDigestType;
import io.quarry.type.TDigestType;
import io.quarry.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tdigest_agg(x[, weight])}, {@code qdigest_agg(x[, weight[, accuracy]])} and {@code merge} of either
 * digest: a {@link TDigest} or {@link QuantileDigest} per group, carried between steps and returned in its
 * serialised form (NULL for a group without values). A row with a null argument adds nothing. The arguments are
 * checked as Trino checks them, in its order and words.
 */
final class DigestAccumulator implements Accumulator {
    private final boolean mergesDigests;
    private final Type resultType;
    private final List<Type> argumentTypes;
    private Object[] digests = new Object[0];
    private long digestBytes;

    DigestAccumulator(boolean mergesDigests, Type resultType, List<Type> argumentTypes) {
        if (!(resultType instanceof TDigestType || resultType instanceof QuantileDigestType)) {
            throw new IllegalArgumentException("not a digest type: " + resultType);
        }
        this.mergesDigests = mergesDigests;
        this.resultType = resultType;
        this.argumentTypes = List.copyOf(argumentTypes);
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (digests.length < groupCount) {
            digests = Arrays.copyOf(digests, Math.max(groupCount, digests.length * 2));
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        if (mergesDigests) {
            addIntermediate(groupIds, arguments, count);
            return;
        }
        Block[] blocks = new Block[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            blocks[i] = EncodedBlocks.flatten(arguments[i]);
        }
        for (int row = 0; row < count; row++) {
            if (anyNull(blocks, row)) {
                continue;
            }
            if (resultType instanceof QuantileDigestType qdigest) {
                addQuantileDigestRow(groupIds[row], qdigest.valueType(), blocks, row);
            } else {
                addTDigestRow(groupIds[row], blocks, row);
            }
        }
    }

    private static boolean anyNull(Block[] blocks, int row) {
        for (Block block : blocks) {
            if (block.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private void addTDigestRow(int group, Block[] blocks, int row) {
        double value = ExtendedAccumulators.doubleValue(blocks[0], argumentTypes.get(0), row);
        double weight = 1;
        if (blocks.length > 1) {
            weight = DigestFunctions.checkWeight(ExtendedAccumulators.doubleValue(blocks[1], argumentTypes.get(1), row));
        }
        TDigest digest = (TDigest) digests[group];
        if (digest == null) {
            digest = DigestFunctions.newTDigest();
            digests[group] = digest;
        } else {
            digestBytes -= digest.estimatedInMemorySizeInBytes();
        }
        try {
            digest.add(value, weight);
        } catch (IllegalArgumentException e) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, e.getMessage());
        } finally {
            digestBytes += digest.estimatedInMemorySizeInBytes();
        }
    }

    private void addQuantileDigestRow(int group, Type valueType, Block[] blocks, int row) {
        long value = valueType instanceof BigintType
                ? ((LongBlock) blocks[0]).getLong(row)
                : DigestFunctions.encode(valueType, ExtendedAccumulators.doubleValue(blocks[0], argumentTypes.get(0), row));
        long weight = blocks.length > 1 ? ((LongBlock) blocks[1]).getLong(row) : 1;
        double accuracy = DigestFunctions.DEFAULT_ACCURACY;
        if (blocks.length > 2) {
            accuracy = ExtendedAccumulators.doubleValue(blocks[2], argumentTypes.get(2), row);
            if (!(accuracy > 0 && accuracy < 1)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Percentile accuracy must be exclusively between 0 and 1, was " + accuracy);
            }
        }
        if (weight <= 0) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile weight must be > 0, was " + weight);
        }
        QuantileDigest digest = (QuantileDigest) digests[group];
        if (digest == null) {
            digest = DigestFunctions.newQuantileDigest(accuracy);
            digests[group] = digest;
        } else {
            digestBytes -= digest.estimatedInMemorySizeInBytes();
        }
        digest.add(value, weight);
        digestBytes += digest.estimatedInMemorySizeInBytes();
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
            Object current = digests[group];
            if (current != null) {
                digestBytes -= memory(current);
            }
            if (resultType instanceof QuantileDigestType qdigest) {
                QuantileDigest input = DigestFunctions.readQuantileDigest(
                        Slices.wrappedBuffer(data, block.offset(i), block.length(i)), qdigest);
                if (current instanceof QuantileDigest digest) {
                    if (digest.getMaxError() != input.getMaxError()) {
                        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot merge qdigests with different accuracies ("
                                + digest.getMaxError() + " vs. " + input.getMaxError() + ")");
                    }
                    digest.merge(input);
                } else {
                    digests[group] = input;
                }
            } else {
                TDigest input = DigestFunctions.readTDigest(Slices.wrappedBuffer(data, block.offset(i), block.length(i)));
                if (current instanceof TDigest digest) {
                    digest.mergeWith(input);
                } else {
                    digests[group] = input;
                }
            }
            digestBytes += memory(digests[group]);
        }
    }

    private static long memory(Object digest) {
        return digest instanceof TDigest tdigest
                ? tdigest.estimatedInMemorySizeInBytes()
                : ((QuantileDigest) digest).estimatedInMemorySizeInBytes();
    }

    @Override
    public void writeIntermediate(int group, BlockBuilder[] out) {
        writeFinal(group, out[0]);
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        Object digest = group < digests.length ? digests[group] : null;
        if (digest == null) {
            out.appendNull();
        } else if (digest instanceof TDigest tdigest) {
            out.appendBytes(tdigest.serialize().getBytes());
        } else {
            out.appendBytes(((QuantileDigest) digest).serialize().getBytes());
        }
    }

    @Override
    public long sizeInBytes() {
        return 8L * digests.length + digestBytes;
    }
}
