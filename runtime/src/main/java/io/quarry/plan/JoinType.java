package io.quarry.plan;

/**
 * The kinds of {@link Join}. INNER, LEFT, RIGHT and FULL output the left channels then the right ones
 * (NULL-padded on the side without a match). SEMI and ANTI output the left channels of the rows that have
 * (do not have) a match. MARK outputs the left channels plus a boolean: TRUE when the row has a match,
 * NULL when it has none but a comparison was unknown (a NULL key on either side, SQL's {@code IN}
 * semantics), FALSE otherwise. RIGHT_SEMI and RIGHT_ANTI are SEMI and ANTI with the sides exchanged, for when
 * the rows to keep are far fewer than the rows to look for: they output the right channels of the right (build)
 * rows that have (do not have) a match, once the whole left side has been seen.
 */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    SEMI,
    ANTI,
    MARK,
    RIGHT_SEMI,
    RIGHT_ANTI;

    /** Whether the output has the right side's channels. */
    public boolean outputsRight() {
        return this == INNER || this == LEFT || this == RIGHT || this == FULL;
    }

    /** Whether unmatched right (build) rows are emitted, NULL-padded. */
    public boolean keepsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }

    /** Whether the output has only the right side's channels. */
    public boolean outputsOnlyRight() {
        return this == RIGHT_SEMI || this == RIGHT_ANTI;
    }

    /**
     * Whether the build rows are flagged when matched, to be emitted after the input: all the left rows of a key
     * must then meet the same build rows (one partition, one probe driver).
     */
    public boolean tracksMatchedRight() {
        return keepsUnmatchedRight() || outputsOnlyRight();
    }

    /** Whether unmatched left (probe) rows are emitted, NULL-padded. */
    public boolean keepsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }
}
