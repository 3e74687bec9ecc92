package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The frame of a window function: ROWS counts rows, RANGE compares the ORDER BY value (CURRENT ROW then means
 * the row and its peers), GROUPS counts peer groups. {@code startOffset}/{@code endOffset} are the channels of the n in
 * {@code n PRECEDING}/{@code n FOLLOWING}.
 */
public record WindowFrame(Kind kind, Bound startType, Optional<Integer> startOffset, Bound endType, Optional<Integer> endOffset) {
    /** How the frame is measured. */
    public enum Kind {
        ROWS,
        RANGE,
        GROUPS
    }

    /** One end of a frame. */
    public enum Bound {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING
    }

    /** SQL's default with an ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
    public static final WindowFrame DEFAULT =
            new WindowFrame(Kind.RANGE, Bound.UNBOUNDED_PRECEDING, Optional.empty(), Bound.CURRENT_ROW, Optional.empty());

    public WindowFrame {
        requireNonNull(kind, "kind is null");
        requireNonNull(startType, "startType is null");
        requireNonNull(startOffset, "startOffset is null");
        requireNonNull(endType, "endType is null");
        requireNonNull(endOffset, "endOffset is null");
        if (startType == Bound.UNBOUNDED_FOLLOWING || endType == Bound.UNBOUNDED_PRECEDING) {
            throw new IllegalArgumentException("invalid frame " + startType + " to " + endType);
        }
        boolean startNeedsOffset = startType == Bound.PRECEDING || startType == Bound.FOLLOWING;
        boolean endNeedsOffset = endType == Bound.PRECEDING || endType == Bound.FOLLOWING;
        if (startNeedsOffset != startOffset.isPresent() || endNeedsOffset != endOffset.isPresent()) {
            throw new IllegalArgumentException("an offset goes with exactly the PRECEDING and FOLLOWING bounds");
        }
    }
}
