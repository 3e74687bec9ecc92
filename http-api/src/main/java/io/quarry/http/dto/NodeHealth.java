package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * An element of {@code /v1/node}: what the failure detector knows of another node (no id, no role, as in
 * openLooKeng). {@code age} is airlift duration text, the times ISO-8601; {@code lastFailureInfo} only after a
 * failed probe.
 */
@JsonPropertyOrder({
    "uri", "age", "recentRequests", "recentFailures", "recentSuccesses", "recentFailureRatio", "lastRequestTime",
    "lastResponseTime", "recentFailuresByType", "lastFailureInfo"
})
public record NodeHealth(
        @JsonProperty("uri") URI uri,
        @JsonProperty("age") String age,
        @JsonProperty("recentRequests") double recentRequests,
        @JsonProperty("recentFailures") double recentFailures,
        @JsonProperty("recentSuccesses") double recentSuccesses,
        @JsonProperty("recentFailureRatio") double recentFailureRatio,
        @JsonProperty("lastRequestTime") String lastRequestTime,
        @JsonProperty("lastResponseTime") String lastResponseTime,
        @JsonProperty("recentFailuresByType") Map<String, Double> recentFailuresByType,
        @JsonProperty("lastFailureInfo") Optional<ClientFailureInfo> lastFailureInfo) {
    public NodeHealth {
        requireNonNull(uri, "uri is null");
        requireNonNull(age, "age is null");
        requireNonNull(lastRequestTime, "lastRequestTime is null");
        requireNonNull(lastResponseTime, "lastResponseTime is null");
        recentFailuresByType = Map.copyOf(recentFailuresByType);
        requireNonNull(lastFailureInfo, "lastFailureInfo is null");
    }
}
