package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.PageFilter;
import io.quarry.page.Page;
import java.util.List;

/**
 * A filter and a projection fused: the filter selects positions, the projections are evaluated only on
 * those. Either part may be absent (no filter: all rows; no projections: the selected rows as they are).
 */
public final class FilterProjectOperator implements Operator {
    private final PageFilter filter;
    private final List<BlockEvaluator> projections;
    private final OperatorStats stats = new OperatorStats("FilterProject");
    private Page pending;
    private boolean finishing;
    private int[] selected = new int[0];

    public FilterProjectOperator(PageFilter filter, List<BlockEvaluator> projections) {
        this.filter = filter;
        this.projections = projections == null ? null : List.copyOf(projections);
    }

    /** Filters and projections compiled for it pass encoded blocks through or evaluate them per distinct value. */
    @Override
    public boolean acceptsEncodedBlocks() {
        return true;
    }

    @Override
    public boolean needsInput() {
        return !finishing && pending == null;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        int count = page.positionCount();
        int[] positions = null;
        if (filter != null) {
            if (selected.length < count) {
                selected = new int[count];
            }
            int kept = filter.filter(page, selected);
            if (kept == 0) {
                return;
            }
            if (kept < count) {
                positions = java.util.Arrays.copyOf(selected, kept);
                count = kept;
            }
        }
        Page result;
        if (projections == null) {
            result = positions == null ? page : page.copyPositions(positions, count);
        } else {
            Block[] blocks = new Block[projections.size()];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = projections.get(i).evaluate(page, positions, count);
            }
            result = new Page(count, blocks);
        }
        stats.recordOutput(result);
        pending = result;
    }

    @Override
    public Page getOutput() {
        Page page = pending;
        pending = null;
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
