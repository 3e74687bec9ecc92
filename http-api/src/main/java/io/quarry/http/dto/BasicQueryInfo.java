package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarry.client.QueryInfo;
import java.net.URI;
import java.util.List;

/**
 * One element of {@code GET /v1/query}: a query's identity, session, state and summary statistics;
 * {@code errorType} and {@code errorCode} only for a failed query. Quarry has one resource group
 * ({@code ["global"]}) and one memory pool ({@code "general"}).
 */
public record BasicQueryInfo(
        @JsonProperty("queryId") String queryId,
        @JsonProperty("session") SessionRepresentation session,
        @JsonProperty("resourceGroupId") List<String> resourceGroupId,
        @JsonProperty("state") String state,
        @JsonProperty("memoryPool") String memoryPool,
        @JsonProperty("scheduled") boolean scheduled,
        @JsonProperty("self") URI self,
        @JsonProperty("query") String query,
        @JsonProperty("recoveryEnabled") boolean recoveryEnabled,
        @JsonProperty("queryStats") BasicQueryStats queryStats,
        @JsonProperty("errorType") String errorType,
        @JsonProperty("errorCode") ErrorCodeInfo errorCode) {
    public BasicQueryInfo {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(session, "session is null");
        resourceGroupId = List.copyOf(resourceGroupId);
        requireNonNull(state, "state is null");
        requireNonNull(self, "self is null");
        requireNonNull(query, "query is null");
        requireNonNull(queryStats, "queryStats is null");
    }

    /** @param base the coordinator's external base URI ({@code http://host:port}) */
    public static BasicQueryInfo of(QueryInfo info, URI base) {
        return new BasicQueryInfo(
                info.queryId().toString(),
                SessionRepresentation.of(info.session()),
                List.of("global"),
                info.state().name(),
                "general",
                info.scheduled(),
                base.resolve("/v1/query/" + info.queryId()),
                info.query(),
                false,
                BasicQueryStats.of(info),
                info.failure().map(failure -> failure.errorCode().type().name()).orElse(null),
                info.failure().map(failure -> ErrorCodeInfo.of(failure.errorCode())).orElse(null));
    }
}
