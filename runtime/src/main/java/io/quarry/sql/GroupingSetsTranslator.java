package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.GroupId;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates GROUPING SETS, ROLLUP and CUBE: a {@link GroupId} repeats each row once per set (NULLs in the
 * columns the set does not group by, plus the set's index and the values of each {@code grouping()} call
 * as markers), one aggregation groups by the columns and the markers, and a projection restores Calcite's
 * column order. An empty set (as in every ROLLUP) answers one row even for an empty input.
 */
final class GroupingSetsTranslator {
    private final PlanTranslator translator;

    GroupingSetsTranslator(PlanTranslator translator) {
        this.translator = requireNonNull(translator, "translator is null");
    }

    PlanTranslator.Translated translate(LogicalAggregate aggregate) {
        ImmutableBitSet.Builder used = ImmutableBitSet.builder().addAll(aggregate.getGroupSet());
        for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
            used.addAll(call.getArgList());
            if (call.filterArg >= 0) {
                used.set(call.filterArg);
            }
        }
        PlanTranslator.Translated input = translator.translate(aggregate.getInput(), used.build());
        int[] mapping = input.mapping();
        List<Type> inputTypes = input.node().outputTypes();

        List<Integer> groupFields = aggregate.getGroupSet().asList();
        List<Integer> groupingColumns = new ArrayList<>();
        for (int field : groupFields) {
            groupingColumns.add(mapping[field]);
        }
        List<ImmutableBitSet> sets = aggregate.getGroupSets();
        List<List<Integer>> groupingSets = new ArrayList<>();
        for (ImmutableBitSet set : sets) {
            List<Integer> indexes = new ArrayList<>();
            for (int field : set) {
                indexes.add(groupFields.indexOf(field));
            }
            groupingSets.add(indexes);
        }

        // channels the aggregate calls read, passed through unchanged
        List<Integer> passThrough = new ArrayList<>();
        List<org.apache.calcite.rel.core.AggregateCall> calls = aggregate.getAggCallList();
        for (org.apache.calcite.rel.core.AggregateCall call : calls) {
            if (isGrouping(call)) {
                continue;
            }
            for (int argument : call.getArgList()) {
                addOnce(passThrough, mapping[argument]);
            }
            if (call.filterArg >= 0) {
                addOnce(passThrough, mapping[call.filterArg]);
            }
        }

        // marker 0: the set's index; then one marker per grouping() call
        List<List<Long>> markers = new ArrayList<>();
        List<Type> markerTypes = new ArrayList<>();
        List<Long> setIndexes = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            setIndexes.add((long) s);
        }
        markers.add(setIndexes);
        markerTypes.add(Types.BIGINT);
        for (org.apache.calcite.rel.core.AggregateCall call : calls) {
            if (!isGrouping(call)) {
                continue;
            }
            List<Long> values = new ArrayList<>();
            for (ImmutableBitSet set : sets) {
                long value = 0;
                for (int argument : call.getArgList()) {
                    value = (value << 1) | (set.get(argument) ? 0 : 1);
                }
                values.add(value);
            }
            markers.add(values);
            markerTypes.add(TypeMapping.toQuarry(call.getType()));
        }
        // an empty set has a group even for an empty input: GroupId makes rows for it that the calls skip
        boolean emptyInputRows = sets.stream().anyMatch(ImmutableBitSet::isEmpty);
        GroupId groupId = new GroupId(input.node(), groupingColumns, groupingSets, passThrough, markers, markerTypes, emptyInputRows);
        Optional<Integer> countedRows = emptyInputRows
                ? Optional.of(groupingColumns.size() + passThrough.size() + markers.size())
                : Optional.empty();

        int keyCount = groupingColumns.size();
        int markerStart = keyCount + passThrough.size();
        List<Integer> groupKeys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            groupKeys.add(i);
        }
        for (int m = 0; m < markers.size(); m++) {
            groupKeys.add(markerStart + m);
        }
        // the aggregate calls read the passed-through channels
        int[] callMapping = new int[aggregate.getInput().getRowType().getFieldCount()];
        java.util.Arrays.fill(callMapping, -1);
        List<Type> groupIdTypes = groupId.outputTypes();
        for (int field = 0; field < mapping.length; field++) {
            int channel = mapping[field];
            int position = channel < 0 ? -1 : passThrough.indexOf(channel);
            if (position >= 0) {
                callMapping[field] = keyCount + position;
            }
        }
        List<AggregateCall> aggregateCalls = new ArrayList<>();
        for (org.apache.calcite.rel.core.AggregateCall call : calls) {
            if (!isGrouping(call)) {
                AggregateCall translated = PlanTranslator.aggregateCall(call, callMapping, groupIdTypes);
                if (translated.filter().isEmpty() && countedRows.isPresent()) {
                    // a filtered call skips those rows already: its filter channel is NULL there
                    translated = new AggregateCall(translated.function(), translated.arguments(), translated.argumentTypes(),
                            translated.resultType(), translated.distinct(), countedRows, translated.orderBy());
                }
                aggregateCalls.add(translated);
            }
        }
        Aggregate grouped = new Aggregate(groupId, groupKeys, aggregateCalls, AggregationStep.SINGLE);

        List<Type> groupedTypes = grouped.outputTypes();
        List<Expression> projections = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            projections.add(new InputRef(i, groupedTypes.get(i)));
        }
        int nextMarker = keyCount + 1;
        int nextCall = keyCount + markers.size();
        for (org.apache.calcite.rel.core.AggregateCall call : calls) {
            int channel = isGrouping(call) ? nextMarker++ : nextCall++;
            projections.add(new InputRef(channel, groupedTypes.get(channel)));
        }
        PlanNode node = new Project(grouped, projections);
        return new PlanTranslator.Translated(node, SetOperationTranslator.identity(projections.size()));
    }

    private static boolean isGrouping(org.apache.calcite.rel.core.AggregateCall call) {
        return call.getAggregation().getKind() == SqlKind.GROUPING;
    }

    private static void addOnce(List<Integer> list, int value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
