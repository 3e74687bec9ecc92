package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code /v1/task/{taskId}} document: status, time of the snapshot, output buffers, figures. */
@JsonPropertyOrder({"taskStatus", "lastHeartbeat", "outputBuffers", "noMoreSplits", "stats", "needsPlan"})
public record TaskInfo(
        @JsonProperty("taskStatus") TaskStatus taskStatus,
        @JsonProperty("lastHeartbeat") String lastHeartbeat,
        @JsonProperty("outputBuffers") TaskOutputBuffers outputBuffers,
        @JsonProperty("noMoreSplits") boolean noMoreSplits,
        @JsonProperty("stats") TaskStats stats,
        @JsonProperty("needsPlan") boolean needsPlan) {
    public TaskInfo {
        requireNonNull(taskStatus, "taskStatus is null");
        requireNonNull(lastHeartbeat, "lastHeartbeat is null");
        requireNonNull(outputBuffers, "outputBuffers is null");
        requireNonNull(stats, "stats is null");
    }
}
