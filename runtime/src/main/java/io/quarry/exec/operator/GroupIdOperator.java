package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.type.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Repeats each input page once per grouping set (see {@link io.quarry.plan.GroupId}): the grouping columns
 * of the set as they are, the others as NULL blocks, the pass-through channels, then the set's markers as
 * constant blocks. Blocks are shared, not copied. With empty-input rows, a constant true block follows, and
 * an instance that saw no input row emits at its end one row per empty set, false there and NULL elsewhere.
 */
public final class GroupIdOperator implements Operator {
    private final List<Type> inputTypes;
    private final int[] groupingColumns;
    private final boolean[][] inSet;
    private final int[] passThrough;
    private final long[][] markers;
    private final boolean emptyInputRows;
    private boolean sawRows;
    private final OperatorStats stats = new OperatorStats("GroupId");
    private final Queue<Page> output = new ArrayDeque<>();
    private boolean finishing;

    public GroupIdOperator(
            List<Type> inputTypes, List<Integer> groupingColumns, List<List<Integer>> groupingSets, List<Integer> passThrough, List<List<Long>> markers,
            boolean emptyInputRows) {
        this.inputTypes = List.copyOf(inputTypes);
        this.groupingColumns = groupingColumns.stream().mapToInt(Integer::intValue).toArray();
        this.passThrough = passThrough.stream().mapToInt(Integer::intValue).toArray();
        this.inSet = new boolean[groupingSets.size()][groupingColumns.size()];
        for (int s = 0; s < groupingSets.size(); s++) {
            for (int index : groupingSets.get(s)) {
                inSet[s][index] = true;
            }
        }
        this.markers = new long[markers.size()][];
        for (int m = 0; m < markers.size(); m++) {
            this.markers[m] = markers.get(m).stream().mapToLong(Long::longValue).toArray();
        }
        this.emptyInputRows = emptyInputRows;
    }

    @Override
    public boolean needsInput() {
        return !finishing && output.isEmpty();
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        int count = page.positionCount();
        if (count == 0) {
            return;
        }
        sawRows = true;
        Block[] nullBlocks = new Block[groupingColumns.length];
        for (int set = 0; set < inSet.length; set++) {
            Block[] blocks = new Block[groupingColumns.length + passThrough.length + markers.length + (emptyInputRows ? 1 : 0)];
            int b = 0;
            for (int i = 0; i < groupingColumns.length; i++) {
                if (inSet[set][i]) {
                    blocks[b++] = page.block(groupingColumns[i]);
                } else {
                    if (nullBlocks[i] == null) {
                        nullBlocks[i] = nulls(inputTypes.get(groupingColumns[i]), count);
                    }
                    blocks[b++] = nullBlocks[i];
                }
            }
            for (int channel : passThrough) {
                blocks[b++] = page.block(channel);
            }
            for (long[] marker : markers) {
                long[] values = new long[count];
                Arrays.fill(values, marker[set]);
                blocks[b++] = new LongBlock(count, null, values);
            }
            if (emptyInputRows) {
                blocks[b] = constant(true, count);
            }
            output.add(new Page(count, blocks));
        }
    }

    private static Block nulls(Type type, int count) {
        BlockBuilder builder = BlockBuilder.create(type, count);
        for (int i = 0; i < count; i++) {
            builder.appendNull();
        }
        return builder.build();
    }

    @Override
    public Page getOutput() {
        Page page = output.poll();
        if (page != null) {
            stats.recordOutput(page);
        }
        return page;
    }

    @Override
    public void finish() {
        if (!finishing && emptyInputRows && !sawRows) {
            for (int set = 0; set < inSet.length; set++) {
                if (!isEmptySet(set)) {
                    continue;
                }
                Block[] blocks = new Block[groupingColumns.length + passThrough.length + markers.length + 1];
                int b = 0;
                for (int channel : groupingColumns) {
                    blocks[b++] = nulls(inputTypes.get(channel), 1);
                }
                for (int channel : passThrough) {
                    blocks[b++] = nulls(inputTypes.get(channel), 1);
                }
                for (long[] marker : markers) {
                    blocks[b++] = new LongBlock(1, null, new long[] {marker[set]});
                }
                blocks[b] = constant(false, 1);
                output.add(new Page(1, blocks));
            }
        }
        finishing = true;
    }

    private boolean isEmptySet(int set) {
        for (boolean grouped : inSet[set]) {
            if (grouped) {
                return false;
            }
        }
        return true;
    }

    private static Block constant(boolean value, int count) {
        boolean[] values = new boolean[count];
        Arrays.fill(values, value);
        return new BooleanBlock(count, null, values);
    }

    @Override
    public boolean isFinished() {
        return finishing && output.isEmpty();
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
