package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The {@code /v1/task/{taskId}/status} document: a task's identity, incarnation, version, state and failures. */
@JsonPropertyOrder({"taskId", "taskInstanceId", "version", "state", "self", "nodeId", "failures"})
public record TaskStatus(
        @JsonProperty("taskId") String taskId,
        @JsonProperty("taskInstanceId") String taskInstanceId,
        @JsonProperty("version") long version,
        @JsonProperty("state") String state,
        @JsonProperty("self") String self,
        @JsonProperty("nodeId") String nodeId,
        @JsonProperty("failures") List<ClientFailureInfo> failures) {
    public TaskStatus {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(taskInstanceId, "taskInstanceId is null");
        requireNonNull(state, "state is null");
        requireNonNull(self, "self is null");
        requireNonNull(nodeId, "nodeId is null");
        failures = List.copyOf(failures);
    }
}
