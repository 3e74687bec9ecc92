package io.quarry.plan;

/**
 * The kinds of {@link Join}. INNER, LEFT, RIGHT and FULL output the left channels then the right ones
 * (NULL-padded on the side without a match). SEMI and ANTI output the left channels of the rows that have
 * (do not have) a match. MARK outputs the left channels plus a boolean: TRUE when the row has a match,
 * NULL when it has none but a comparison was unknown (a NULL key on either side, SQL's {@code IN}
 * semantics), FALSE otherwise.
 */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    SEMI,
    ANTI,
    MARK;

    /** Whether the output has the right side's channels. */
    public boolean outputsRight() {
        return this == INNER || this == LEFT || this == RIGHT || this == FULL;
    }

    /** Whether unmatched right (build) rows are emitted, NULL-padded. */
    public boolean keepsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }

    /** Whether unmatched left (probe) rows are emitted, NULL-padded. */
    public boolean keepsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }
}
