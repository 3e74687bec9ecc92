package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups rows by the {@code groupKeys} channels and computes {@code calls} per group. Output: the group
 * keys in order, then one channel per call (SINGLE, FINAL) or the intermediate-state channels of each
 * call in order (PARTIAL). With no group keys, one row even for empty input (except PARTIAL).
 */
public record Aggregate(PlanNode source, List<Integer> groupKeys, List<AggregateCall> calls, AggregationStep step)
        implements PlanNode {
    public Aggregate {
        requireNonNull(source, "source is null");
        groupKeys = List.copyOf(groupKeys);
        calls = List.copyOf(calls);
        requireNonNull(step, "step is null");
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        List<Type> sourceTypes = source.outputTypes();
        List<Type> types = new ArrayList<>();
        for (int key : groupKeys) {
            types.add(sourceTypes.get(key));
        }
        for (AggregateCall call : calls) {
            if (step == AggregationStep.PARTIAL) {
                types.addAll(AggregateSignatures.intermediateTypes(call.function(), call.argumentTypes(), call.resultType()));
            } else {
                types.add(call.resultType());
            }
        }
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new Aggregate(newSources.get(0), groupKeys, calls, step);
    }
}
