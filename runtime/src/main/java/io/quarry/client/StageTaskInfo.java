package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.TaskId;

/**
 * One task of a stage as its last status report showed it: where it runs ({@code workerUri}, the base of its
 * task URI) and its figures.
 */
public record StageTaskInfo(
        TaskId taskId,
        String state,
        boolean done,
        String nodeId,
        String workerUri,
        int totalSplits,
        int queuedSplits,
        int runningSplits,
        int completedSplits,
        long inputRows,
        long inputBytes,
        long outputRows,
        long outputBytes,
        long cpuNanos,
        long wallNanos,
        long peakMemoryBytes) {
    public StageTaskInfo {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(state, "state is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(workerUri, "workerUri is null");
    }
}
