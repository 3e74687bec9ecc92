package io.quarry.exec.dynamicfilter;

import io.quarry.page.Page;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dynamic filters one join of a task produces: when its build side is complete, the summary of each
 * filterable key goes to the probe scan of the same task, or is reported (for the coordinator) when the probe rows
 * come from another stage. Called once, by the build driver.
 */
public final class JoinDynamicFilters {
    private static final Logger log = LoggerFactory.getLogger(JoinDynamicFilters.class);

    private record LocalTarget(int buildChannel, DynamicFilterSummary.KeyType keyType, int scanColumn) {}

    private record RemoteTarget(int buildChannel, DynamicFilterSummary.KeyType keyType, int fragmentId, int channel) {}

    private final List<LocalTarget> localTargets = new ArrayList<>();
    private final List<RemoteTarget> remoteTargets = new ArrayList<>();
    private final ScanDynamicFilters probeScan;
    private final TaskDynamicFilters task;

    /** {@code probeScan} receives the local filters (a new, empty one when there is no local target). */
    public JoinDynamicFilters(ScanDynamicFilters probeScan, TaskDynamicFilters task) {
        this.probeScan = probeScan;
        this.task = task;
    }

    public void addLocal(int buildChannel, DynamicFilterSummary.KeyType keyType, int scanColumn) {
        localTargets.add(new LocalTarget(buildChannel, keyType, scanColumn));
    }

    public void addRemote(int buildChannel, DynamicFilterSummary.KeyType keyType, int fragmentId, int channel) {
        remoteTargets.add(new RemoteTarget(buildChannel, keyType, fragmentId, channel));
    }

    public boolean isEmpty() {
        return localTargets.isEmpty() && remoteTargets.isEmpty();
    }

    /** The build side is complete: summarise its keys and send them where they apply. */
    public void buildComplete(List<Page> buildPages) {
        for (LocalTarget target : localTargets) {
            DynamicFilterSummary summary = DynamicFilterSummary.collect(
                    buildPages, target.buildChannel(), target.keyType(), DynamicFilterPlanning.LOCAL_MAX_DISTINCT);
            log.debug("Task {}: dynamic filter {} on scan column {}", task.taskName(), summary, target.scanColumn());
            probeScan.add(target.scanColumn(), summary);
        }
        for (RemoteTarget target : remoteTargets) {
            DynamicFilterSummary summary = DynamicFilterSummary.collect(
                    buildPages, target.buildChannel(), target.keyType(), DynamicFilterPlanning.REPORTED_MAX_DISTINCT);
            task.report(new CollectedDynamicFilter(target.fragmentId(), target.channel(), summary));
        }
    }
}
