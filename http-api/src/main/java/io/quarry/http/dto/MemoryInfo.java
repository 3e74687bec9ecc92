package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** The {@code memoryInfo} of {@link NodeStatus}; {@code totalNodeMemory} is airlift data-size text. */
@JsonPropertyOrder({"availableProcessors", "processCpuLoad", "systemCpuLoad", "totalNodeMemory", "pools"})
public record MemoryInfo(
        @JsonProperty("availableProcessors") int availableProcessors,
        @JsonProperty("processCpuLoad") double processCpuLoad,
        @JsonProperty("systemCpuLoad") double systemCpuLoad,
        @JsonProperty("totalNodeMemory") String totalNodeMemory,
        @JsonProperty("pools") Map<String, MemoryPoolInfo> pools) {
    public MemoryInfo {
        requireNonNull(totalNodeMemory, "totalNodeMemory is null");
        pools = Map.copyOf(pools);
    }
}
