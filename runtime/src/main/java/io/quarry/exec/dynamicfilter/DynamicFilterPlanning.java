package io.quarry.exec.dynamicfilter;

import io.quarry.config.Durations;
import io.quarry.plan.Exchange;
import io.quarry.plan.Filter;
import io.quarry.plan.Join;
import io.quarry.plan.JoinType;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.Session;
import io.quarry.type.Type;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which joins get dynamic filters and where they apply, decided the same way on the workers (for the joins and
 * scans of a task) and on the coordinator (to route the filters of partitioned joins). A probe key reaches a
 * scan column only through Filter, Exchange and Project nodes whose projection of that key is a plain column
 * reference; any other node on the way gives up.
 */
public final class DynamicFilterPlanning {
    /** The session property that turns dynamic filtering off. */
    public static final String SESSION_PROPERTY = "enable_dynamic_filtering";
    /** The session property bounding how long a scan waits for the filters of partitioned joins. */
    public static final String WAIT_TIMEOUT_PROPERTY = "dynamic_filtering_wait_timeout";
    /** Its default, as SystemSessionProperties declares it. */
    public static final String DEFAULT_WAIT_TIMEOUT = "1.00s";
    /**
     * Set by the coordinator on the session of a stage whose scan feeds partitioned joins: how many merged filters
     * its tasks' scan waits for (see {@link #awaitedFilters}). Not a user property.
     */
    public static final String AWAITED_FILTERS_PROPERTY = "dynamic_filtering_awaited_filters";
    /** Exact values a task keeps for a scan in the same task. */
    public static final int LOCAL_MAX_DISTINCT = 100_000;
    /** Exact values a task reports to the coordinator: its reports stay well under Artery's frame size. */
    public static final int REPORTED_MAX_DISTINCT = 10_000;
    /** Exact values of a merged filter the coordinator sends to the scanning tasks. */
    public static final int MERGED_MAX_DISTINCT = 20_000;

    /** Where the probe rows of a join key come from. */
    public sealed interface ProbeSource {}

    /** Column {@code column} of a table scan in the same fragment. */
    public record LocalScan(int column) implements ProbeSource {}

    /** Output channel {@code channel} of fragment {@code fragmentId} (a partitioned join's probe side). */
    public record RemoteChannel(int fragmentId, int channel) implements ProbeSource {}

    private DynamicFilterPlanning() {}

    /** Whether the session lets dynamic filters run (the property defaults to true). */
    public static boolean enabled(Session session) {
        return session.systemProperty(SESSION_PROPERTY).map(value -> !value.trim().equalsIgnoreCase("false")).orElse(true);
    }

    /**
     * Whether probe (left) rows without a matching build key can be dropped before the join without changing its
     * result: not when the join keeps unmatched probe rows (LEFT, FULL, ANTI) or marks them (MARK).
     */
    public static boolean filtersProbe(JoinType type) {
        return switch (type) {
            case INNER, RIGHT, SEMI, RIGHT_SEMI, RIGHT_ANTI -> true;
            case LEFT, FULL, ANTI, MARK -> false;
        };
    }

    /** Whether key {@code index} of {@code join} can have a filter: see {@link #keyType}. */
    public static boolean filterableKey(Join join, int index) {
        return keyType(join, index).isPresent();
    }

    /**
     * The key type of the filter of key {@code index} of {@code join}, if it can have one: not null-safe, both sides
     * of one storage of long, double or variable-width values.
     */
    public static Optional<DynamicFilterSummary.KeyType> keyType(Join join, int index) {
        if (join.nullSafeKeys().get(index)) {
            return Optional.empty();
        }
        Type build = join.right().outputTypes().get(join.rightKeys().get(index));
        Type probe = join.left().outputTypes().get(join.leftKeys().get(index));
        if (build.storage() != probe.storage()
                // equal times and timestamps with time zone differ in their stored zones: a filter of stored values would drop matches
                || io.quarry.type.TemporalTypes.zoneFreeKey(build) != null) {
            return Optional.empty();
        }
        return DynamicFilterSummary.KeyType.of(build.storage());
    }

    /** Where channel {@code channel} of {@code node} comes from, if it is a plain scan or remote column. */
    public static Optional<ProbeSource> probeSource(PlanNode node, int channel) {
        PlanNode current = node;
        int currentChannel = channel;
        while (true) {
            if (current instanceof TableScan) {
                return Optional.of(new LocalScan(currentChannel));
            }
            if (current instanceof RemoteSource remote) {
                return Optional.of(new RemoteChannel(remote.fragmentId(), currentChannel));
            }
            if (current instanceof Filter filter) {
                current = filter.source();
            } else if (current instanceof Exchange exchange) {
                current = exchange.source();
            } else if (current instanceof Project project) {
                Expression projection = project.projections().get(currentChannel);
                if (!(projection instanceof InputRef ref)
                        || !ref.type().equals(project.source().outputTypes().get(ref.channel()))) {
                    return Optional.empty();
                }
                currentChannel = ref.channel();
                current = project.source();
            } else {
                return Optional.empty();
            }
        }
    }

    /**
     * The scan column behind output channel {@code channel} of a fragment whose root reads one table through a
     * chain of Filter, Exchange and Project nodes: where a merged filter of a partitioned join applies.
     */
    public static Optional<Integer> rootScanColumn(PlanNode root, int channel) {
        return probeSource(root, channel).flatMap(source -> source instanceof LocalScan local
                ? Optional.of(local.column())
                : Optional.empty());
    }

    /**
     * How many merged filters the coordinator sends to each fragment's root scan: one per partitioned join fragment
     * and probe column that reaches that scan (the coordinator merges the reports of one such pair into one filter).
     * Fragments that get none are left out.
     */
    public static Map<Integer, Integer> awaitedFilters(List<PlanFragment> fragments) {
        Map<Integer, PlanFragment> byId = new HashMap<>();
        fragments.forEach(fragment -> byId.put(fragment.id(), fragment));
        Set<List<Integer>> pairs = new HashSet<>();
        Map<Integer, Integer> awaited = new HashMap<>();
        for (PlanFragment fragment : fragments) {
            for (Join join : joins(fragment.root())) {
                if (!filtersProbe(join.type())) {
                    continue;
                }
                for (int key = 0; key < join.leftKeys().size(); key++) {
                    if (keyType(join, key).isEmpty()) {
                        continue;
                    }
                    Optional<ProbeSource> source = probeSource(join.left(), join.leftKeys().get(key));
                    if (source.isEmpty() || !(source.get() instanceof RemoteChannel remote)) {
                        continue;
                    }
                    PlanFragment target = byId.get(remote.fragmentId());
                    if (target == null || rootScanColumn(target.root(), remote.channel()).isEmpty()) {
                        continue;
                    }
                    if (pairs.add(List.of(fragment.id(), remote.fragmentId(), remote.channel()))) {
                        awaited.merge(remote.fragmentId(), 1, Integer::sum);
                    }
                }
            }
        }
        return awaited;
    }

    /** The filters a stage's scan waits for, as the coordinator set them on its session (0 when none). */
    public static int awaitedFilters(Session session) {
        return session.systemProperty(AWAITED_FILTERS_PROPERTY).map(Integer::parseInt).orElse(0);
    }

    /** How long a scan waits for the filters of partitioned joins, from the session (validated when set). */
    public static Duration waitTimeout(Session session) {
        return Durations.parse(session.systemProperty(WAIT_TIMEOUT_PROPERTY).orElse(DEFAULT_WAIT_TIMEOUT).trim());
    }

    private static List<Join> joins(PlanNode root) {
        List<Join> joins = new ArrayList<>();
        ArrayDeque<PlanNode> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            PlanNode node = pending.pop();
            if (node instanceof Join join) {
                joins.add(join);
            }
            pending.addAll(node.sources());
        }
        return joins;
    }

    /** Whether {@code node} is a chain of Filter, Exchange and Project nodes over one table scan. */
    public static boolean isScanChain(PlanNode node) {
        PlanNode current = node;
        while (current instanceof Filter || current instanceof Exchange || current instanceof Project) {
            current = current.sources().get(0);
        }
        return current instanceof TableScan;
    }
}
