package io.quarry.exec.expression;

import io.quarry.block.Block;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.type.Type;
import io.quarry.type.Types;

/**
 * {@code low <= column <= high} for a column of ordered longs or of doubles: the comparisons of one column with
 * constants in a filter ({@code shipdate >= DATE '1994-01-01' AND shipdate < DATE '1995-01-01'}), merged into one
 * closed range and checked in one pass that writes the selected positions. Open bounds are closed on the
 * neighbouring value ({@code x < 24} is {@code x <= 23}, or {@code x <= Math.nextDown(24.0)}), which is exact for
 * longs and for doubles alike; a NaN is in no range, as it satisfies no comparison.
 *
 * @param general the conjunction of the original comparisons, for pages whose column is not a flat block
 */
record ColumnRange(int channel, boolean isDouble, long low, long high, double doubleLow, double doubleHigh,
                   BlockEvaluator general) implements BlockEvaluator, PositionSelector {
    /** The range of values of a long column. */
    static ColumnRange ofLongs(int channel, long low, long high, BlockEvaluator general) {
        return new ColumnRange(channel, false, low, high, 0, 0, general);
    }

    /** The range of values of a double column. */
    static ColumnRange ofDoubles(int channel, double low, double high, BlockEvaluator general) {
        return new ColumnRange(channel, true, 0, 0, low, high, general);
    }

    /** Both ranges at once, over the same column; {@code general} is the conjunction of both. */
    ColumnRange intersect(ColumnRange other, BlockEvaluator general) {
        return isDouble
                ? ofDoubles(channel, Math.max(doubleLow, other.doubleLow), Math.min(doubleHigh, other.doubleHigh), general)
                : ofLongs(channel, Math.max(low, other.low), Math.min(high, other.high), general);
    }

    @Override
    public Type type() {
        return Types.BOOLEAN;
    }

    @Override
    public Block evaluate(Page page, int[] positions, int count) {
        return general.evaluate(page, positions, count);
    }

    @Override
    public int select(Page page, int[] positions, int count, int[] selected) {
        Block block = page.block(channel);
        if (!isDouble && block instanceof LongBlock longs) {
            return select(longs.rawValues(), longs.rawNulls(), positions, count, selected);
        }
        if (isDouble && block instanceof DoubleBlock doubles) {
            return select(doubles.rawValues(), doubles.rawNulls(), positions, count, selected);
        }
        return NOT_SELECTED;
    }

    // Branch-free loops: each position is written, and the count only advances past the ones that qualify. A
    // position is read before any write at its index, so positions and selected may be one array.

    private int select(long[] values, boolean[] nulls, int[] positions, int count, int[] selected) {
        if (high < low) {
            return 0;
        }
        // low <= value <= high is (value - low) <= (high - low) as unsigned numbers, true unless the subtraction
        // (high - low) - (value - low) borrows: computed with bit operations, no branch for the JIT to mispredict
        long lo = low;
        long width = high - low;
        int kept = 0;
        if (nulls == null) {
            for (int i = 0; i < count; i++) {
                int position = positions == null ? i : positions[i];
                long offset = values[position] - lo;
                long borrow = ((~width & offset) | (~(width ^ offset) & (width - offset))) >>> 63;
                selected[kept] = position;
                kept += 1 - (int) borrow;
            }
        } else {
            for (int i = 0; i < count; i++) {
                int position = positions == null ? i : positions[i];
                long offset = values[position] - lo;
                long borrow = ((~width & offset) | (~(width ^ offset) & (width - offset))) >>> 63;
                selected[kept] = position;
                kept += nulls[position] ? 0 : 1 - (int) borrow;
            }
        }
        return kept;
    }

    private int select(double[] values, boolean[] nulls, int[] positions, int count, int[] selected) {
        double lo = doubleLow;
        double hi = doubleHigh;
        int kept = 0;
        if (nulls == null) {
            for (int i = 0; i < count; i++) {
                int position = positions == null ? i : positions[i];
                double value = values[position];
                selected[kept] = position;
                kept += value >= lo & value <= hi ? 1 : 0;
            }
        } else {
            for (int i = 0; i < count; i++) {
                int position = positions == null ? i : positions[i];
                double value = values[position];
                selected[kept] = position;
                kept += value >= lo & value <= hi & !nulls[position] ? 1 : 0;
            }
        }
        return kept;
    }
}
