package io.quarry.exec;

import io.quarry.exec.dynamicfilter.DynamicFilterPlanning;
import io.quarry.exec.dynamicfilter.DynamicFilterSummary;
import io.quarry.exec.dynamicfilter.JoinDynamicFilters;
import io.quarry.exec.dynamicfilter.ScanDynamicFilters;
import io.quarry.exec.dynamicfilter.TaskDynamicFilters;
import io.quarry.plan.Join;
import io.quarry.plan.PlanNode;
import java.util.Optional;

/**
 * Connects, while {@link LocalExecutionPlanner} walks a fragment, the joins that produce dynamic filters with the
 * table scans that apply them. A probe key reaches its scan through a linear chain of nodes (see
 * {@link DynamicFilterPlanning#probeSource}), so the next scan the planner visits after the join's build side is
 * the one its filters are for; the same holds for the scan at the bottom of the fragment's root chain, which
 * receives the merged filters of partitioned joins.
 */
final class DynamicFilterWiring {
    private final boolean enabled;
    private final TaskDynamicFilters task;
    private ScanDynamicFilters pendingScan;

    DynamicFilterWiring(TaskExecutionContext context) {
        this.enabled = DynamicFilterPlanning.enabled(context.session());
        PlanNode root = context.fragment().root();
        ScanDynamicFilters rootScan = null;
        if (enabled && DynamicFilterPlanning.isScanChain(root)) {
            rootScan = new ScanDynamicFilters();
            rootScan.awaitFilters(DynamicFilterPlanning.awaitedFilters(context.session()),
                    DynamicFilterPlanning.waitTimeout(context.session()));
            pendingScan = rootScan;
        }
        this.task = new TaskDynamicFilters(context.taskId().toString(), rootScan);
    }

    TaskDynamicFilters task() {
        return task;
    }

    /** The filters of the table scan being planned now, or null. */
    ScanDynamicFilters takeScanFilters() {
        ScanDynamicFilters filters = pendingScan;
        pendingScan = null;
        return filters;
    }

    /**
     * The filters {@code join} produces, or null; call after planning its build side and before its probe side,
     * whose scan then gets the local ones.
     */
    JoinDynamicFilters forJoin(Join join) {
        if (!enabled || !DynamicFilterPlanning.filtersProbe(join.type())) {
            return null;
        }
        ScanDynamicFilters probeScan = new ScanDynamicFilters();
        JoinDynamicFilters filters = new JoinDynamicFilters(probeScan, task);
        boolean local = false;
        for (int key = 0; key < join.leftKeys().size(); key++) {
            Optional<DynamicFilterSummary.KeyType> keyType = DynamicFilterPlanning.keyType(join, key);
            if (keyType.isEmpty()) {
                continue;
            }
            Optional<DynamicFilterPlanning.ProbeSource> source =
                    DynamicFilterPlanning.probeSource(join.left(), join.leftKeys().get(key));
            if (source.isEmpty()) {
                continue;
            }
            int buildChannel = join.rightKeys().get(key);
            if (source.get() instanceof DynamicFilterPlanning.LocalScan scan) {
                filters.addLocal(buildChannel, keyType.get(), scan.column());
                local = true;
            } else if (source.get() instanceof DynamicFilterPlanning.RemoteChannel remote) {
                filters.addRemote(buildChannel, keyType.get(), remote.fragmentId(), remote.channel());
            }
        }
        if (local) {
            pendingScan = probeScan;
        }
        return filters.isEmpty() ? null : filters;
    }
}
