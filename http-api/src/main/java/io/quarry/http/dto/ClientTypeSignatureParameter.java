package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One argument of a type signature: {@code {"kind": "LONG", "value": 25}}. Quarry's types only have numeric
 * arguments so far; nested types ({@code TYPE}, {@code NAMED_TYPE}) come with array, map and row.
 */
@JsonPropertyOrder({"kind", "value"})
public record ClientTypeSignatureParameter(@JsonProperty("kind") String kind, @JsonProperty("value") Object value) {
    public ClientTypeSignatureParameter {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
    }

    public static ClientTypeSignatureParameter ofLong(long value) {
        return new ClientTypeSignatureParameter("LONG", value);
    }
}
