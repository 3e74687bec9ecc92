package io.quarry.exec.expression;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.ScalarKernel;
import io.quarry.page.Page;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.Arrays;

/**
 * {@code value IN (list)} with SQL's NULL rules: TRUE when some item equals the value, else NULL when the
 * value or some item is NULL, else FALSE. Constant lists of longs or strings are searched in sorted arrays.
 */
final class InEvaluator implements BlockEvaluator {
    private final BlockEvaluator value;
    private final BlockEvaluator[] items;
    private final ScalarKernel[] equals;
    private final long[] sortedLongs;
    private final byte[][] sortedStrings;
    private final boolean constantListHasNull;

    InEvaluator(BlockEvaluator value, BlockEvaluator[] items, ScalarKernel[] equals, long[] sortedLongs, byte[][] sortedStrings,
            boolean constantListHasNull) {
        this.value = value;
        this.items = items;
        this.equals = equals;
        this.sortedLongs = sortedLongs;
        this.sortedStrings = sortedStrings;
        this.constantListHasNull = constantListHasNull;
    }

    @Override
    public Type type() {
        return Types.BOOLEAN;
    }

    @Override
    public Block evaluate(Page page, int[] positions, int count) {
        Block values = value.evaluate(page, positions, count);
        boolean[] result = new boolean[count];
        boolean[] nulls = new boolean[count];
        if (sortedLongs != null || sortedStrings != null) {
            for (int i = 0; i < count; i++) {
                if (values.isNull(i)) {
                    nulls[i] = true;
                    continue;
                }
                boolean found;
                if (sortedLongs != null) {
                    found = Arrays.binarySearch(sortedLongs, ((LongBlock) values).getLong(i)) >= 0;
                } else {
                    found = searchString((VariableWidthBlock) values, i);
                }
                result[i] = found;
                nulls[i] = !found && constantListHasNull;
            }
        } else {
            boolean[] sawNull = new boolean[count];
            for (int item = 0; item < items.length; item++) {
                Block itemValues = items[item].evaluate(page, positions, count);
                BooleanBlock equal = (BooleanBlock) equals[item].apply(new Block[] {values, itemValues}, count);
                for (int i = 0; i < count; i++) {
                    if (equal.isNull(i)) {
                        sawNull[i] = true;
                    } else if (equal.getBoolean(i)) {
                        result[i] = true;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                nulls[i] = !result[i] && (sawNull[i] || values.isNull(i));
                if (values.isNull(i)) {
                    result[i] = false;
                }
            }
        }
        return new BooleanBlock(count, io.quarry.exec.function.Blocks.compact(nulls, count), result);
    }

    private boolean searchString(VariableWidthBlock block, int position) {
        byte[] data = block.rawData();
        int start = block.offset(position);
        int end = start + block.length(position);
        int low = 0;
        int high = sortedStrings.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            byte[] candidate = sortedStrings[middle];
            int comparison = Arrays.compareUnsigned(candidate, 0, candidate.length, data, start, end);
            if (comparison < 0) {
                low = middle + 1;
            } else if (comparison > 0) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
