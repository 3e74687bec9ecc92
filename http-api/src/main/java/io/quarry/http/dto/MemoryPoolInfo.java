package io.quarry.http.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** One memory pool of {@link MemoryInfo}: its size and what queries hold of it (by query id). */
@JsonPropertyOrder({
    "maxBytes", "reservedBytes", "reservedRevocableBytes", "queryMemoryReservations", "queryMemoryAllocations",
    "queryMemoryRevocableReservations"
})
public record MemoryPoolInfo(
        @JsonProperty("maxBytes") long maxBytes,
        @JsonProperty("reservedBytes") long reservedBytes,
        @JsonProperty("reservedRevocableBytes") long reservedRevocableBytes,
        @JsonProperty("queryMemoryReservations") Map<String, Long> queryMemoryReservations,
        @JsonProperty("queryMemoryAllocations") Map<String, Object> queryMemoryAllocations,
        @JsonProperty("queryMemoryRevocableReservations") Map<String, Long> queryMemoryRevocableReservations) {
    public MemoryPoolInfo {
        queryMemoryReservations = Map.copyOf(queryMemoryReservations);
        queryMemoryAllocations = Map.copyOf(queryMemoryAllocations);
        queryMemoryRevocableReservations = Map.copyOf(queryMemoryRevocableReservations);
    }
}
