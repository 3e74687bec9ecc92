package io.quarry.exec.expression;

import io.quarry.page.Page;

/**
 * A predicate that selects positions directly, without a block of booleans in between: the cheapest form of a
 * filter conjunct, one pass over the column with no allocation.
 */
interface PositionSelector {
    /** Returned by {@link #select} when the page's blocks are not of the kind read directly. */
    int NOT_SELECTED = -1;

    /**
     * Writes, ascending, the positions among {@code positions[0..count)} (or {@code 0..count) when null) where the
     * predicate is TRUE into {@code selected} and returns how many; or {@link #NOT_SELECTED} without writing when
     * the caller must evaluate the predicate instead. {@code selected} may be {@code positions} itself.
     */
    int select(Page page, int[] positions, int count, int[] selected);
}
