package io.quarry.client;

import java.util.List;

/** Progress figures of one stage and its sub-stages, for the protocol's {@code rootStage}. */
public record StageStatistics(
        int stageId,
        String state,
        boolean done,
        int nodes,
        int totalSplits,
        int queuedSplits,
        int runningSplits,
        int completedSplits,
        long cpuTimeMillis,
        long wallTimeMillis,
        long processedRows,
        long processedBytes,
        int failedTasks,
        List<StageStatistics> subStages) {
    public StageStatistics {
        subStages = List.copyOf(subStages);
    }
}
