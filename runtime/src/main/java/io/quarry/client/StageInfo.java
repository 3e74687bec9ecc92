package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.PlanFragment;
import io.quarry.spi.StageId;
import java.util.List;
import java.util.Optional;

/**
 * One stage of a query with its tasks and its sub-stages; {@code statistics} sums the stage's own tasks;
 * {@code plan} is the fragment the stage runs.
 */
public record StageInfo(
        StageId stageId, PlanFragment plan, StageStatistics statistics, List<StageTaskInfo> tasks, List<StageInfo> subStages) {
    public StageInfo {
        requireNonNull(stageId, "stageId is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(statistics, "statistics is null");
        tasks = List.copyOf(tasks);
        subStages = List.copyOf(subStages);
    }

    /** This stage or the one below it with {@code id}; empty when the tree has none. */
    public Optional<StageInfo> find(StageId id) {
        if (stageId.equals(id)) {
            return Optional.of(this);
        }
        for (StageInfo subStage : subStages) {
            Optional<StageInfo> found = subStage.find(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
