package io.quarry.actor;

/** The figures of one task that travel to its stage with each status update. */
public record TaskProgress(
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
        long memoryBytes,
        long peakMemoryBytes) implements ClusterMessage {
    public static final TaskProgress NONE = new TaskProgress(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
