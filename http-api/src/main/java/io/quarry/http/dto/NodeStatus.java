package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code /v1/status} document: identity, addresses, memory and CPU figures of this node (sizes in bytes). */
@JsonPropertyOrder({
    "nodeId", "nodeVersion", "environment", "coordinator", "uptime", "externalAddress", "internalAddress",
    "memoryInfo", "processors", "processCpuLoad", "systemCpuLoad", "heapUsed", "heapAvailable", "nonHeapUsed"
})
public record NodeStatus(
        @JsonProperty("nodeId") String nodeId,
        @JsonProperty("nodeVersion") NodeVersion nodeVersion,
        @JsonProperty("environment") String environment,
        @JsonProperty("coordinator") boolean coordinator,
        @JsonProperty("uptime") String uptime,
        @JsonProperty("externalAddress") String externalAddress,
        @JsonProperty("internalAddress") String internalAddress,
        @JsonProperty("memoryInfo") MemoryInfo memoryInfo,
        @JsonProperty("processors") int processors,
        @JsonProperty("processCpuLoad") double processCpuLoad,
        @JsonProperty("systemCpuLoad") double systemCpuLoad,
        @JsonProperty("heapUsed") long heapUsed,
        @JsonProperty("heapAvailable") long heapAvailable,
        @JsonProperty("nonHeapUsed") long nonHeapUsed) {
    public NodeStatus {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(nodeVersion, "nodeVersion is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(uptime, "uptime is null");
        requireNonNull(externalAddress, "externalAddress is null");
        requireNonNull(internalAddress, "internalAddress is null");
        requireNonNull(memoryInfo, "memoryInfo is null");
    }
}
