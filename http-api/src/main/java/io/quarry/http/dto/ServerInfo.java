package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code /v1/info} document; {@code uptime} is airlift duration text, which the JDBC drivers parse. */
@JsonPropertyOrder({"nodeVersion", "environment", "coordinator", "starting", "uptime", "nodeId"})
public record ServerInfo(
        @JsonProperty("nodeVersion") NodeVersion nodeVersion,
        @JsonProperty("environment") String environment,
        @JsonProperty("coordinator") boolean coordinator,
        @JsonProperty("starting") boolean starting,
        @JsonProperty("uptime") String uptime,
        @JsonProperty("nodeId") String nodeId) {
    public ServerInfo {
        requireNonNull(nodeVersion, "nodeVersion is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(uptime, "uptime is null");
        requireNonNull(nodeId, "nodeId is null");
    }
}
