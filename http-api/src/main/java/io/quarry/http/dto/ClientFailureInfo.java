package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.FailureInfo;
import java.util.List;

/**
 * The protocol's {@code failureInfo}: {@code type} never null and {@code suppressed}, {@code stack} always
 * present as arrays (Trino and Presto clients reject the response otherwise). Quarry never sends stacks.
 */
@JsonPropertyOrder({"type", "message", "cause", "suppressed", "stack", "errorLocation"})
public record ClientFailureInfo(
        @JsonProperty("type") String type,
        @JsonProperty("message") String message,
        @JsonProperty("cause") ClientFailureInfo cause,
        @JsonProperty("suppressed") List<ClientFailureInfo> suppressed,
        @JsonProperty("stack") List<String> stack,
        @JsonProperty("errorLocation") ErrorLocation errorLocation) {
    public ClientFailureInfo {
        requireNonNull(type, "type is null");
        suppressed = List.copyOf(suppressed);
        stack = List.copyOf(stack);
    }

    public static ClientFailureInfo of(FailureInfo failure) {
        return new ClientFailureInfo(
                failure.type(), failure.message(), null, List.of(), List.of(), failure.location().orElse(null));
    }
}
