package io.quarry.client;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Progress figures of a query, for the protocol's {@code stats}. */
public record QueryStatistics(
        QueryState state,
        boolean scheduled,
        int nodes,
        int totalSplits,
        int queuedSplits,
        int runningSplits,
        int completedSplits,
        long cpuTimeMillis,
        long wallTimeMillis,
        long queuedTimeMillis,
        long elapsedTimeMillis,
        long planningTimeMillis,
        long processedRows,
        long processedBytes,
        long peakMemoryBytes,
        Optional<StageStatistics> rootStage) {
    public QueryStatistics {
        requireNonNull(state, "state is null");
        requireNonNull(rootStage, "rootStage is null");
    }

    public static QueryStatistics initial(QueryState state, long elapsedMillis) {
        return new QueryStatistics(state, false, 0, 0, 0, 0, 0, 0, 0, elapsedMillis, elapsedMillis, 0, 0, 0, 0, Optional.empty());
    }
}
