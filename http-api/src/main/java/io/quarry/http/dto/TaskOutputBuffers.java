package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A task's output buffers in {@code TaskInfo}: partitioning type, buffer state, totals and each consumer's buffer. */
@JsonPropertyOrder({"type", "state", "totalBufferedBytes", "totalBufferedPages", "totalPagesSent", "buffers"})
public record TaskOutputBuffers(
        @JsonProperty("type") String type,
        @JsonProperty("state") String state,
        @JsonProperty("totalBufferedBytes") long totalBufferedBytes,
        @JsonProperty("totalBufferedPages") long totalBufferedPages,
        @JsonProperty("totalPagesSent") long totalPagesSent,
        @JsonProperty("buffers") List<TaskBufferInfo> buffers) {
    public TaskOutputBuffers {
        requireNonNull(type, "type is null");
        requireNonNull(state, "state is null");
        buffers = List.copyOf(buffers);
    }
}
