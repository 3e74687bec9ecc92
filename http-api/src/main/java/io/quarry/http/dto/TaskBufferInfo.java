package io.quarry.http.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One consumer's buffer of a task's output, as in {@code TaskInfo.outputBuffers.buffers}. */
@JsonPropertyOrder({"bufferId", "finished", "bufferedPages", "pagesSent"})
public record TaskBufferInfo(
        @JsonProperty("bufferId") String bufferId,
        @JsonProperty("finished") boolean finished,
        @JsonProperty("bufferedPages") long bufferedPages,
        @JsonProperty("pagesSent") long pagesSent) {}
