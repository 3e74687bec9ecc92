package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarry.client.QueryInfo;
import java.net.URI;

/**
 * The QueryInfo of {@code GET /v1/query/{queryId}}: every field of {@link BasicQueryInfo} at the top level,
 * plus the stage tree ({@code outputStage}, once the query is planned and placed) and {@code failureInfo}
 * for a failed query.
 */
public record QueryInfoDocument(
        @JsonUnwrapped BasicQueryInfo basic,
        @JsonProperty("outputStage") StageInfoDocument outputStage,
        @JsonProperty("failureInfo") ClientFailureInfo failureInfo) {
    public QueryInfoDocument {
        requireNonNull(basic, "basic is null");
    }

    public static QueryInfoDocument of(QueryInfo info, URI base) {
        return new QueryInfoDocument(
                BasicQueryInfo.of(info, base),
                info.outputStage().map(stage -> StageInfoDocument.of(stage, base)).orElse(null),
                info.failure().map(ClientFailureInfo::of).orElse(null));
    }
}
