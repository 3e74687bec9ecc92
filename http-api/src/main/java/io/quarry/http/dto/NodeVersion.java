package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"version": "0.1.0"}}; drivers take major and minor from the dot-split text. */
public record NodeVersion(@JsonProperty("version") String version) {
    public NodeVersion {
        requireNonNull(version, "version is null");
    }
}
