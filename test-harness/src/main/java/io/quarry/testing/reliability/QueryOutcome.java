package io.quarry.testing.reliability;

import static java.util.Objects.requireNonNull;

/**
 * What became of one query run under chaos.
 *
 * @param kind the class of the outcome
 * @param errorName the error name of a {@link Kind#FAILED} query; for the other kinds empty
 * @param detail what went wrong, in one line (empty for a correct answer)
 * @param missingRows expected rows a {@link Kind#WRONG} answer lacks
 * @param extraRows rows a {@link Kind#WRONG} answer has beyond the expected ones
 */
public record QueryOutcome(Kind kind, String errorName, String detail, int missingRows, int extraRows) {
    /** The classes of outcomes. */
    public enum Kind {
        /** The answer matches the expected one. */
        CORRECT,
        /** The query failed with a named error (for example {@code REMOTE_HOST_GONE}): allowed. */
        FAILED,
        /** The client got no named error: an HTTP status other than 200, a broken connection, a protocol breach. */
        BROKEN,
        /** The query succeeded with an answer that differs from the expected one. */
        WRONG,
        /** The query neither finished nor failed within the per-query deadline. */
        HUNG
    }

    public QueryOutcome {
        requireNonNull(kind, "kind is null");
        requireNonNull(errorName, "errorName is null");
        requireNonNull(detail, "detail is null");
        if (missingRows < 0 || extraRows < 0) {
            throw new IllegalArgumentException("row counts must not be negative: " + missingRows + ", " + extraRows);
        }
        if ((kind == Kind.FAILED) == errorName.isEmpty()) {
            throw new IllegalArgumentException("an error name goes with FAILED only: " + kind + " '" + errorName + "'");
        }
        if (kind != Kind.WRONG && (missingRows != 0 || extraRows != 0)) {
            throw new IllegalArgumentException("only a wrong answer has missing or extra rows: " + kind);
        }
    }

    public static QueryOutcome correct() {
        return new QueryOutcome(Kind.CORRECT, "", "", 0, 0);
    }

    public static QueryOutcome failed(String errorName, String message) {
        return new QueryOutcome(Kind.FAILED, errorName, message, 0, 0);
    }

    public static QueryOutcome broken(String detail) {
        return new QueryOutcome(Kind.BROKEN, "", detail, 0, 0);
    }

    public static QueryOutcome wrong(String detail, int missingRows, int extraRows) {
        return new QueryOutcome(Kind.WRONG, "", detail, missingRows, extraRows);
    }

    public static QueryOutcome hung(String detail) {
        return new QueryOutcome(Kind.HUNG, "", detail, 0, 0);
    }
}
