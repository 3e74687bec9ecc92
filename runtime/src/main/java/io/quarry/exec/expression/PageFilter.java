package io.quarry.exec.expression;

import io.quarry.block.BooleanBlock;
import io.quarry.page.Page;

/** A compiled predicate: selects the positions of a page for which it is TRUE (not FALSE, not NULL). */
public final class PageFilter {
    private final BlockEvaluator predicate;

    PageFilter(BlockEvaluator predicate) {
        this.predicate = predicate;
    }

    /** Writes the selected positions, ascending, into {@code selected} (at least the page's size); returns how many. */
    public int filter(Page page, int[] selected) {
        BooleanBlock result = (BooleanBlock) predicate.evaluate(page);
        boolean[] values = result.rawValues();
        boolean[] nulls = result.rawNulls();
        int count = 0;
        int positions = page.positionCount();
        if (nulls == null) {
            for (int i = 0; i < positions; i++) {
                selected[count] = i;
                count += values[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < positions; i++) {
                selected[count] = i;
                count += values[i] && !nulls[i] ? 1 : 0;
            }
        }
        return count;
    }
}
