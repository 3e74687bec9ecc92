package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarry.client.QueryState;
import io.quarry.client.QueryStatistics;

/**
 * The {@code stats} of a QueryResults: the union of the fields openLooKeng, Presto 350 and Trino 478 clients
 * read (missing primitives read as 0 there, so all are sent). {@code progressPercentage} only once the query
 * is scheduled, {@code rootStage} only when known.
 */
@JsonPropertyOrder({
    "state", "queued", "scheduled", "progressPercentage", "nodes", "totalSplits", "queuedSplits", "runningSplits",
    "completedSplits", "planningTimeMillis", "analysisTimeMillis", "cpuTimeMillis", "wallTimeMillis",
    "queuedTimeMillis", "elapsedTimeMillis", "finishingTimeMillis", "physicalInputTimeMillis", "processedRows",
    "processedBytes", "physicalInputBytes", "physicalWrittenBytes", "internalNetworkInputBytes", "peakMemoryBytes",
    "spilledBytes", "elapsedSpillReadTimeMillis", "elapsedSpillWriteTimeMillis", "spilledNodes", "rootStage"
})
public record StatementStats(
        @JsonProperty("state") String state,
        @JsonProperty("queued") boolean queued,
        @JsonProperty("scheduled") boolean scheduled,
        @JsonProperty("progressPercentage") Double progressPercentage,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("totalSplits") int totalSplits,
        @JsonProperty("queuedSplits") int queuedSplits,
        @JsonProperty("runningSplits") int runningSplits,
        @JsonProperty("completedSplits") int completedSplits,
        @JsonProperty("planningTimeMillis") long planningTimeMillis,
        @JsonProperty("analysisTimeMillis") long analysisTimeMillis,
        @JsonProperty("cpuTimeMillis") long cpuTimeMillis,
        @JsonProperty("wallTimeMillis") long wallTimeMillis,
        @JsonProperty("queuedTimeMillis") long queuedTimeMillis,
        @JsonProperty("elapsedTimeMillis") long elapsedTimeMillis,
        @JsonProperty("finishingTimeMillis") long finishingTimeMillis,
        @JsonProperty("physicalInputTimeMillis") long physicalInputTimeMillis,
        @JsonProperty("processedRows") long processedRows,
        @JsonProperty("processedBytes") long processedBytes,
        @JsonProperty("physicalInputBytes") long physicalInputBytes,
        @JsonProperty("physicalWrittenBytes") long physicalWrittenBytes,
        @JsonProperty("internalNetworkInputBytes") long internalNetworkInputBytes,
        @JsonProperty("peakMemoryBytes") long peakMemoryBytes,
        @JsonProperty("spilledBytes") long spilledBytes,
        @JsonProperty("elapsedSpillReadTimeMillis") long elapsedSpillReadTimeMillis,
        @JsonProperty("elapsedSpillWriteTimeMillis") long elapsedSpillWriteTimeMillis,
        @JsonProperty("spilledNodes") long spilledNodes,
        @JsonProperty("rootStage") StageStats rootStage) {
    public StatementStats {
        requireNonNull(state, "state is null");
    }

    public static StatementStats of(QueryStatistics stats) {
        Double progress = null;
        if (stats.scheduled()) {
            // As openLooKeng and Presto 350 compute it on the client: completed over total splits once scheduled.
            progress = stats.totalSplits() == 0
                    ? (stats.state().isDone() ? 100.0 : 0.0)
                    : Math.min(100.0, 100.0 * stats.completedSplits() / stats.totalSplits());
        }
        return new StatementStats(
                stats.state().name(),
                stats.state() == QueryState.QUEUED,
                stats.scheduled(),
                progress,
                stats.nodes(),
                stats.totalSplits(),
                stats.queuedSplits(),
                stats.runningSplits(),
                stats.completedSplits(),
                stats.planningTimeMillis(),
                0,
                stats.cpuTimeMillis(),
                stats.wallTimeMillis(),
                stats.queuedTimeMillis(),
                stats.elapsedTimeMillis(),
                0,
                0,
                stats.processedRows(),
                stats.processedBytes(),
                stats.processedBytes(),
                0,
                0,
                stats.peakMemoryBytes(),
                0,
                0,
                0,
                0,
                stats.rootStage().map(StageStats::of).orElse(null));
    }
}
