package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * A value a DEFINE condition or a measure of MATCH_RECOGNIZE reads from the match: the expressions of those
 * clauses see these values as their input channels.
 *
 * <ul>
 *   <li>COLUMN: input channel {@code channel} of a row found by navigation: among the rows of the match so far
 *   ({@code running}) or of the whole match, those of the {@code labels} (all rows when empty), the
 *   {@code logicalOffset}-th from the first ({@code fromFirst}) or from the last; then {@code physicalOffset}
 *   rows further in the partition (negative: back). NULL when there is no such row.</li>
 *   <li>CLASSIFIER: the pattern variable of the row found the same way, NULL outside the match.</li>
 *   <li>MATCH_NUMBER: the number of the match in its partition, from 1.</li>
 *   <li>AGGREGATE: {@code aggregate} over the rows of the {@code labels} in the match so far or in the whole
 *   match; its arguments are input channels, or {@link #CLASSIFIER_CHANNEL}: the variable of each row. Or, when
 *   {@code rowArguments} are given, those expressions computed for each row over its input channels and, at
 *   {@code channel}, its variable, after it the match number ({@code count(CASE WHEN CLASSIFIER() = 'A' THEN 1 END)}).</li>
 * </ul>
 */
public record MatchValue(
        Kind kind, List<Integer> labels, boolean running, boolean fromFirst, int logicalOffset, int physicalOffset,
        int channel, Type type, Optional<AggregateCall> aggregate, List<Expression> rowArguments) {
    /** An aggregate's argument that is the variable each row took (CLASSIFIER), not an input channel. */
    public static final int CLASSIFIER_CHANNEL = -1;

    public enum Kind {
        COLUMN,
        CLASSIFIER,
        MATCH_NUMBER,
        AGGREGATE
    }

    public MatchValue {
        requireNonNull(kind, "kind is null");
        labels = List.copyOf(labels);
        requireNonNull(type, "type is null");
        requireNonNull(aggregate, "aggregate is null");
        rowArguments = List.copyOf(rowArguments);
        if (logicalOffset < 0) {
            throw new IllegalArgumentException("logicalOffset is negative: " + logicalOffset);
        }
    }

    /** A value whose aggregate, if any, reads channels. */
    public MatchValue(Kind kind, List<Integer> labels, boolean running, boolean fromFirst, int logicalOffset, int physicalOffset,
            int channel, Type type, Optional<AggregateCall> aggregate) {
        this(kind, labels, running, fromFirst, logicalOffset, physicalOffset, channel, type, aggregate, List.of());
    }
}
