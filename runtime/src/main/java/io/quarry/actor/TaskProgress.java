package io.quarry.actor;

/**
 * The figures of one task that travel to its stage with each status update, with the rows its table scans dropped
 * because of dynamic filters.
 */
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
        long peakMemoryBytes,
        long dynamicFilterPrunedRows) implements ClusterMessage {
    public static final TaskProgress NONE = new TaskProgress(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of a task whose scans pruned nothing. */
    public TaskProgress(
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
            long peakMemoryBytes) {
        this(totalSplits, queuedSplits, runningSplits, completedSplits, inputRows, inputBytes, outputRows, outputBytes,
                cpuNanos, wallNanos, memoryBytes, peakMemoryBytes, 0);
    }
}
