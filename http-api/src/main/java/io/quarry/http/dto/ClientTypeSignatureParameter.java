package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One argument of a type signature: {@code {"kind": "LONG", "value": 25}}, an element, key or value type
 * ({@code TYPE}, a {@link ClientTypeSignature}) or a row field ({@code NAMED_TYPE}, a
 * {@link NamedClientTypeSignature}).
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

    public static ClientTypeSignatureParameter ofType(ClientTypeSignature type) {
        return new ClientTypeSignatureParameter("TYPE", type);
    }

    public static ClientTypeSignatureParameter ofNamedType(NamedClientTypeSignature field) {
        return new ClientTypeSignatureParameter("NAMED_TYPE", field);
    }
}
