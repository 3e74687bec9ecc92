package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The value of a {@code NAMED_TYPE} argument (a field of a row type): its name, null for an anonymous field,
 * and its type signature.
 */
@JsonPropertyOrder({"fieldName", "typeSignature"})
public record NamedClientTypeSignature(
        @JsonProperty("fieldName") RowFieldName fieldName,
        @JsonProperty("typeSignature") ClientTypeSignature typeSignature) {
    public NamedClientTypeSignature {
        requireNonNull(typeSignature, "typeSignature is null");
    }

    /** A row field's name, as the protocol wraps it. */
    public record RowFieldName(@JsonProperty("name") String name) {
        public RowFieldName {
            requireNonNull(name, "name is null");
        }
    }
}
