package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarry.client.StageStatistics;
import java.util.List;

/** A node of the {@code rootStage} tree of {@link StatementStats}; {@code stageId} is the number alone ({@code "0"}). */
@JsonPropertyOrder({
    "stageId", "state", "done", "nodes", "totalSplits", "queuedSplits", "runningSplits", "completedSplits",
    "cpuTimeMillis", "wallTimeMillis", "processedRows", "processedBytes", "physicalInputBytes", "failedTasks",
    "coordinatorOnly", "subStages"
})
public record StageStats(
        @JsonProperty("stageId") String stageId,
        @JsonProperty("state") String state,
        @JsonProperty("done") boolean done,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("totalSplits") int totalSplits,
        @JsonProperty("queuedSplits") int queuedSplits,
        @JsonProperty("runningSplits") int runningSplits,
        @JsonProperty("completedSplits") int completedSplits,
        @JsonProperty("cpuTimeMillis") long cpuTimeMillis,
        @JsonProperty("wallTimeMillis") long wallTimeMillis,
        @JsonProperty("processedRows") long processedRows,
        @JsonProperty("processedBytes") long processedBytes,
        @JsonProperty("physicalInputBytes") long physicalInputBytes,
        @JsonProperty("failedTasks") int failedTasks,
        @JsonProperty("coordinatorOnly") boolean coordinatorOnly,
        @JsonProperty("subStages") List<StageStats> subStages) {
    public StageStats {
        requireNonNull(stageId, "stageId is null");
        requireNonNull(state, "state is null");
        subStages = List.copyOf(subStages);
    }

    public static StageStats of(StageStatistics stage) {
        return new StageStats(
                Integer.toString(stage.stageId()),
                stage.state(),
                stage.done(),
                stage.nodes(),
                stage.totalSplits(),
                stage.queuedSplits(),
                stage.runningSplits(),
                stage.completedSplits(),
                stage.cpuTimeMillis(),
                stage.wallTimeMillis(),
                stage.processedRows(),
                stage.processedBytes(),
                stage.processedBytes(),
                stage.failedTasks(),
                false,
                stage.subStages().stream().map(StageStats::of).toList());
    }
}
