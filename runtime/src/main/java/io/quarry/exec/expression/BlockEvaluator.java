package io.quarry.exec.expression;

import io.quarry.block.Block;
import io.quarry.page.Page;
import io.quarry.type.Type;

/**
 * A compiled expression: computes its values for a set of positions of a page, a block at a time.
 * Evaluators hold no per-call state and may be shared by the drivers of a task.
 */
public interface BlockEvaluator {
    Type type();

    /**
     * The values at {@code positions[0..count)} of the page, as a block of {@code count} positions; with
     * {@code positions == null} the first {@code count} positions (normally the whole page).
     */
    Block evaluate(Page page, int[] positions, int count);

    default Block evaluate(Page page) {
        return evaluate(page, null, page.positionCount());
    }
}
