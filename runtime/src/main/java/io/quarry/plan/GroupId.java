package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds GROUPING SETS, ROLLUP and CUBE into one aggregation: each input row is repeated once per grouping
 * set. Output: the {@code groupingColumns} (NULL where the set does not group by that column), then the
 * {@code passThrough} channels unchanged, then one channel per marker whose value depends only on the set:
 * {@code markers.get(m).get(s)} for set {@code s}, typed {@code markerTypes.get(m)} (an integer type). The
 * first marker is usually the set's index, so that the aggregation keeps the sets apart; others carry the
 * values of {@code grouping()}. {@code groupingSets} holds, per set, indexes into {@code groupingColumns}.
 * With {@code emptyInputRows}, one boolean channel more at the end, true on the repeated rows: an instance that
 * saw no input row emits at its end one row per empty grouping set, false there and NULL in the columns and
 * passed-through channels, so that an empty set's group exists even for an empty input, as in Trino. The
 * aggregation's calls skip those rows by that channel.
 */
public record GroupId(
        PlanNode source,
        List<Integer> groupingColumns,
        List<List<Integer>> groupingSets,
        List<Integer> passThrough,
        List<List<Long>> markers,
        List<Type> markerTypes,
        boolean emptyInputRows)
        implements PlanNode {
    public GroupId {
        requireNonNull(source, "source is null");
        groupingColumns = List.copyOf(groupingColumns);
        groupingSets = groupingSets.stream().map(List::copyOf).toList();
        passThrough = List.copyOf(passThrough);
        markers = markers.stream().map(List::copyOf).toList();
        markerTypes = List.copyOf(markerTypes);
        if (markers.size() != markerTypes.size()) {
            throw new IllegalArgumentException("each marker needs a type");
        }
        for (List<Long> marker : markers) {
            if (marker.size() != groupingSets.size()) {
                throw new IllegalArgumentException("a marker needs one value per grouping set");
            }
        }
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        List<Type> sourceTypes = source.outputTypes();
        List<Type> types = new ArrayList<>();
        for (int channel : groupingColumns) {
            types.add(sourceTypes.get(channel));
        }
        for (int channel : passThrough) {
            types.add(sourceTypes.get(channel));
        }
        types.addAll(markerTypes);
        if (emptyInputRows) {
            types.add(Types.BOOLEAN);
        }
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new GroupId(newSources.get(0), groupingColumns, groupingSets, passThrough, markers, markerTypes, emptyInputRows);
    }
}
