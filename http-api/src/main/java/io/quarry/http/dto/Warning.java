package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A warning shown by JDBC and the CLI: {@code {"warningCode": {"code": 1, "name": "…"}, "message": "…"}}. */
@JsonPropertyOrder({"warningCode", "message"})
public record Warning(@JsonProperty("warningCode") Code warningCode, @JsonProperty("message") String message) {
    public Warning {
        requireNonNull(warningCode, "warningCode is null");
        requireNonNull(message, "message is null");
    }

    /** The number and name of a warning. */
    @JsonPropertyOrder({"code", "name"})
    public record Code(@JsonProperty("code") int code, @JsonProperty("name") String name) {
        public Code {
            requireNonNull(name, "name is null");
        }
    }
}
