package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.RowBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import io.quarry.plan.SortKey;
import java.util.List;

/** Orders rows of pages by sort keys: direction per key, NULLs first or last as the key says. */
final class RowComparator {
    private final SortKey[] keys;

    RowComparator(List<SortKey> keys) {
        this.keys = keys.toArray(SortKey[]::new);
    }

    int compare(Page left, int leftPosition, Page right, int rightPosition) {
        for (SortKey key : keys) {
            Block a = left.block(key.channel());
            Block b = right.block(key.channel());
            boolean aNull = a.isNull(leftPosition);
            boolean bNull = b.isNull(rightPosition);
            if (aNull || bNull) {
                if (aNull && bNull) {
                    continue;
                }
                // NULL placement does not flip with the direction
                return aNull == key.nullsFirst() ? -1 : 1;
            }
            int comparison = compareValues(a, leftPosition, b, rightPosition);
            if (comparison != 0) {
                return key.ascending() ? comparison : -comparison;
            }
        }
        return 0;
    }

    static int compareValues(Block a, int leftPosition, Block b, int rightPosition) {
        if (a instanceof LongBlock x) {
            return Long.compare(x.getLong(leftPosition), ((LongBlock) b).getLong(rightPosition));
        }
        if (a instanceof DoubleBlock x) {
            return Double.compare(x.getDouble(leftPosition) + 0.0, ((DoubleBlock) b).getDouble(rightPosition) + 0.0);
        }
        if (a instanceof VariableWidthBlock x) {
            return x.compare(leftPosition, (VariableWidthBlock) b, rightPosition);
        }
        if (a instanceof BooleanBlock x) {
            return Boolean.compare(x.getBoolean(leftPosition), ((BooleanBlock) b).getBoolean(rightPosition));
        }
        if (a instanceof ArrayBlock || a instanceof RowBlock) {
            return compareStructural(a, leftPosition, b, rightPosition);
        }
        Int128Block x = (Int128Block) a;
        Int128Block y = (Int128Block) b;
        long highX = x.getHigh(leftPosition);
        long highY = y.getHigh(rightPosition);
        return highX != highY ? Long.compare(highX, highY) : Long.compareUnsigned(x.getLow(leftPosition), y.getLow(rightPosition));
    }

    /** Arrays and rows (ORDER BY an array column) part by part from the first; NULL parts last, shorter first. */
    private static int compareStructural(Block a, int leftPosition, Block b, int rightPosition) {
        int parts;
        int leftLength;
        int rightLength;
        if (a instanceof ArrayBlock x) {
            ArrayBlock y = (ArrayBlock) b;
            leftLength = x.length(leftPosition);
            rightLength = y.length(rightPosition);
            parts = Math.min(leftLength, rightLength);
            for (int i = 0; i < parts; i++) {
                int order = compareParts(x.elements(), x.offset(leftPosition) + i, y.elements(), y.offset(rightPosition) + i);
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(leftLength, rightLength);
        }
        RowBlock x = (RowBlock) a;
        RowBlock y = (RowBlock) b;
        for (int field = 0; field < x.fieldCount(); field++) {
            int order = compareParts(x.field(field), leftPosition, y.field(field), rightPosition);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareParts(Block a, int leftPosition, Block b, int rightPosition) {
        boolean aNull = a.isNull(leftPosition);
        boolean bNull = b.isNull(rightPosition);
        if (aNull || bNull) {
            return aNull == bNull ? 0 : aNull ? 1 : -1;
        }
        return compareValues(a, leftPosition, b, rightPosition);
    }
}
