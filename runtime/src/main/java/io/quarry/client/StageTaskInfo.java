package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.TaskId;

/**
 * One task of a stage as its last status report showed it: where it runs ({@code workerUri}, the base of its
 * task URI) and its figures, among them the rows its table scans read and dropped because of dynamic filters.
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
        long peakMemoryBytes,
        long dynamicFilterPrunedRows) {
    public StageTaskInfo {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(state, "state is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(workerUri, "workerUri is null");
    }

    /** A task whose table scans dropped no rows because of dynamic filters. */
    public StageTaskInfo(
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
        this(taskId, state, done, nodeId, workerUri, totalSplits, queuedSplits, runningSplits, completedSplits, inputRows,
                inputBytes, outputRows, outputBytes, cpuNanos, wallNanos, peakMemoryBytes, 0);
    }
}
