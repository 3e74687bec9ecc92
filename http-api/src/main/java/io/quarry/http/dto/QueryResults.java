package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.List;

/**
 * The answer of every {@code /v1/statement} request. Absent parts are null and omitted from the JSON; {@code
 * data} only with {@code columns}, and only with at least one row; {@code warnings} always (an empty array).
 */
@JsonPropertyOrder({
    "id", "infoUri", "partialCancelUri", "nextUri", "columns", "data", "stats", "error", "warnings", "updateType",
    "updateCount"
})
public record QueryResults(
        @JsonProperty("id") String id,
        @JsonProperty("infoUri") URI infoUri,
        @JsonProperty("partialCancelUri") URI partialCancelUri,
        @JsonProperty("nextUri") URI nextUri,
        @JsonProperty("columns") List<Column> columns,
        @JsonProperty("data") ResultData data,
        @JsonProperty("stats") StatementStats stats,
        @JsonProperty("error") QueryError error,
        @JsonProperty("warnings") List<Warning> warnings,
        @JsonProperty("updateType") String updateType,
        @JsonProperty("updateCount") Long updateCount) {
    public QueryResults {
        requireNonNull(id, "id is null");
        requireNonNull(infoUri, "infoUri is null");
        requireNonNull(stats, "stats is null");
        columns = columns == null ? null : List.copyOf(columns);
        warnings = List.copyOf(warnings);
        if (data != null && columns == null) {
            // Presto 350 rejects data without columns.
            throw new IllegalArgumentException("data without columns");
        }
    }
}
