package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One query as the {@code system.runtime.queries} and {@code system.runtime.tasks} tables show it: who ran
 * what, its state and times, its failure, and the tasks of its stages.
 */
public record QuerySummary(
        String queryId,
        String state,
        String user,
        Optional<String> source,
        String query,
        long queuedMillis,
        long planningMillis,
        Instant created,
        Optional<Instant> started,
        Optional<Instant> lastHeartbeat,
        Optional<Instant> ended,
        Optional<ErrorCode> errorCode,
        List<Task> tasks) {
    public QuerySummary {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(state, "state is null");
        requireNonNull(user, "user is null");
        requireNonNull(source, "source is null");
        requireNonNull(query, "query is null");
        requireNonNull(created, "created is null");
        requireNonNull(started, "started is null");
        requireNonNull(lastHeartbeat, "lastHeartbeat is null");
        requireNonNull(ended, "ended is null");
        requireNonNull(errorCode, "errorCode is null");
        tasks = List.copyOf(tasks);
    }

    /** One task of the query, as its stage last saw it. */
    public record Task(
            String nodeId,
            String taskId,
            String stageId,
            String state,
            long splits,
            long queuedSplits,
            long runningSplits,
            long completedSplits,
            long cpuMillis,
            long wallMillis,
            long inputBytes,
            long inputRows,
            long outputBytes,
            long outputRows) {
        public Task {
            requireNonNull(nodeId, "nodeId is null");
            requireNonNull(taskId, "taskId is null");
            requireNonNull(stageId, "stageId is null");
            requireNonNull(state, "state is null");
        }
    }
}
