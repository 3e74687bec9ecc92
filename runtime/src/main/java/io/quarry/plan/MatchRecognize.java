package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.expression.Expression;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Row pattern recognition (MATCH_RECOGNIZE): rows are grouped by the {@code partitionKeys} channels and ordered by
 * {@code orderKeys}; in each partition the {@code pattern} is matched over the rows, a row taking a pattern variable
 * when that variable's {@code defines} condition holds for it. The conditions and the {@code measures} read the
 * {@code values} (channel {@code i} of those expressions is {@code values[i]}).
 *
 * <p>{@code rowsPerMatch} is {@code ONE}, {@code ALL_SHOW_EMPTY}, {@code ALL_OMIT_EMPTY} or {@code ALL_WITH_UNMATCHED};
 * {@code afterMatchSkip} is {@code PAST_LAST_ROW}, {@code TO_NEXT_ROW}, {@code TO_FIRST} or {@code TO_LAST} (the
 * latter two to the first or last row of the {@code skipLabels}). Output: ONE ROW PER MATCH the partition keys then
 * the measures; ALL ROWS PER MATCH every input channel then the measures.
 *
 * <p>{@code WINDOW_INITIAL} and {@code WINDOW_SEEK} are row pattern recognition in a window: every input row once,
 * with the measures of the match found in its frame (the row and up to {@code frameFollowing} rows after it, all
 * the rest of the partition when -1), starting at the row (INITIAL) or anywhere in the frame (SEEK); a row that
 * a previous match skipped, or without a match, has the measures of an empty match, but for the first
 * {@code windowMeasures}, the window's own MEASURES, which are NULL then.
 */
public record MatchRecognize(
        PlanNode source, List<Integer> partitionKeys, List<SortKey> orderKeys, String rowsPerMatch, String afterMatchSkip,
        List<Integer> skipLabels, List<String> labels, RowPattern pattern, List<Expression> defines, List<MatchValue> values,
        List<Expression> measures, int frameFollowing,
        int windowMeasures) implements PlanNode {
    private static final Set<String> ROWS_PER_MATCH = Set.of("ONE", "ALL_SHOW_EMPTY", "ALL_OMIT_EMPTY", "ALL_WITH_UNMATCHED",
            "WINDOW_INITIAL", "WINDOW_SEEK");
    private static final Set<String> SKIPS = Set.of("PAST_LAST_ROW", "TO_NEXT_ROW", "TO_FIRST", "TO_LAST");

    public MatchRecognize {
        requireNonNull(source, "source is null");
        partitionKeys = List.copyOf(partitionKeys);
        orderKeys = List.copyOf(orderKeys);
        if (!ROWS_PER_MATCH.contains(rowsPerMatch) || !SKIPS.contains(afterMatchSkip)) {
            throw new IllegalArgumentException("rows per match " + rowsPerMatch + ", skip " + afterMatchSkip);
        }
        skipLabels = List.copyOf(skipLabels);
        labels = List.copyOf(labels);
        requireNonNull(pattern, "pattern is null");
        defines = List.copyOf(defines);
        values = List.copyOf(values);
        measures = List.copyOf(measures);
        if (defines.size() != labels.size()) {
            throw new IllegalArgumentException("one condition per label is needed");
        }
    }

    /** MATCH_RECOGNIZE proper, whose rows per match are not those of a window. */
    public MatchRecognize(
            PlanNode source, List<Integer> partitionKeys, List<SortKey> orderKeys, String rowsPerMatch, String afterMatchSkip,
            List<Integer> skipLabels, List<String> labels, RowPattern pattern, List<Expression> defines, List<MatchValue> values,
            List<Expression> measures) {
        this(source, partitionKeys, orderKeys, rowsPerMatch, afterMatchSkip, skipLabels, labels, pattern, defines, values, measures, -1, 0);
    }

    public boolean window() {
        return rowsPerMatch.startsWith("WINDOW");
    }

    public boolean allRows() {
        return !rowsPerMatch.equals("ONE");
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        List<Type> sourceTypes = source.outputTypes();
        List<Type> types = new ArrayList<>();
        if (allRows()) {
            types.addAll(sourceTypes);
        } else {
            partitionKeys.forEach(channel -> types.add(sourceTypes.get(channel)));
        }
        measures.forEach(measure -> types.add(measure.type()));
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new MatchRecognize(newSources.get(0), partitionKeys, orderKeys, rowsPerMatch, afterMatchSkip, skipLabels, labels,
                pattern, defines, values, measures, frameFollowing, windowMeasures);
    }
}
