package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregateSignatures;
import io.quarry.plan.AggregationStep;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation in the SINGLE, PARTIAL or FINAL step: groups rows by key channels in a
 * {@link GroupByHash} and keeps one {@link Accumulator} per call. Output: the keys, then one channel per call
 * (SINGLE, FINAL) or its intermediate channels (PARTIAL). A global aggregation (no keys) outputs one row even
 * on empty input, except in PARTIAL.
 */
public final class HashAggregationOperator implements Operator {
    private final List<Integer> groupKeys;
    private final List<Type> keyTypes;
    private final List<AggregateCall> calls;
    private final AggregationStep step;
    private final GroupByHash groupByHash;
    private final EncodedGroupKeys encodedGroupKeys;
    private final Accumulator[] accumulators;
    private final GroupByHash[] distinctHashes;
    private final List<List<Type>> intermediateTypes;
    private final OperatorStats stats = new OperatorStats("HashAggregation");
    private int globalGroups;
    private boolean finishing;
    private int nextOutputGroup;
    private int outputGroupCount = -1;

    public HashAggregationOperator(List<Type> inputTypes, List<Integer> groupKeys, List<AggregateCall> calls, AggregationStep step) {
        this.groupKeys = List.copyOf(groupKeys);
        this.calls = List.copyOf(calls);
        this.step = step;
        this.keyTypes = groupKeys.stream().map(inputTypes::get).toList();
        this.groupByHash = groupKeys.isEmpty() ? null : new GroupByHash(keyTypes);
        this.encodedGroupKeys = groupByHash == null ? null : new EncodedGroupKeys(groupByHash);
        this.accumulators = new Accumulator[calls.size()];
        this.distinctHashes = new GroupByHash[calls.size()];
        this.intermediateTypes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            AggregateCall call = calls.get(i);
            accumulators[i] = Accumulators.create(call);
            if (call.distinct()) {
                if (step != AggregationStep.SINGLE) {
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED, "DISTINCT aggregation " + call.function() + " in step " + step);
                }
                List<Type> distinctTypes = new ArrayList<>();
                distinctTypes.add(Types.BIGINT);
                distinctTypes.addAll(call.argumentTypes());
                distinctHashes[i] = new GroupByHash(distinctTypes);
            }
            intermediateTypes.add(step == AggregationStep.PARTIAL
                    ? AggregateSignatures.intermediateTypes(call.function(), call.argumentTypes(), call.resultType())
                    : List.of());
        }
        if (groupKeys.isEmpty() && step != AggregationStep.PARTIAL) {
            globalGroups = 1;
        }
        for (Accumulator accumulator : accumulators) {
            accumulator.ensureCapacity(Math.max(globalGroups, 1));
        }
    }

    /** Keys of dictionary and run-length blocks are grouped per distinct value; other columns are decoded. */
    @Override
    public boolean acceptsEncodedBlocks() {
        return true;
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        int count = page.positionCount();
        if (count == 0) {
            return;
        }
        int[] groupIds = new int[count];
        int groupCount;
        if (groupByHash == null) {
            globalGroups = 1;
            groupCount = 1;
        } else {
            Block[] keys = new Block[groupKeys.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = page.block(groupKeys.get(i));
            }
            if (EncodedGroupKeys.applies(keys, count)) {
                encodedGroupKeys.putRows(keys, count, groupIds);
            } else {
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = EncodedBlocks.flatten(keys[i]);
                }
                groupByHash.putRows(keys, count, groupIds);
            }
            groupCount = groupByHash.groupCount();
        }
        for (int c = 0; c < calls.size(); c++) {
            AggregateCall call = calls.get(c);
            Accumulator accumulator = accumulators[c];
            accumulator.ensureCapacity(groupCount);
            Block[] arguments = new Block[call.arguments().size()];
            for (int a = 0; a < arguments.length; a++) {
                arguments[a] = EncodedBlocks.flatten(page.block(call.arguments().get(a)));
            }
            if (step == AggregationStep.FINAL) {
                accumulator.addIntermediate(groupIds, arguments, count);
                continue;
            }
            int[] ids = groupIds;
            int rows = count;
            if (call.filter().isPresent()) {
                BooleanBlock filter = (BooleanBlock) EncodedBlocks.flatten(page.block(call.filter().get()));
                int[] selected = new int[count];
                int n = 0;
                for (int i = 0; i < count; i++) {
                    if (!filter.isNull(i) && filter.getBoolean(i)) {
                        selected[n++] = i;
                    }
                }
                if (n < count) {
                    ids = select(groupIds, selected, n);
                    arguments = select(arguments, selected, n);
                    rows = n;
                }
            }
            if (call.distinct()) {
                int[] selected = newDistinctRows(distinctHashes[c], ids, arguments, rows);
                int n = selected.length;
                ids = select(ids, selected, n);
                arguments = select(arguments, selected, n);
                rows = n;
            }
            if (rows > 0) {
                accumulator.addInput(ids, arguments, rows);
            }
        }
        stats.setRetainedBytes(retainedBytes());
    }

    /** The rows whose (group, arguments) were not seen before. */
    static int[] newDistinctRows(GroupByHash distinct, int[] groupIds, Block[] arguments, int rows) {
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = groupIds[i];
        }
        Block[] keys = new Block[arguments.length + 1];
        keys[0] = new LongBlock(rows, null, ids);
        System.arraycopy(arguments, 0, keys, 1, arguments.length);
        int before = distinct.groupCount();
        int[] distinctIds = new int[rows];
        distinct.putRows(keys, rows, distinctIds);
        boolean[] seen = new boolean[distinct.groupCount() - before];
        int[] selected = new int[seen.length];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            int id = distinctIds[i] - before;
            if (id >= 0 && !seen[id]) {
                seen[id] = true;
                selected[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(selected, n);
    }

    private static int[] select(int[] values, int[] positions, int count) {
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return result;
    }

    private static Block[] select(Block[] blocks, int[] positions, int count) {
        Block[] result = new Block[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            result[i] = blocks[i].copyPositions(positions, count);
        }
        return result;
    }

    private long retainedBytes() {
        long size = groupByHash == null ? 0 : groupByHash.sizeInBytes();
        for (Accumulator accumulator : accumulators) {
            size += accumulator.sizeInBytes();
        }
        for (GroupByHash distinct : distinctHashes) {
            size += distinct == null ? 0 : distinct.sizeInBytes();
        }
        return size;
    }

    @Override
    public Page getOutput() {
        if (!finishing || isFinished()) {
            return null;
        }
        if (outputGroupCount < 0) {
            outputGroupCount = groupByHash == null ? globalGroups : groupByHash.groupCount();
            for (Accumulator accumulator : accumulators) {
                accumulator.ensureCapacity(Math.max(outputGroupCount, 1));
            }
        }
        int from = nextOutputGroup;
        int to = Math.min(outputGroupCount, from + OutputPages.MAX_ROWS);
        if (from >= to) {
            return null;
        }
        int rows = to - from;
        List<Block> blocks = new ArrayList<>();
        if (groupByHash != null) {
            blocks.addAll(List.of(groupByHash.keyBlocks(from, to)));
        }
        for (int c = 0; c < calls.size(); c++) {
            AggregateCall call = calls.get(c);
            if (step == AggregationStep.PARTIAL) {
                List<Type> types = intermediateTypes.get(c);
                BlockBuilder[] builders = new BlockBuilder[types.size()];
                for (int i = 0; i < builders.length; i++) {
                    builders[i] = BlockBuilder.create(types.get(i), rows);
                }
                for (int group = from; group < to; group++) {
                    accumulators[c].writeIntermediate(group, builders);
                }
                for (BlockBuilder builder : builders) {
                    blocks.add(builder.build());
                }
            } else {
                BlockBuilder builder = BlockBuilder.create(call.resultType(), rows);
                for (int group = from; group < to; group++) {
                    accumulators[c].writeFinal(group, builder);
                }
                blocks.add(builder.build());
            }
        }
        nextOutputGroup = to;
        Page page = new Page(rows, blocks.toArray(Block[]::new));
        stats.recordOutput(page);
        return page;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return finishing && outputGroupCount >= 0 && nextOutputGroup >= outputGroupCount;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
