package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.FailureInfo;

/**
 * The {@code error} of a failed query: Trino's code number, name and type; {@code errorLocation} only when
 * known (both numbers ≥ 1, guaranteed by {@link ErrorLocation}); no {@code sqlState}, as oLK and Trino.
 */
@JsonPropertyOrder({"message", "errorCode", "errorName", "errorType", "errorLocation", "failureInfo"})
public record QueryError(
        @JsonProperty("message") String message,
        @JsonProperty("errorCode") int errorCode,
        @JsonProperty("errorName") String errorName,
        @JsonProperty("errorType") String errorType,
        @JsonProperty("errorLocation") ErrorLocation errorLocation,
        @JsonProperty("failureInfo") ClientFailureInfo failureInfo) {
    public QueryError {
        requireNonNull(message, "message is null");
        requireNonNull(errorName, "errorName is null");
        requireNonNull(errorType, "errorType is null");
        requireNonNull(failureInfo, "failureInfo is null");
    }

    public static QueryError of(FailureInfo failure) {
        return new QueryError(
                failure.message(),
                failure.errorCode().code(),
                failure.errorCode().name(),
                failure.errorCode().type().name(),
                failure.location().orElse(null),
                ClientFailureInfo.of(failure));
    }
}
