package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.exec.dynamicfilter.CollectedDynamicFilter;
import io.quarry.exec.dynamicfilter.DynamicFilterPlanning;
import io.quarry.exec.dynamicfilter.DynamicFilterSummary;
import io.quarry.plan.PlanFragment;
import io.quarry.spi.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's side of partitioned joins' dynamic filters, for one query: gathers the summaries the join
 * tasks report (one per task and probe column), and once every task of the join's stage has reported, merges them
 * (union of the values, widest range) into the filter for the table scan the probe rows come from. A filter whose
 * reports never all arrive is never sent, which only means less pruning. Used by the query actor only.
 */
final class DynamicFilterCoordinator {
    /** A merged filter for column {@code scanColumn} of the table scan of fragment {@code fragmentId}. */
    record Merged(int fragmentId, int scanColumn, DynamicFilterSummary summary) {
        Merged {
            requireNonNull(summary, "summary is null");
        }
    }

    /** The probe column {@code channel} of fragment {@code targetFragment} as filtered by the joins of {@code joinFragment}. */
    private record Key(int joinFragment, int targetFragment, int channel) {}

    private final Map<Integer, PlanFragment> fragments = new HashMap<>();
    private final Map<Key, Map<Integer, DynamicFilterSummary>> reports = new HashMap<>();
    private final Set<Key> merged = new HashSet<>();

    /** How many merged filters each fragment's root scan gets (fragments that get none are absent). */
    private final Map<Integer, Integer> awaited;

    DynamicFilterCoordinator(List<PlanFragment> fragments) {
        fragments.forEach(fragment -> this.fragments.put(fragment.id(), fragment));
        this.awaited = DynamicFilterPlanning.awaitedFilters(fragments);
    }

    /**
     * The session of fragment {@code fragmentId}'s stage: {@code session}, telling the tasks how many merged filters
     * their scan waits for when partitioned joins filter it (and filtering is on).
     */
    Session sessionOf(int fragmentId, Session session) {
        int count = awaited.getOrDefault(fragmentId, 0);
        if (count == 0 || !DynamicFilterPlanning.enabled(session)) {
            return session;
        }
        return session.withSystemProperty(DynamicFilterPlanning.AWAITED_FILTERS_PROPERTY, Integer.toString(count));
    }

    /** Takes one task's reports; returns the filters that became complete with them. */
    List<Merged> add(StageActor.DynamicFiltersCollected collected) {
        List<Merged> complete = new ArrayList<>();
        for (CollectedDynamicFilter filter : collected.filters()) {
            Key key = new Key(collected.fragmentId(), filter.fragmentId(), filter.channel());
            if (merged.contains(key)) {
                continue;
            }
            Map<Integer, DynamicFilterSummary> byPartition = reports.computeIfAbsent(key, ignored -> new HashMap<>());
            // a retried task reports its partition again: same rows, same summary
            byPartition.put(collected.partition(), filter.summary());
            if (byPartition.size() < collected.taskCount()) {
                continue;
            }
            merged.add(key);
            reports.remove(key);
            DynamicFilterSummary union = DynamicFilterSummary.none();
            for (DynamicFilterSummary summary : byPartition.values()) {
                union = union.union(summary, DynamicFilterPlanning.MERGED_MAX_DISTINCT);
            }
            Optional<Integer> column = scanColumn(filter.fragmentId(), filter.channel());
            // an ALL filter prunes nothing but tells the scan that waits for the filters not to wait for this one
            if (column.isPresent()) {
                complete.add(new Merged(filter.fragmentId(), column.get(), union));
            }
        }
        return complete;
    }

    private Optional<Integer> scanColumn(int fragmentId, int channel) {
        PlanFragment fragment = fragments.get(fragmentId);
        if (fragment == null) {
            return Optional.empty();
        }
        return DynamicFilterPlanning.rootScanColumn(fragment.root(), channel);
    }
}
