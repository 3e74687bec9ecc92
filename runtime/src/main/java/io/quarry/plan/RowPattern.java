package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The PATTERN of a MATCH_RECOGNIZE as a tree: a pattern variable (by its index among the variables), a
 * concatenation, an alternation (the first alternative preferred), a quantified pattern ({@code max} -1 when
 * unbounded; greedy ones prefer more iterations), an exclusion {@code {- … -}}, the anchors {@code ^} and
 * {@code $}, and the empty pattern {@code ()}.
 */
public record RowPattern(Kind kind, List<RowPattern> children, int label, int min, int max, boolean greedy) {
    public enum Kind {
        LABEL,
        CONCATENATION,
        ALTERNATION,
        QUANTIFIED,
        EXCLUSION,
        START,
        END,
        EMPTY
    }

    public RowPattern {
        requireNonNull(kind, "kind is null");
        children = List.copyOf(children);
    }

    public static RowPattern label(int label) {
        return new RowPattern(Kind.LABEL, List.of(), label, 1, 1, true);
    }

    public static RowPattern of(Kind kind, List<RowPattern> children) {
        return new RowPattern(kind, children, -1, 1, 1, true);
    }

    public static RowPattern quantified(RowPattern child, int min, int max, boolean greedy) {
        return new RowPattern(Kind.QUANTIFIED, List.of(child), -1, min, max, greedy);
    }
}
