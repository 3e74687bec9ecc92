package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.LongBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.page.Page;
import io.quarry.plan.Unnest;
import io.quarry.type.ArrayType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.util.List;

/**
 * Unnests arrays and maps a page at a time: the replicated columns are copied by position, the entries of
 * each unnested column are selected from its element (or key and value) block, padded with NULL where an
 * array is shorter than the longest of its row.
 */
public final class UnnestOperator implements Operator {
    private final List<Integer> replicateChannels;
    private final List<Integer> unnestChannels;
    private final List<Type> unnestTypes;
    private final boolean withOrdinality;
    /** LEFT JOIN UNNEST: a row with nothing to unnest keeps one row of NULLs. */
    private final boolean outer;
    private final OperatorStats stats = new OperatorStats("Unnest");
    private Page pending;
    private boolean finishing;

    public UnnestOperator(List<Type> sourceTypes, List<Integer> replicateChannels, List<Integer> unnestChannels,
            boolean withOrdinality) {
        this(sourceTypes, replicateChannels, unnestChannels, withOrdinality, false);
    }

    public UnnestOperator(List<Type> sourceTypes, List<Integer> replicateChannels, List<Integer> unnestChannels,
            boolean withOrdinality, boolean outer) {
        this.outer = outer;
        this.replicateChannels = List.copyOf(replicateChannels);
        this.unnestChannels = List.copyOf(unnestChannels);
        this.unnestTypes = unnestChannels.stream().map(sourceTypes::get).toList();
        this.withOrdinality = withOrdinality;
    }

    @Override
    public boolean needsInput() {
        return !finishing && pending == null;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        int rows = page.positionCount();
        int[] lengths = new int[rows];
        int total = 0;
        boolean padded = false;
        for (int row = 0; row < rows; row++) {
            int longest = 0;
            for (int channel : unnestChannels) {
                longest = Math.max(longest, length(page.block(channel), row));
            }
            if (longest == 0 && outer) {
                longest = 1;
                padded = true;
            }
            lengths[row] = longest;
            total += longest;
        }
        if (total == 0) {
            return;
        }
        int[] parents = new int[total];
        long[] ordinals = new long[total];
        boolean[] ordinalNulls = padded ? new boolean[total] : null;
        for (int row = 0, at = 0; row < rows; row++) {
            boolean empty = padded && lengths[row] == 1 && isEmpty(page, row);
            for (int k = 0; k < lengths[row]; k++, at++) {
                parents[at] = row;
                ordinals[at] = k + 1;
                if (empty) {
                    ordinalNulls[at] = true;
                }
            }
        }
        int width = replicateChannels.size() + (withOrdinality ? 1 : 0);
        for (Type type : unnestTypes) {
            width += Unnest.unnestedTypes(type).size();
        }
        Block[] blocks = new Block[width];
        int out = 0;
        for (int channel : replicateChannels) {
            blocks[out++] = page.block(channel).copyPositions(parents, total);
        }
        for (int u = 0; u < unnestChannels.size(); u++) {
            Block block = page.block(unnestChannels.get(u));
            Type type = unnestTypes.get(u);
            if (block instanceof MapBlock maps) {
                int[] entries = entryPositions(maps.rawOffsets(), maps, lengths, rows, total);
                blocks[out++] = pick(maps.keys(), entries, total, Unnest.unnestedTypes(type).get(0));
                blocks[out++] = pick(maps.values(), entries, total, Unnest.unnestedTypes(type).get(1));
            } else {
                ArrayBlock arrays = (ArrayBlock) block;
                int[] entries = entryPositions(arrays.rawOffsets(), arrays, lengths, rows, total);
                Type element = ((ArrayType) type).elementType();
                Block elements = pick(arrays.elements(), entries, total, element);
                if (element instanceof RowType) {
                    RowBlock fields = (RowBlock) elements;
                    for (int f = 0; f < fields.fieldCount(); f++) {
                        blocks[out++] = rowField(fields, f, total, ((RowType) element).fieldTypes().get(f));
                    }
                } else {
                    blocks[out++] = elements;
                }
            }
        }
        if (withOrdinality) {
            blocks[out] = new LongBlock(total, ordinalNulls, ordinals);
        }
        pending = new Page(total, blocks);
        stats.recordOutput(pending);
        // one input page of long arrays can unnest into a very large page: it counts until taken
        stats.setRetainedBytes(pending.sizeInBytes());
    }

    private boolean isEmpty(Page page, int row) {
        for (int channel : unnestChannels) {
            if (length(page.block(channel), row) > 0) {
                return false;
            }
        }
        return true;
    }

    private static int length(Block block, int row) {
        if (block.isNull(row)) {
            return 0;
        }
        return block instanceof MapBlock maps ? maps.length(row) : ((ArrayBlock) block).length(row);
    }

    /** The entry of each output row in the nested block, or -1 where this array is shorter (NULL). */
    private static int[] entryPositions(int[] offsets, Block block, int[] lengths, int rows, int total) {
        int[] entries = new int[total];
        for (int row = 0, at = 0; row < rows; row++) {
            int length = length(block, row);
            for (int k = 0; k < lengths[row]; k++, at++) {
                entries[at] = k < length ? offsets[row] + k : -1;
            }
        }
        return entries;
    }

    private static Block pick(Block source, int[] entries, int total, Type type) {
        boolean padded = false;
        for (int i = 0; i < total && !padded; i++) {
            padded = entries[i] < 0;
        }
        if (!padded) {
            return source.copyPositions(entries, total);
        }
        BlockBuilder builder = BlockBuilder.create(type, total);
        for (int i = 0; i < total; i++) {
            if (entries[i] < 0) {
                builder.appendNull();
            } else {
                builder.append(source, entries[i]);
            }
        }
        return builder.build();
    }

    /** A field of unnested row elements; NULL where the element itself is NULL. */
    private static Block rowField(RowBlock rows, int field, int total, Type type) {
        if (!rows.mayHaveNull()) {
            return rows.field(field);
        }
        BlockBuilder builder = BlockBuilder.create(type, total);
        for (int i = 0; i < total; i++) {
            if (rows.isNull(i)) {
                builder.appendNull();
            } else {
                builder.append(rows.field(field), i);
            }
        }
        return builder.build();
    }

    @Override
    public Page getOutput() {
        Page page = pending;
        pending = null;
        if (page != null) {
            stats.setRetainedBytes(0);
        }
        return page;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public boolean isFinished() {
        return finishing && pending == null;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
