package io.quarry.exec.expression;

import io.quarry.block.BooleanBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.page.Page;

/** A compiled predicate: selects the positions of a page for which it is TRUE (not FALSE, not NULL). */
public final class PageFilter {
    private final BlockEvaluator predicate;

    PageFilter(BlockEvaluator predicate) {
        this.predicate = predicate;
    }

    /** Writes the selected positions, ascending, into {@code selected} (at least the page's size); returns how many. */
    public int filter(Page page, int[] selected) {
        if (predicate instanceof Evaluators.Logical logical && logical.isAnd()) {
            return filterConjuncts(logical.arguments(), page, selected);
        }
        if (predicate instanceof PositionSelector selector) {
            int count = selector.select(page, null, page.positionCount(), selected);
            if (count != PositionSelector.NOT_SELECTED) {
                return count;
            }
        }
        BooleanBlock result = (BooleanBlock) EncodedBlocks.flatten(predicate.evaluate(page));
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

    /**
     * A conjunction keeps a row only where every conjunct is TRUE: each conjunct is evaluated on the rows the
     * previous ones kept, and FALSE and NULL alike drop a row (no three-valued bookkeeping).
     */
    private static int filterConjuncts(BlockEvaluator[] conjuncts, Page page, int[] selected) {
        int count = page.positionCount();
        boolean all = true;
        for (BlockEvaluator conjunct : conjuncts) {
            if (count == 0) {
                break;
            }
            int chosen = conjunct instanceof PositionSelector selector
                    ? selector.select(page, all ? null : selected, count, selected)
                    : PositionSelector.NOT_SELECTED;
            if (chosen != PositionSelector.NOT_SELECTED) {
                all = false;
                count = chosen;
                continue;
            }
            BooleanBlock result = (BooleanBlock) EncodedBlocks.flatten(conjunct.evaluate(page, all ? null : selected, count));
            boolean[] values = result.rawValues();
            boolean[] nulls = result.rawNulls();
            int kept = 0;
            // compacts in place: the k-th position is read before any write at an index >= k
            for (int k = 0; k < count; k++) {
                selected[kept] = all ? k : selected[k];
                kept += values[k] && (nulls == null || !nulls[k]) ? 1 : 0;
            }
            all = false;
            count = kept;
        }
        if (all) {
            for (int i = 0; i < count; i++) {
                selected[i] = i;
            }
        }
        return count;
    }
}
