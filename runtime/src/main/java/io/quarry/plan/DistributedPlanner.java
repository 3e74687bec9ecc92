package io.quarry.plan;

import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds the exchanges that let a single-node plan run over many tasks. Table scans produce distributed
 * rows; aggregations split into PARTIAL (beside the scan) and FINAL (after a repartitioning on the group
 * keys, or a gather when there are none); top-N and limit run partially before a gather and again after
 * it; ORDER BY and the output run in one task.
 */
public final class DistributedPlanner {
    private DistributedPlanner() {}

    /** Where a subtree's rows are: all in one task, or spread over several. */
    private enum Distribution {
        SINGLE,
        SPREAD
    }

    private record Planned(PlanNode node, Distribution distribution) {}

    /** The plan with exchanges; {@code root} is an {@link Output} whose aggregations are all SINGLE. */
    public static PlanNode addExchanges(PlanNode root) {
        Planned planned = plan(root);
        return planned.node();
    }

    private static Planned plan(PlanNode node) {
        if (node instanceof TableScan) {
            return new Planned(node, Distribution.SPREAD);
        }
        if (node instanceof Values || node instanceof RemoteSource) {
            return new Planned(node, Distribution.SINGLE);
        }
        if (node instanceof Filter || node instanceof Project || node instanceof GroupId || node instanceof Exchange
                || node instanceof Unnest) {
            Planned source = plan(node.sources().get(0));
            Distribution distribution = node instanceof Exchange ? Distribution.SINGLE : source.distribution();
            return new Planned(node.replaceSources(List.of(source.node())), distribution);
        }
        if (node instanceof Output output) {
            return new Planned(output.replaceSources(List.of(gathered(plan(output.source())))), Distribution.SINGLE);
        }
        if (node instanceof Sort sort) {
            return new Planned(sort.replaceSources(List.of(gathered(plan(sort.source())))), Distribution.SINGLE);
        }
        if (node instanceof TopN topN) {
            Planned source = plan(topN.source());
            if (source.distribution() == Distribution.SINGLE) {
                return new Planned(topN.replaceSources(List.of(source.node())), Distribution.SINGLE);
            }
            TopN partial = new TopN(source.node(), topN.keys(), topN.count());
            return new Planned(topN.replaceSources(List.of(gather(partial))), Distribution.SINGLE);
        }
        if (node instanceof Limit limit) {
            Planned source = plan(limit.source());
            if (source.distribution() == Distribution.SINGLE) {
                return new Planned(limit.replaceSources(List.of(source.node())), Distribution.SINGLE);
            }
            long partialCount = limit.count() == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(limit.offset(), limit.count());
            PlanNode partial = partialCount == Long.MAX_VALUE ? source.node() : new Limit(source.node(), 0, partialCount);
            return new Planned(limit.replaceSources(List.of(gather(partial))), Distribution.SINGLE);
        }
        if (node instanceof Aggregate aggregate) {
            return planAggregate(aggregate);
        }
        if (node instanceof Union || node instanceof Window || node instanceof MatchRecognize) {
            return planSetOrWindow(node);
        }
        if (node instanceof Join join) {
            return planJoin(join);
        }
        throw new IllegalArgumentException("Cannot distribute plan node " + node.getClass().getSimpleName());
    }

    private static Planned planAggregate(Aggregate aggregate) {
        Planned source = plan(aggregate.source());
        if (aggregate.step() != AggregationStep.SINGLE || source.distribution() == Distribution.SINGLE) {
            return new Planned(aggregate.replaceSources(List.of(source.node())), source.distribution());
        }
        boolean decomposable = aggregate.calls().stream()
                .allMatch(call -> call.orderBy().isEmpty() && AggregateSignatures.isDecomposable(call.function(), call.distinct()));
        if (!decomposable) {
            // Every row of a group must meet in one task: repartition raw rows on the group keys.
            PlanNode exchanged = exchangeOn(source.node(), aggregate.groupKeys());
            return new Planned(aggregate.replaceSources(List.of(exchanged)), spreadIfKeyed(aggregate.groupKeys()));
        }
        Aggregate partial = new Aggregate(source.node(), aggregate.groupKeys(), aggregate.calls(), AggregationStep.PARTIAL);
        int keyCount = aggregate.groupKeys().size();
        List<Integer> partialKeys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            partialKeys.add(i);
        }
        List<AggregateCall> finalCalls = new ArrayList<>();
        int channel = keyCount;
        for (AggregateCall call : aggregate.calls()) {
            List<Type> intermediate =
                    AggregateSignatures.intermediateTypes(call.function(), call.argumentTypes(), call.resultType());
            List<Integer> arguments = new ArrayList<>();
            for (int i = 0; i < intermediate.size(); i++) {
                arguments.add(channel++);
            }
            finalCalls.add(new AggregateCall(
                    call.function(), arguments, call.argumentTypes(), call.resultType(), false, Optional.empty()));
        }
        PlanNode exchanged = exchangeOn(partial, partialKeys);
        Aggregate finalAggregate = new Aggregate(exchanged, partialKeys, finalCalls, AggregationStep.FINAL);
        return new Planned(finalAggregate, spreadIfKeyed(partialKeys));
    }

    /**
     * A union reads each of its spread sources through a gather; a window function repartitions its input on
     * the PARTITION BY keys (or gathers it when there are none) so each partition is whole in one task; so does
     * MATCH_RECOGNIZE.
     */
    private static Planned planSetOrWindow(PlanNode node) {
        if (node instanceof Window window) {
            Planned source = plan(window.source());
            if (source.distribution() == Distribution.SINGLE) {
                return new Planned(window.replaceSources(List.of(source.node())), Distribution.SINGLE);
            }
            PlanNode exchanged = exchangeOn(source.node(), window.partitionKeys());
            return new Planned(window.replaceSources(List.of(exchanged)), spreadIfKeyed(window.partitionKeys()));
        }
        if (node instanceof MatchRecognize match) {
            // like a window: each partition of the PARTITION BY keys whole in one task
            Planned source = plan(match.source());
            if (source.distribution() == Distribution.SINGLE) {
                return new Planned(match.replaceSources(List.of(source.node())), Distribution.SINGLE);
            }
            PlanNode exchanged = exchangeOn(source.node(), match.partitionKeys());
            return new Planned(match.replaceSources(List.of(exchanged)), spreadIfKeyed(match.partitionKeys()));
        }
        List<PlanNode> sources = new ArrayList<>();
        for (PlanNode source : node.sources()) {
            sources.add(gathered(plan(source)));
        }
        return new Planned(node.replaceSources(sources), Distribution.SINGLE);
    }

    /**
     * PARTITIONED: both sides repartitioned on their keys, the join in one task per partition. BROADCAST: the
     * build side copied to every task of the probe side, which stays where it is. Joins that emit unmatched
     * build rows cannot run on copies of the build side: without keys they run in one task.
     */
    private static Planned planJoin(Join join) {
        Planned left = plan(join.left());
        Planned right = plan(join.right());
        if (left.distribution() == Distribution.SINGLE && right.distribution() == Distribution.SINGLE) {
            return new Planned(join.replaceSources(List.of(left.node(), right.node())), Distribution.SINGLE);
        }
        if (join.distribution() == JoinDistribution.PARTITIONED && !join.leftKeys().isEmpty()) {
            PlanNode probe = new Exchange(left.node(), ExchangeKind.REPARTITION, join.leftKeys());
            PlanNode build = new Exchange(right.node(), ExchangeKind.REPARTITION, join.rightKeys());
            return new Planned(join.replaceSources(List.of(probe, build)), Distribution.SPREAD);
        }
        if (left.distribution() == Distribution.SINGLE || join.type().tracksMatchedRight()) {
            return new Planned(join.replaceSources(List.of(gathered(left), gathered(right))), Distribution.SINGLE);
        }
        PlanNode build = new Exchange(right.node(), ExchangeKind.REPLICATE, List.of());
        return new Planned(join.replaceSources(List.of(left.node(), build)), Distribution.SPREAD);
    }

    private static Distribution spreadIfKeyed(List<Integer> keys) {
        return keys.isEmpty() ? Distribution.SINGLE : Distribution.SPREAD;
    }

    private static PlanNode exchangeOn(PlanNode source, List<Integer> keys) {
        return keys.isEmpty() ? gather(source) : new Exchange(source, ExchangeKind.REPARTITION, keys);
    }

    private static PlanNode gathered(Planned planned) {
        return planned.distribution() == Distribution.SINGLE ? planned.node() : gather(planned.node());
    }

    private static Exchange gather(PlanNode source) {
        return new Exchange(source, ExchangeKind.GATHER, List.of());
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
