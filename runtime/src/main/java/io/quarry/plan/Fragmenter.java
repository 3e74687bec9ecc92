package io.quarry.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a plan with exchanges into {@link PlanFragment}s, one per stage: each {@link Exchange} becomes a
 * {@link RemoteSource} in the consuming fragment, and its source becomes a fragment of its own. The
 * root fragment has id 0; the others are numbered in the order they are met, depth first.
 */
public final class Fragmenter {
    private final List<PlanFragment> fragments = new ArrayList<>();
    private int nextId;

    private Fragmenter() {}

    /** The fragments of {@code root}, root fragment first. */
    public static List<PlanFragment> fragment(PlanNode root) {
        Fragmenter fragmenter = new Fragmenter();
        fragmenter.createFragment(root, ExchangeKind.GATHER, List.of());
        List<PlanFragment> result = new ArrayList<>(fragmenter.fragments);
        result.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return List.copyOf(result);
    }

    private int createFragment(PlanNode root, ExchangeKind outputKind, List<Integer> outputKeys) {
        int id = nextId++;
        List<Integer> sourceFragments = new ArrayList<>();
        List<ExchangeKind> inputKinds = new ArrayList<>();
        PlanNode rewritten = cut(root, sourceFragments, inputKinds);
        FragmentDistribution distribution;
        if (containsTableScan(rewritten)) {
            distribution = FragmentDistribution.SOURCE;
        } else if (inputKinds.contains(ExchangeKind.REPARTITION) || inputKinds.contains(ExchangeKind.ROUND_ROBIN)) {
            distribution = FragmentDistribution.HASH;
        } else {
            distribution = FragmentDistribution.SINGLE;
        }
        fragments.add(new PlanFragment(id, rewritten, distribution, outputKind, outputKeys, sourceFragments));
        return id;
    }

    private PlanNode cut(PlanNode node, List<Integer> sourceFragments, List<ExchangeKind> inputKinds) {
        if (node instanceof Exchange exchange) {
            int child = createFragment(exchange.source(), exchange.kind(), exchange.partitionKeys());
            sourceFragments.add(child);
            inputKinds.add(exchange.kind());
            return new RemoteSource(child, exchange.outputTypes());
        }
        if (node.sources().isEmpty()) {
            return node;
        }
        List<PlanNode> sources = new ArrayList<>();
        for (PlanNode source : node.sources()) {
            sources.add(cut(source, sourceFragments, inputKinds));
        }
        return node.replaceSources(sources);
    }

    private static boolean containsTableScan(PlanNode node) {
        if (node instanceof TableScan) {
            return true;
        }
        return node.sources().stream().anyMatch(Fragmenter::containsTableScan);
    }
}
