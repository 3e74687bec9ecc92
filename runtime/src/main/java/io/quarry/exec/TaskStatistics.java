package io.quarry.exec;

/**
 * Figures of one task at a moment: drivers by state, splits, raw input (table scans and remote sources),
 * output, CPU and scheduled wall time, current and peak memory of the operators, and the rows its table scans
 * read but dropped because of dynamic filters.
 */
public record TaskStatistics(
        int totalDrivers,
        int queuedDrivers,
        int runningDrivers,
        int completedDrivers,
        long totalSplits,
        long queuedSplits,
        long runningSplits,
        long completedSplits,
        long inputRows,
        long inputBytes,
        long outputRows,
        long outputBytes,
        long cpuNanos,
        long wallNanos,
        long memoryBytes,
        long peakMemoryBytes,
        long dynamicFilterPrunedRows) {
    /** Figures of a task whose scans pruned nothing. */
    public TaskStatistics(
            int totalDrivers,
            int queuedDrivers,
            int runningDrivers,
            int completedDrivers,
            long totalSplits,
            long queuedSplits,
            long runningSplits,
            long completedSplits,
            long inputRows,
            long inputBytes,
            long outputRows,
            long outputBytes,
            long cpuNanos,
            long wallNanos,
            long memoryBytes,
            long peakMemoryBytes) {
        this(totalDrivers, queuedDrivers, runningDrivers, completedDrivers, totalSplits, queuedSplits, runningSplits,
                completedSplits, inputRows, inputBytes, outputRows, outputBytes, cpuNanos, wallNanos, memoryBytes,
                peakMemoryBytes, 0);
    }
}
