package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarry.spi.ErrorCode;

/** The {@code errorCode} object of a failed query's BasicQueryInfo: Trino's code number, name and type. */
public record ErrorCodeInfo(
        @JsonProperty("code") int code, @JsonProperty("name") String name, @JsonProperty("type") String type) {
    public ErrorCodeInfo {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public static ErrorCodeInfo of(ErrorCode errorCode) {
        return new ErrorCodeInfo(errorCode.code(), errorCode.name(), errorCode.type().name());
    }
}
