package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.page.Page;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One response of the result protocol. Asking for the same phase and token again yields an equal batch
 * (same pages); {@code nextPhase}/{@code nextToken} are empty once the query is done and everything has
 * been served. {@code columns} is present from the first batch after the output shape is known.
 * {@code sessionUpdates} repeat on every batch from the one where the statement produced them.
 */
public record ResultBatch(
        QueryId queryId,
        Optional<ResultPhase> nextPhase,
        OptionalLong nextToken,
        Optional<List<ResultColumn>> columns,
        List<Page> pages,
        QueryStatistics stats,
        Optional<FailureInfo> error,
        Optional<String> updateType,
        OptionalLong updateCount,
        SessionUpdates sessionUpdates,
        boolean hasRunningStage)
        implements FetchResult {
    public ResultBatch {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(nextPhase, "nextPhase is null");
        requireNonNull(nextToken, "nextToken is null");
        requireNonNull(columns, "columns is null");
        pages = List.copyOf(pages);
        requireNonNull(stats, "stats is null");
        requireNonNull(error, "error is null");
        requireNonNull(updateType, "updateType is null");
        requireNonNull(updateCount, "updateCount is null");
        requireNonNull(sessionUpdates, "sessionUpdates is null");
        if (nextPhase.isPresent() != nextToken.isPresent()) {
            throw new IllegalArgumentException("next phase and next token go together");
        }
    }
}
