package io.quarry.http.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A task's figures in {@code TaskInfo.stats}: drivers and splits by state, input and output, CPU and
 * scheduled time (airlift durations) and memory (bytes).
 */
@JsonPropertyOrder({
    "totalDrivers", "queuedDrivers", "runningDrivers", "completedDrivers", "totalSplits", "queuedSplits",
    "runningSplits", "completedSplits", "rawInputPositions", "rawInputDataSizeBytes", "outputPositions",
    "outputDataSizeBytes", "totalCpuTime", "totalScheduledTime", "userMemoryReservationBytes", "peakUserMemoryBytes"})
public record TaskStats(
        @JsonProperty("totalDrivers") int totalDrivers,
        @JsonProperty("queuedDrivers") int queuedDrivers,
        @JsonProperty("runningDrivers") int runningDrivers,
        @JsonProperty("completedDrivers") int completedDrivers,
        @JsonProperty("totalSplits") long totalSplits,
        @JsonProperty("queuedSplits") long queuedSplits,
        @JsonProperty("runningSplits") long runningSplits,
        @JsonProperty("completedSplits") long completedSplits,
        @JsonProperty("rawInputPositions") long rawInputPositions,
        @JsonProperty("rawInputDataSizeBytes") long rawInputDataSizeBytes,
        @JsonProperty("outputPositions") long outputPositions,
        @JsonProperty("outputDataSizeBytes") long outputDataSizeBytes,
        @JsonProperty("totalCpuTime") String totalCpuTime,
        @JsonProperty("totalScheduledTime") String totalScheduledTime,
        @JsonProperty("userMemoryReservationBytes") long userMemoryReservationBytes,
        @JsonProperty("peakUserMemoryBytes") long peakUserMemoryBytes) {}
