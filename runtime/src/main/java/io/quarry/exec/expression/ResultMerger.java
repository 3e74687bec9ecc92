package io.quarry.exec.expression;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.type.Type;

/** Assembles a result block from parts computed for disjoint subsets of positions; unset positions are null. */
final class ResultMerger {
    private final Type type;
    private final int count;
    private final boolean[] nulls;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private Block[] sources;
    private int[] sourcePositions;

    ResultMerger(Type type, int count) {
        this.type = type;
        this.count = count;
        this.nulls = new boolean[count];
        java.util.Arrays.fill(nulls, true);
        switch (type.storage()) {
            case LONG -> longs = new long[count];
            case DOUBLE -> doubles = new double[count];
            case BOOLEAN -> booleans = new boolean[count];
            case INT128 -> longs = new long[2 * count];
            case VARIABLE_WIDTH, ARRAY, MAP, ROW -> {
                sources = new Block[count];
                sourcePositions = new int[count];
            }
        }
    }

    /** Position {@code k} of {@code part} becomes position {@code indices[k]} of the result, for k < n. */
    void put(Block part, int[] indices, int n) {
        for (int k = 0; k < n; k++) {
            int target = indices == null ? k : indices[k];
            if (part.isNull(k)) {
                continue;
            }
            nulls[target] = false;
            if (part instanceof LongBlock b) {
                longs[target] = b.getLong(k);
            } else if (part instanceof DoubleBlock b) {
                doubles[target] = b.getDouble(k);
            } else if (part instanceof BooleanBlock b) {
                booleans[target] = b.getBoolean(k);
            } else if (part instanceof Int128Block b) {
                longs[2 * target] = b.getHigh(k);
                longs[2 * target + 1] = b.getLow(k);
            } else {
                sources[target] = part;
                sourcePositions[target] = k;
            }
        }
    }

    Block build() {
        boolean[] mask = io.quarry.exec.function.Blocks.compact(nulls, count);
        return switch (type.storage()) {
            case LONG -> new LongBlock(count, mask, longs);
            case DOUBLE -> new DoubleBlock(count, mask, doubles);
            case BOOLEAN -> new BooleanBlock(count, mask, booleans);
            case INT128 -> new Int128Block(count, mask, longs);
            case VARIABLE_WIDTH, ARRAY, MAP, ROW -> {
                BlockBuilder builder = BlockBuilder.create(type, count);
                for (int i = 0; i < count; i++) {
                    if (nulls[i]) {
                        builder.appendNull();
                    } else {
                        builder.append(sources[i], sourcePositions[i]);
                    }
                }
                yield builder.build();
            }
        };
    }
}
