package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.Instant;
import java.util.Optional;

/**
 * What the coordinator knows about one query, running or kept after its end: its session and SQL, its
 * times, its statistics, its failure and, when asked for, its stage tree ({@code outputStage}).
 */
public record QueryInfo(
        QueryId queryId,
        Session session,
        String query,
        QueryState state,
        boolean scheduled,
        Instant createTime,
        Optional<Instant> endTime,
        long queuedMillis,
        long elapsedMillis,
        long executionMillis,
        QueryStatistics statistics,
        Optional<FailureInfo> failure,
        Optional<StageInfo> outputStage) {
    public QueryInfo {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(session, "session is null");
        requireNonNull(query, "query is null");
        requireNonNull(state, "state is null");
        requireNonNull(createTime, "createTime is null");
        requireNonNull(endTime, "endTime is null");
        requireNonNull(statistics, "statistics is null");
        requireNonNull(failure, "failure is null");
        requireNonNull(outputStage, "outputStage is null");
    }
}
